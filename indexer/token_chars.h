// What tokenize needs to know of a character: whether it is blank, a digit or part of a word,
// and a word character's normalized form. Below U+0700 (ASCII and Arabic: nearly every
// character of an Arabic text) it is read from a table made once from the same ICU properties
// and normalize_word, so that tokenizing a line makes no ICU call per character.
#pragma once

#include <array>
#include <cstdint>

#include <unicode/umachine.h>

namespace nsearch {

// Spaces, no-break spaces and invisible marks (bidi, zero-width, BOM).
bool is_blank(UChar32 c);
// Part of a word: letters, combining marks and tatweel.
bool is_word_char(UChar32 c);

struct TokenChar {
  bool blank = false;
  bool digit = false;
  bool word = false;
  bool folds_alone = false;  // word: a word of such characters normalizes to their forms joined
  std::int8_t value = -1;    // digit: its value
  std::uint8_t form_size = 0;
  char form[2] = {};  // folds_alone: its normalized form (form_size bytes; 0: removed)
};

class TokenChars {
 public:
  static constexpr UChar32 kTableEnd = 0x0700;
  static const TokenChars& get();
  TokenChar operator()(UChar32 c) const { return c >= 0 && c < kTableEnd ? table_[c] : read(c); }

 private:
  TokenChars();
  static TokenChar read(UChar32 c);
  std::array<TokenChar, kTableEnd> table_;
};

}  // namespace nsearch
