// The line and token view of an article's text that the metadata finders (title, outlet, date,
// boilerplate) share: pure functions over text, so each finder is unit-testable and fuzzable.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace nsearch {

// A word, a number or one punctuation character of a line.
struct TextToken {
  enum class Kind { Word, Number, Punct };
  Kind kind = Kind::Punct;
  std::string key;   // Word: the analyzer's normalized form (أ/إ/آ -> ا, ة -> ه, ى -> ي, no harakat);
                     // Number: ASCII digits (Arabic-Indic folded); Punct: the character itself
  long value = -1;   // Number: its value (capped), else -1
  size_t begin = 0;  // byte offsets in the line
  size_t end = 0;
  bool is_word(std::string_view k) const { return kind == Kind::Word && key == k; }
  bool is_punct(std::string_view k) const { return kind == Kind::Punct && key == k; }
};

std::vector<TextToken> tokenize(std::string_view line);

// Counts the space-separated chunks of a line that hold a letter or digit (so the line has at
// least that many words and numbers), byte by byte and without tokenizing; it can be asked
// for more later and reads on from where it stopped.
class WordChunkScan {
 public:
  // Whether line has at least n such chunks.
  bool reach(std::string_view line, size_t n);
  size_t offset() const { return offset_; }  // where the last chunk counted starts

 private:
  size_t pos_ = 0, chunks_ = 0, offset_ = 0;
  bool counted_ = false;
};

// One line of an article with its tokens and key, computed on first use and kept: the title,
// outlet, date and boilerplate finders and the folder profile all read the same first lines,
// and tokenizing them again in each was most of what inference cost.
class TextLine {
 public:
  TextLine(std::string_view text, int number) : text(text), number(number) {}

  std::string_view text;  // trimmed of spaces and invisible marks, never empty
  int number = 0;         // 1-based line number in the file

  const std::vector<TextToken>& tokens() const;
  const std::string& key() const;  // line_key(text)
  // Whether the line has more than n words and numbers; a long line is told by its chunks,
  // without tokenizing it.
  bool more_words_than(size_t n) const;
  // Whether at least n of the line's space-separated chunks hold a letter or digit, so that it
  // has at least that many words and numbers: the line is read once however often it is asked.
  bool has_word_chunks(size_t n) const { return chunks_.reach(text, n); }

 private:
  mutable std::optional<std::vector<TextToken>> tokens_;
  mutable std::optional<std::string> key_;
  mutable WordChunkScan chunks_;
};

// The non-empty lines of text; the first line of text is line first_number of the file.
std::vector<TextLine> non_empty_lines(std::string_view text, int first_number = 1);

// Trims ASCII spaces, no-break spaces and invisible marks (bidi, zero-width, BOM) at both ends.
std::string_view trim_text(std::string_view s);

// Words of a line (Word tokens' keys joined by one space): the form lines are compared in.
std::string line_key(std::string_view line);
std::string line_key(const std::vector<TextToken>& tokens);

// Whether two lines have the same key (the same words); a line with more words than the other
// is told apart without tokenizing it.
bool same_words(const TextLine& a, const TextLine& b);

// Where the n-th of the line's chunks that hold a letter or digit starts (npos: it has fewer).
size_t word_chunk_offset(std::string_view line, size_t n);

// Number of Word and Number tokens.
size_t word_count(const std::vector<TextToken>& tokens);

// A sentence of running text rather than page furniture: eight words or more, or ending in
// sentence punctuation.
bool is_prose(const TextLine& line);

}  // namespace nsearch
