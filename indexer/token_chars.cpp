#include "indexer/token_chars.h"

#include <string>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "common/normalizer.h"

namespace nsearch {

bool is_blank(UChar32 c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v' || c == 0x00A0 ||
         (c >= 0x2000 && c <= 0x200F) || (c >= 0x2028 && c <= 0x202F) || (c >= 0x2066 && c <= 0x2069) || c == 0x061C ||
         c == 0xFEFF || c == 0x3000;
}

bool is_word_char(UChar32 c) {
  return c > 0 && (u_isalpha(c) || u_getCombiningClass(c) > 0 || u_charType(c) == U_NON_SPACING_MARK);
}

TokenChar TokenChars::read(UChar32 c) {
  TokenChar k;
  k.blank = is_blank(c);
  k.digit = u_isdigit(c);
  k.word = is_word_char(c);
  if (k.digit) k.value = static_cast<std::int8_t>(u_charDigitValue(c));
  return k;
}

TokenChars::TokenChars() {
  std::string form;
  for (UChar32 c = 0; c < kTableEnd; ++c) {
    TokenChar k = read(c);
    if (k.word && folds_alone(static_cast<char32_t>(c))) {
      char buf[U8_MAX_LENGTH];
      int32_t n = 0;
      UBool error = false;
      U8_APPEND(buf, n, U8_MAX_LENGTH, c, error);
      normalize_word(std::string_view(buf, static_cast<size_t>(n)), false, form);
      // tokenize writes a word's forms over the word's own bytes: a longer form is left to
      // normalize_word.
      if (!error && form.size() <= static_cast<size_t>(n) && form.size() <= sizeof k.form) {
        k.folds_alone = true;
        k.form_size = static_cast<std::uint8_t>(form.size());
        form.copy(k.form, form.size());
      }
    }
    table_[static_cast<size_t>(c)] = k;
  }
}

const TokenChars& TokenChars::get() {
  static const TokenChars chars;
  return chars;
}

}  // namespace nsearch
