#include "searcher/possessive_forms.h"

#include <algorithm>
#include <array>
#include <map>
#include <set>

#include "searcher/arabic_letters.h"
#include "searcher/term_frequencies.h"

namespace nsearch {

namespace {

constexpr std::size_t kMinNoun = 3 * kLetter;
// ال + noun + pronoun in more than one in this many of the articles holding noun + pronoun: a
// noun of its own.
constexpr Xapian::doccount kOwnArticleShare = 10;

constexpr std::array<std::string_view, 9> kAllPersons = {"هما", "هم", "هن", "ها", "ه", "نا", "كم", "ك", "ي"};
constexpr std::array<std::string_view, 5> kThirdPerson = {"هما", "هم", "هن", "ها", "ه"};

bool ends_unambiguously(const std::string& stem) { return stem.ends_with("ت"); }  // ة before a suffix, or ات

// The noun's stem before a pronoun: a feminine ة (normalized ه) is written ت.
std::string before_pronoun(const std::string& noun) {
  if (noun.ends_with("ه")) return noun.substr(0, noun.size() - kLetter) + "ت";
  return noun;
}

// The nouns a stem before a pronoun may come from: the feminine first (حياته is حياة's, not
// the plural حيات's), then the stem as it is (قراراته, قراره).
std::vector<std::string> nouns_before(const std::string& stem) {
  std::vector<std::string> out;
  if (stem.ends_with("ت") && !stem.ends_with("ات")) return {stem.substr(0, stem.size() - kLetter) + "ه"};
  if (stem.ends_with("ات")) out.push_back(stem.substr(0, stem.size() - kLetter) + "ه");
  out.push_back(stem);
  return out;
}

// Whether a pronoun may follow the stem: any person's after ت (ة or ات), else the third person's.
bool takes(const std::string& stem, std::string_view pronoun) {
  return ends_unambiguously(stem) || std::find(kThirdPerson.begin(), kThirdPerson.end(), pronoun) != kThirdPerson.end();
}

// Whether noun + pronoun (in `bare` articles, `with_article` of them with ال) joins the noun (in
// `noun_bare` and `noun_with_article`), by the rules in the header.
bool joins(Xapian::doccount bare, Xapian::doccount with_article, Xapian::doccount noun_bare,
           Xapian::doccount noun_with_article) {
  return noun_with_article && with_article * kOwnArticleShare <= bare && bare <= noun_bare + noun_with_article;
}

}  // namespace

std::optional<std::string> possessed_noun(const Xapian::Database& db, std::string_view prefix,
                                          const std::string& word) {
  if (!arabic_letters(word)) return std::nullopt;
  const std::string field(prefix);
  for (auto pronoun : kAllPersons) {
    if (!word.ends_with(pronoun) || word.size() < pronoun.size() + kMinNoun) continue;
    std::string stem = word.substr(0, word.size() - pronoun.size());
    if (!takes(stem, pronoun)) continue;
    for (const auto& noun : nouns_before(stem)) {
      if (noun.size() >= kMinNoun && joins(db.get_termfreq(field + word), db.get_termfreq(field + "ال" + word),
                                           db.get_termfreq(field + noun), db.get_termfreq(field + "ال" + noun)))
        return noun;
    }
  }
  return std::nullopt;
}

std::vector<std::string> possessive_forms(const Xapian::Database& db, std::string_view prefix,
                                          const std::vector<std::string>& nouns, FormSearch how) {
  const std::string field(prefix);
  std::set<std::string> asked;
  std::map<std::string, std::string> noun_of;  // noun + pronoun -> noun
  for (const auto& noun : nouns) {
    if (noun.size() < kMinNoun || !arabic_letters(noun)) continue;
    asked.insert(field + noun);
    asked.insert(field + "ال" + noun);
    std::string stem = before_pronoun(noun);
    for (auto pronoun : kAllPersons) {
      if (!takes(stem, pronoun)) continue;
      std::string whole = stem + std::string(pronoun);
      noun_of.emplace(whole, noun);
      asked.insert(field + whole);
      asked.insert(field + "ال" + whole);
    }
  }
  auto freq = frequencies(db, asked, how);
  std::vector<std::string> out;
  for (const auto& [whole, noun] : noun_of) {
    if (freq[field + whole] &&
        joins(freq[field + whole], freq[field + "ال" + whole], freq[field + noun], freq[field + "ال" + noun]))
      out.push_back(field + whole);
  }
  return out;
}

}  // namespace nsearch
