#include "common/normalizer.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

namespace nsearch {

namespace {

// Characters NFKC may change. Basic Arabic letters and ASCII are NFKC-stable, so the common
// case skips ICU's normalizer entirely (it dominates the analyzer's cost otherwise).
bool needs_nfkc(UChar32 c) {
  if (c < 0x80) return false;
  if (c >= 0x0600 && c <= 0x06FF) {
    return (c >= 0x0653 && c <= 0x0655) ||  // combining hamza/madda: compose first
           (c >= 0x0675 && c <= 0x0678);    // compatibility forms (ٵ ٶ ٷ ٸ)
  }
  return true;
}

// Removed outright: harakat, dagger alef, Quranic marks, tatweel, and invisible controls
// (ZWNJ/ZWJ, bidi marks and embeddings, ALM, BOM, soft hyphen) that must never split or
// distinguish words.
bool is_removed(UChar32 c) {
  return (c >= 0x064B && c <= 0x065F) || c == 0x0670 || (c >= 0x06D6 && c <= 0x06ED) || c == 0x0640 ||
         (c >= 0x200B && c <= 0x200F) || c == 0x061C || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) ||
         c == 0xFEFF || c == 0x00AD;
}

// One row of the table per case; returns the replacement code point.
UChar32 fold_arabic(UChar32 c, bool fold_hamza_seats) {
  switch (c) {
    case 0x0622:
    case 0x0623:
    case 0x0625:
    case 0x0671:
    case 0x0672:
    case 0x0673: return 0x0627;  // آ أ إ ٱ ٲ ٳ -> ا
    case 0x0649:
    case 0x06CC:
    case 0x06D2: return 0x064A;  // ى ی ے -> ي
    case 0x0629:
    case 0x06C0:
    case 0x06C1:
    case 0x06BE:
    case 0x06D5: return 0x0647;  // ة ۀ ہ ھ ە -> ه
    case 0x06A9:
    case 0x06AA: return 0x0643;  // ک ڪ -> ك
    case 0x0624:
    case 0x0626: return fold_hamza_seats ? 0x0621 : c;  // ؤ ئ -> ء
    default: return c;
  }
}

bool is_arabic_letter(UChar32 c) { return (c >= 0x0621 && c <= 0x064A) || (c >= 0x0671 && c <= 0x06D3); }

void append_utf8(UChar32 c, std::string& out) {
  char buf[4];
  int32_t i = 0;
  UBool error = false;
  U8_APPEND(buf, i, 4, c, error);
  if (!error) out.append(buf, static_cast<size_t>(i));
}

// Decodes word (bad bytes -> U+FFFD) and applies NFKC when any character may need it.
icu::UnicodeString nfkc(std::string_view word) {
  icu::UnicodeString decoded;
  int32_t i = 0;
  const auto* s = reinterpret_cast<const uint8_t*>(word.data());
  const auto n = static_cast<int32_t>(word.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(s, i, n, c);
    decoded.append(c < 0 ? UChar32{0xFFFD} : c);
  }
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* norm = icu::Normalizer2::getNFKCInstance(status);
  if (U_FAILURE(status)) return decoded;
  icu::UnicodeString result = norm->normalize(decoded, status);
  return U_FAILURE(status) ? decoded : result;
}

}  // namespace

bool folds_alone(char32_t c) { return !needs_nfkc(static_cast<UChar32>(c)); }

NormalizedWord normalize_word(std::string_view word, bool fold_hamza_seats, std::string& out) {
  NormalizedWord info;
  out.clear();
  auto emit = [&](UChar32 c) {
    if (is_removed(c)) return;
    if (c < 0x80) {
      if (c >= 'A' && c <= 'Z') c += 'a' - 'A';
      bool digit = c >= '0' && c <= '9';
      info.all_digits &= digit;
      info.all_arabic = false;
      info.has_latin |= (c >= 'a' && c <= 'z');
      out.push_back(static_cast<char>(c));
      return;
    }
    if (u_charType(c) == U_DECIMAL_DIGIT_NUMBER) {
      info.all_arabic = false;
      out.push_back(static_cast<char>('0' + u_charDigitValue(c)));
      return;
    }
    c = fold_arabic(c, fold_hamza_seats);
    info.all_digits = false;
    if (!is_arabic_letter(c)) {
      info.all_arabic = false;
      UErrorCode status = U_ZERO_ERROR;
      if (uscript_getScript(c, &status) == USCRIPT_LATIN) info.has_latin = true;
      c = u_foldCase(c, U_FOLD_CASE_DEFAULT);
    }
    append_utf8(c, out);
  };

  const auto* s = reinterpret_cast<const uint8_t*>(word.data());
  const auto n = static_cast<int32_t>(word.size());
  bool slow = false;
  for (int32_t i = 0; i < n && !slow;) {
    UChar32 c;
    U8_NEXT(s, i, n, c);
    slow = c < 0 || needs_nfkc(c);
  }
  if (!slow) {
    for (int32_t i = 0; i < n;) {
      UChar32 c;
      U8_NEXT(s, i, n, c);
      emit(c);
    }
  } else {
    icu::UnicodeString text = nfkc(word);
    for (int32_t i = 0; i < text.length();) {
      UChar32 c = text.char32At(i);
      i += U16_LENGTH(c);
      emit(c);
    }
  }
  if (out.empty()) {
    info.all_digits = false;
    info.all_arabic = false;
  }
  return info;
}

}  // namespace nsearch
