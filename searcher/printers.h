// Output formats of `nsearch search`: text, json, jsonl, ids, trec. The JSON shape is
// documented in docs/query-syntax.md ("JSON output") and versioned by kFormatVersion.
#pragma once

#include <cstdio>
#include <string>

#include "searcher/searcher.h"

namespace nsearch {

inline constexpr int kFormatVersion = 1;

enum class OutputFormat { Text, Json, Jsonl, Ids, Trec };

// Throws Error(kExitUsage) for an unknown name.
OutputFormat parse_output_format(const std::string& name);

struct PrintOptions {
  OutputFormat format = OutputFormat::Text;
  bool color = false;  // ANSI highlight; otherwise plain markers
  std::string qid;     // batch mode: the query id ("" for a single search)
};

void print_result(const SearchResult& result, const PrintOptions& options, std::FILE* out);

// Snippet text with highlights marked: ANSI bold red on a terminal, **…** otherwise.
std::string mark(const Snippet& snippet, bool color);

}  // namespace nsearch
