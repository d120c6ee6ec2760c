#include "searcher/highlighter.h"

#include <algorithm>
#include <unordered_set>

namespace nsearch {

namespace {

struct Analyzed {
  std::vector<Token> tokens;
  std::vector<Span> matches;  // in text coordinates, sorted, non-overlapping
};

std::size_t char_count(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

// Marked runs of words, as [first, last] word indexes, in text order: phrases first, then
// single words outside them. Words are the analyzer's tokens (snippets) or the words a searcher
// kept of a title (MarkableWord): both have .term and .normalized, and tokens are not copied.
struct WordRange {
  std::size_t first = 0, last = 0;
};

template <typename Word>
std::vector<WordRange> marked_ranges(const std::vector<Word>& words, const HighlightSet& set) {
  std::vector<WordRange> ranges;
  std::unordered_set<std::string> terms(set.terms.begin(), set.terms.end());
  std::unordered_set<std::string> exact(set.exact.begin(), set.exact.end());
  std::vector<bool> covered(words.size(), false);
  // Each run of words matching a phrase; `same` compares a word of the text with one of it.
  auto mark_phrase = [&](const std::vector<std::string>& phrase, auto same) {
    if (phrase.empty() || phrase.size() > words.size()) return;
    for (std::size_t i = 0; i + phrase.size() <= words.size(); ++i) {
      bool match = true;
      for (std::size_t k = 0; k < phrase.size() && match; ++k) match = !covered[i + k] && same(words[i + k], phrase[k]);
      if (!match) continue;
      for (std::size_t k = 0; k < phrase.size(); ++k) covered[i + k] = true;
      ranges.push_back({i, i + phrase.size() - 1});
      i += phrase.size() - 1;
    }
  };
  for (const auto& phrase : set.exact_phrases)
    mark_phrase(phrase, [](const Word& w, const std::string& form) { return w.normalized == form; });
  for (const auto& phrase : set.phrases)
    mark_phrase(phrase, [](const Word& w, const std::string& stem) { return w.term == stem; });
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (!covered[i] && (terms.count(words[i].term) || exact.count(words[i].normalized))) ranges.push_back({i, i});
  }
  std::sort(ranges.begin(), ranges.end(), [](const WordRange& x, const WordRange& y) { return x.first < y.first; });
  return ranges;
}

Analyzed find_matches(const std::string& text, const HighlightSet& set, const Analyzer& analyzer) {
  Analyzed a;
  a.tokens = analyzer.analyze(text);
  for (const WordRange& r : marked_ranges(a.tokens, set))
    a.matches.push_back({a.tokens[r.first].start, a.tokens[r.last].end});
  return a;
}

Snippet cut(const std::string& text, const std::vector<Span>& matches, std::size_t from, std::size_t to) {
  Snippet s;
  s.text = text.substr(from, to - from);
  s.truncated_start = from > 0;
  s.truncated_end = to < text.size();
  for (const auto& m : matches) {
    if (m.start >= from && m.end <= to) s.highlights.push_back({m.start - from, m.end - from});
  }
  return s;
}

}  // namespace

std::string without_title(const std::string& body, const std::string& title) {
  auto trim = [](std::string_view s) {
    std::size_t a = s.find_first_not_of(" \t\r"), b = s.find_last_not_of(" \t\r");
    return a == std::string_view::npos ? std::string_view() : s.substr(a, b - a + 1);
  };
  std::string_view wanted = trim(title);
  if (wanted.empty()) return body;
  std::string out;
  std::string_view rest = body;
  while (!rest.empty()) {
    std::size_t nl = rest.find('\n');
    std::string_view line = rest.substr(0, nl == std::string_view::npos ? rest.size() : nl + 1);
    rest.remove_prefix(line.size());
    if (trim(line.substr(0, line.find('\n'))) != wanted) out += line;
  }
  return out;
}

Snippet highlight_all(const std::string& text, const HighlightSet& set, const Analyzer& analyzer) {
  return cut(text, find_matches(text, set, analyzer).matches, 0, text.size());
}

std::vector<MarkableWord> markable_words(const std::string& text, const Analyzer& analyzer) {
  std::vector<MarkableWord> words;
  for (Token& t : analyzer.analyze(text)) words.push_back({std::move(t.term), std::move(t.normalized), t.stopword()});
  return words;
}

bool every_word_marked(const std::vector<MarkableWord>& words, const HighlightSet& set) {
  std::vector<bool> marked(words.size(), false);
  for (const WordRange& r : marked_ranges(words, set))
    std::fill(marked.begin() + r.first, marked.begin() + r.last + 1, true);
  bool any = false;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (words[i].stopword) continue;
    if (!marked[i]) return false;
    any = true;
  }
  return any;
}

Snippet best_snippet(const std::string& text, const HighlightSet& set, const Analyzer& analyzer,
                     std::size_t max_chars) {
  Analyzed a = find_matches(text, set, analyzer);
  if (a.tokens.empty()) return {};
  // Character offsets of every token, so the window test is O(1).
  std::vector<std::size_t> start_char(a.tokens.size()), end_char(a.tokens.size());
  std::size_t chars = 0, byte = 0;
  for (std::size_t k = 0; k < a.tokens.size(); ++k) {
    chars += char_count(std::string_view(text).substr(byte, a.tokens[k].start - byte));
    start_char[k] = chars;
    chars += char_count(a.tokens[k].surface);
    end_char[k] = chars;
    byte = a.tokens[k].end;
  }
  // Window over tokens [i, j] within max_chars, scored by the matches inside; token bounds
  // keep the cuts on whole words.
  std::size_t best_i = 0, best_j = 0, best_score = 0;
  std::size_t m_lo = 0;
  for (std::size_t i = 0, j = 0; i < a.tokens.size(); ++i) {
    if (j < i) j = i;
    while (j + 1 < a.tokens.size() && end_char[j + 1] - start_char[i] <= max_chars) ++j;
    while (m_lo < a.matches.size() && a.matches[m_lo].start < a.tokens[i].start) ++m_lo;
    std::size_t score = 0;
    for (std::size_t m = m_lo; m < a.matches.size() && a.matches[m].end <= a.tokens[j].end; ++m) ++score;
    if (score > best_score) {
      best_score = score;
      best_i = i;
      best_j = j;
    }
    if (i == 0 && best_score == 0) best_j = j;  // no match anywhere: the opening
  }
  return cut(text, a.matches, a.tokens[best_i].start, a.tokens[best_j].end);
}

}  // namespace nsearch
