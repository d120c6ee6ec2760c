#include "common/stemmer.h"

#include <algorithm>
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
constexpr std::array<std::string_view, 12> kArticles = {"وبال", "فبال", "وكال", "فكال", "ولل", "فلل",
                                                        "وال",  "فال",  "بال",  "كال",  "لل",  "ال"};

// Attached pronouns, stripped once, outermost first (they follow any plural ending).
constexpr std::array<std::string_view, 6> kPronouns = {"هما", "كما", "هم", "هن", "كم", "نا"};

// Endings, stripped at most kMaxEndings times while three letters remain: ها (her) and the
// sound plurals ات ون ين. Measured on the development questions (docs/relevance.md), these
// four beat both light10's full list and no suffix stripping at all.
constexpr std::array<std::string_view, 4> kEndings = {"ها", "ات", "ون", "ين"};
// Two stacked endings occur (اتها); three do not, and every extra level multiplies the
// candidates the searcher looks up per query word.
constexpr int kMaxEndings = 2;

// light10's other endings, an option (StemRules::extra_endings): dual/-an ان, ه (pronoun or
// taa marbuta, which normalization turned into ه) and nisba ي. Together they make nisba
// families meet (فلسطينيين -> فلسطين) but conflate far more (ايران -> اير, مدرسة ->
// مدرس, بنغازي -> بنغاز) and cost 0.03 MRR@10.
constexpr std::array<std::string_view, 3> kExtraEndings = {"ان", "ه", "ي"};

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

bool allowed(std::string_view suffix, std::string_view only) {
  if (only.empty()) return true;
  for (size_t p = 0; p <= only.size();) {
    size_t comma = only.find(',', p);
    if (only.substr(p, comma == std::string_view::npos ? std::string_view::npos : comma - p) == suffix) return true;
    if (comma == std::string_view::npos) break;
    p = comma + 1;
  }
  return false;
}

template <size_t N>
bool strip_one(std::string_view& w, const std::array<std::string_view, N>& suffixes, std::string_view only = {}) {
  for (auto s : suffixes) {
    if (!allowed(s, only)) continue;
    if (ends_with(w, s) && w.size() - s.size() >= kMinStem) {
      w.remove_suffix(s.size());
      return true;
    }
  }
  return false;
}

}  // namespace

std::vector<std::string_view> strippable_prefixes() {
  std::vector<std::string_view> out = {"", "و"};
  out.insert(out.end(), kArticles.begin(), kArticles.end());
  return out;
}

std::vector<std::string> strippable_suffixes(const StemRules& rules) {
  std::vector<std::string> endings;  // one level: what one strip may remove
  if (rules.suffixes) {
    for (auto e : kEndings) {
      if (allowed(e, rules.endings)) endings.emplace_back(e);
    }
    if (rules.extra_endings) {
      for (auto e : kExtraEndings) {
        if (allowed(e, rules.endings)) endings.emplace_back(e);
      }
    }
  }
  std::vector<std::string> chains = {""};  // inner endings first: S + E2 + E1 + pronoun
  for (int level = 0; level < kMaxEndings; ++level) {
    std::size_t n = chains.size();
    for (std::size_t i = 0; i < n; ++i) {
      for (const auto& e : endings) chains.push_back(chains[i] + e);
    }
  }
  std::sort(chains.begin(), chains.end());
  chains.erase(std::unique(chains.begin(), chains.end()), chains.end());
  if (!rules.pronoun_suffixes) return chains;
  std::vector<std::string> with_pronouns = chains;
  for (const auto& c : chains) {
    for (auto p : kPronouns) with_pronouns.push_back(c + std::string(p));
  }
  return with_pronouns;
}

std::string light_stem(std::string_view word, const StemRules& rules) {
  std::string_view w = word;
  if (rules.prefixes) w = strip_prefix(w);
  if (rules.pronoun_suffixes) strip_one(w, kPronouns);
  if (rules.suffixes) {
    for (int i = 0; i < kMaxEndings; ++i) {
      if (strip_one(w, kEndings, rules.endings)) continue;
      if (!rules.extra_endings || !strip_one(w, kExtraEndings, rules.endings)) break;
    }
  }
  return std::string(w);
}

}  // namespace nsearch
