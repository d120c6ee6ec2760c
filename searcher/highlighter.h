// Snippets with the matched words marked, on the original (un-normalized) text: the same
// analyzer re-reads the text, and its byte spans put every highlight on whole original words,
// diacritics and all. Consecutive words of a matched phrase form one span.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "common/analyzer.h"
#include "searcher/query_parser.h"

namespace nsearch {

struct Span {
  std::size_t start = 0;  // byte offsets into Snippet::text
  std::size_t end = 0;
};

struct Snippet {
  std::string text;
  std::vector<Span> highlights;
  bool truncated_start = false;
  bool truncated_end = false;
};

// Highlights across the whole text (for titles).
Snippet highlight_all(const std::string& text, const HighlightSet& set, const Analyzer& analyzer);

// body without the lines that only repeat the title (an article without a header has its title
// as its first line), so that a snippet never shows the title again.
std::string without_title(const std::string& body, const std::string& title);

// A word as the highlighter compares it, kept without the text it came from (the searcher
// keeps the titles it has read).
struct MarkableWord {
  std::string term;
  std::string normalized;
  bool stopword = false;
};
std::vector<MarkableWord> markable_words(const std::string& text, const Analyzer& analyzer);

// True when words has one that is not a stopword and every such word is marked: a title made
// only of the query's words.
bool every_word_marked(const std::vector<MarkableWord>& words, const HighlightSet& set);

// The window of about max_chars characters with the most matches.
Snippet best_snippet(const std::string& text, const HighlightSet& set, const Analyzer& analyzer, std::size_t max_chars);

}  // namespace nsearch
