#include "common/stemmer.h"

#include <array>

namespace nsearch {

namespace {

// Every Arabic letter is two bytes in UTF-8, so lengths below are in letters = bytes / 2.
constexpr size_t kLetter = 2;

// A stem keeps at least three letters: nearly every Arabic root has three, and two-letter
// remainders (الله -> له, قوة -> قو) collide with unrelated frequent words.
constexpr size_t kMinStem = 3 * kLetter;

// Conjunction + preposition + article combinations, longest first so وبالكتاب loses all of
// وبال (Lucene strips only one prefix) and والكتاب loses وال (Snowball keeps it).
constexpr std::array<std::string_view, 12> kArticles = {
    "وبال", "فبال", "وكال", "فكال", "ولل", "فلل", "وال", "فال", "بال", "كال", "لل", "ال"};

// Attached pronouns, stripped once, outermost first (they follow any plural ending).
constexpr std::array<std::string_view, 6> kPronouns = {"هما", "كما", "هم", "هن", "كم", "نا"};

// Plural, dual, feminine and nisba endings, stripped repeatedly (فلسطينيين -> فلسطيني ->
// فلسطين -> فلسط, the same stem as فلسطين and فلسطينية). ها and ه (pronoun or taa marbuta,
// which normalization turned into ه) are here because they share the guard. ية needs no row:
// it arrives as يه and loses ه, then ي.
constexpr std::array<std::string_view, 7> kEndings = {"ها", "ات", "ون", "ين", "ان", "ه", "ي"};

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
bool ends_with(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}

std::string_view strip_prefix(std::string_view w) {
  for (auto p : kArticles) {
    if (starts_with(w, p) && w.size() - p.size() >= kMinStem) return w.substr(p.size());
  }
  // و alone ("and"); ف alone is left: stripping it breaks far more words (فرانك, فريق)
  // than it joins.
  if (starts_with(w, "و") && w.size() - kLetter >= kMinStem) return w.substr(kLetter);
  return w;
}

template <size_t N>
bool strip_one(std::string_view& w, const std::array<std::string_view, N>& suffixes) {
  for (auto s : suffixes) {
    if (ends_with(w, s) && w.size() - s.size() >= kMinStem) {
      w.remove_suffix(s.size());
      return true;
    }
  }
  return false;
}

}  // namespace

std::string light_stem(std::string_view word, const StemRules& rules) {
  std::string_view w = word;
  if (rules.prefixes) w = strip_prefix(w);
  if (rules.pronoun_suffixes) strip_one(w, kPronouns);
  if (rules.suffixes) {
    for (int i = 0; i < 3 && strip_one(w, kEndings); ++i) {
    }
  }
  return std::string(w);
}

}  // namespace nsearch
