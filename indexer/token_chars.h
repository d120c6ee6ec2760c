// What tokenize needs to know of a character: whether it is blank, a digit or part of a word,
// and a word character's normalized form. Below U+0800 (ASCII and Arabic: nearly every
// character of an Arabic text) it is read from a table made once from the same ICU properties
// and normalize_word, so that tokenizing a line makes no ICU call per character.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>

#include <unicode/umachine.h>
#include <unicode/utf8.h>

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
  // Every code point of one or two UTF-8 bytes.
  static constexpr UChar32 kTableEnd = 0x0800;
  static const TokenChars& get();

  // The character at s[i], i moved past it: its entry (in the table, or in `other`), or nullptr
  // for a byte that starts no valid sequence. ASCII and two-byte sequences, nearly every
  // character of an Arabic text, are decoded here.
  [[gnu::always_inline]] const TokenChar* next(std::string_view s, int32_t& i, TokenChar& other) const {
    auto b = static_cast<unsigned char>(s[static_cast<size_t>(i)]);
    if (b < 0x80) {
      ++i;
      return &table_[b];
    }
    if (b >= 0xC2 && b <= 0xDF && static_cast<size_t>(i) + 1 < s.size()) {
      unsigned trail = static_cast<unsigned char>(s[static_cast<size_t>(i) + 1]) ^ 0x80u;
      if (trail < 0x40) {
        i += 2;
        return &table_[((b & 0x1Fu) << 6) | trail];
      }
    }
    UChar32 c;
    U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), i, static_cast<int32_t>(s.size()), c);
    if (c < 0) return nullptr;
    other = read(c);  // past the table: what ICU says, its form left to normalize_word
    return &other;
  }

 private:
  TokenChars();
  static TokenChar read(UChar32 c);
  std::array<TokenChar, kTableEnd> table_;
};

}  // namespace nsearch
