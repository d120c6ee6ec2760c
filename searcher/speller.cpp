#include "searcher/speller.h"

#include <unicode/unistr.h>

#include <algorithm>
#include <set>

namespace nsearch {

namespace {

// Shorter words have too many neighbours to guess which one was meant.
constexpr std::size_t kMinLetters = 3;

std::u32string to_u32(const std::string& utf8) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(utf8);
  std::u32string out(static_cast<std::size_t>(u.countChar32()), U'\0');
  UErrorCode status = U_ZERO_ERROR;
  u.toUTF32(reinterpret_cast<UChar32*>(out.data()), static_cast<int32_t>(out.size()), status);
  return out;
}

std::string to_utf8(const std::u32string& text) {
  std::string out;
  icu::UnicodeString::fromUTF32(reinterpret_cast<const UChar32*>(text.data()), static_cast<int32_t>(text.size()))
      .toUTF8String(out);
  return out;
}

bool is_arabic(char32_t c) { return c >= 0x0600 && c <= 0x06FF; }

}  // namespace

Speller::Speller(const Analyzer& analyzer) {
  for (char32_t c = 0x0621; c <= 0x064A; ++c) {
    std::u32string letter(1, c);
    if (analyzer.normalize(to_utf8(letter)) == to_utf8(letter)) arabic_letters_ += c;
  }
  for (char32_t c = U'a'; c <= U'z'; ++c) latin_letters_ += c;
}

std::vector<std::u32string> Speller::candidates(const std::u32string& word) const {
  const std::u32string& alphabet = std::any_of(word.begin(), word.end(), is_arabic) ? arabic_letters_ : latin_letters_;
  std::set<std::u32string> out;
  for (std::size_t i = 0; i <= word.size(); ++i) {
    for (char32_t c : alphabet) {
      out.insert(word.substr(0, i) + c + word.substr(i));                                           // insert
      if (i < word.size() && c != word[i]) out.insert(word.substr(0, i) + c + word.substr(i + 1));  // replace
    }
    if (i < word.size()) out.insert(word.substr(0, i) + word.substr(i + 1));  // delete
    if (i + 1 < word.size() && word[i] != word[i + 1]) {
      std::u32string swapped = word;
      std::swap(swapped[i], swapped[i + 1]);
      out.insert(swapped);
    }
  }
  out.erase(word);
  return {out.begin(), out.end()};
}

std::string Speller::correct(const Xapian::Database& db, const std::string& normalized) const {
  std::u32string word = to_u32(normalized);
  if (word.size() < kMinLetters) return "";
  std::string best;
  Xapian::doccount best_freq = kMinArticles - 1;
  for (const auto& candidate : candidates(word)) {
    if (candidate.size() < kMinLetters) continue;
    std::string text = to_utf8(candidate);
    Xapian::doccount freq = db.get_termfreq(text);  // words are indexed as written
    if (freq > best_freq) {  // candidates come sorted: ties keep the first, on every shard layout
      best_freq = freq;
      best = text;
    }
  }
  return best;
}

}  // namespace nsearch
