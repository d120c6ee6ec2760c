// Turns raw input into Articles: article files (front matter or plain) and JSON Lines records.
// A problem is a value (ParseResult::error), never an exception: the caller reports it with the
// input's location and goes on.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/article.h"
#include "indexer/metadata_inference.h"

namespace nsearch {

// An article bigger than this is not news text (a dump, a log, a binary blob): skipped, so
// that one record cannot take the memory of a whole run (nsearch holds an article about five
// times over while indexing it).
inline constexpr size_t kMaxArticleBytes = 64u << 20;
// "article of N MB is over the 64 MB limit" when bytes exceeds it, else "".
std::string oversize_problem(size_t bytes);

struct ParseResult {
  std::optional<Article> article;              // set when the input yields an article
  std::string error;                           // why it was skipped (when article is empty)
  std::vector<std::string> warnings;           // indexed anyway (e.g. an unparseable date)
  std::optional<MetadataInference> inference;  // what was read from the text, when inference ran
};

// An article file. Front matter: first line exactly `---`, `key: value` lines (id, title,
// source, date, url, author), a closing `---` line, then the body. A field the header gives
// always stands. Without inference, the title of a file without one is its first non-empty
// line. With it (infer set), the fields the header lacks are read from the text
// (metadata_inference.h) and listed in Article::inferred; a file without any front matter is a
// raw page, and its boilerplate is left out of the body.
// default_id is used when the header gives none (the path relative to the indexed root).
ParseResult parse_article_file(std::string_view content, const std::string& default_id,
                               const InferenceOptions* infer = nullptr);

// One JSON Lines record: an object with id, title, body, source, date (url, author optional).
ParseResult parse_json_article(std::string_view line);

// Where the first invalid UTF-8 sequence starts, or npos when text is valid UTF-8.
size_t invalid_utf8_offset(std::string_view text);

}  // namespace nsearch
