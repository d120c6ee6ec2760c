// Output formats of `nsearch search`: text, json, jsonl, ids, trec, written through one
// Printer (printer.h). The JSON shape is documented in docs/query-syntax.md ("JSON output") and
// versioned by kFormatVersion.
#pragma once

#include <cstdio>
#include <string>

#include "searcher/searcher.h"
#include "searcher/text_layout.h"

namespace nsearch {

inline constexpr int kFormatVersion = 1;

enum class OutputFormat { Text, Json, Jsonl, Ids, Trec };

// Throws Error(ErrorCode::usage) for an unknown name.
OutputFormat parse_output_format(const std::string& name);

struct PrintOptions {
  OutputFormat format = OutputFormat::Text;
  bool color = false;  // ANSI highlight; otherwise plain markers
  std::string qid;     // batch mode: the query id ("" for a single search)
  // Text only: lines wrapped at spaces to this many columns (0: not wrapped), and how mixed
  // Arabic and Latin lines are written (text_layout.h).
  std::size_t width = 0;
  BidiMode bidi = BidiMode::Logical;
};

// The result as options.format writes it (for the pager, and `nsearch serve`).
std::string printed_result(const SearchResult& result, const PrintOptions& options);
void print_result(const SearchResult& result, const PrintOptions& options, std::FILE* out);

// A batch query the parser rejected: a record of type "error" with its qid in json and jsonl,
// nothing in the other formats (their callers report it on stderr).
void print_error(const std::string& query, const std::string& message, const PrintOptions& options, std::FILE* out);

}  // namespace nsearch
