#include "searcher/clitic_forms.h"

#include <array>
#include <map>
#include <set>

#include "searcher/arabic_letters.h"
#include "searcher/term_frequencies.h"

namespace nsearch {

namespace {

constexpr std::size_t kMinRest = 3 * kLetter;

constexpr std::array<std::string_view, 5> kClitics = {"ب", "ك", "ل", "ف", "س"};
// A conjunction may precede the clitic (وبأنقرة, فسيقول); looked up only after a clitic form
// is found, since few words have one.
constexpr std::array<std::string_view, 2> kConjunctions = {"و", "ف"};
// The prepositions that never precede another: a form seen after one of them (لبوتين, بلبنان,
// لباراك) is a word in its own right, not a preposition + a word. After ل, another ل is left out:
// لل is also ل + the article.
constexpr std::array<std::string_view, 3> kPrepositions = {"ب", "ل", "ك"};
// Seen in one article only, a preposition before the form may be a typo (ببمقر).
constexpr Xapian::doccount kMinStacked = 2;

// How many articles hold a preposition before clitic + rest (`whole`), counting only forms that do
// not take the article themselves (البلدية makes بلدية a word, not ب + لدية); freq_of(term)
// gives a term's frequency.
Xapian::doccount after_preposition(std::string_view clitic, const std::string& field, const std::string& whole,
                                   const auto& freq_of) {
  Xapian::doccount n = 0;
  for (auto preposition : kPrepositions) {
    if (preposition == "ل" && clitic == "ل") continue;
    std::string stacked = std::string(preposition) + whole;
    if (!freq_of(field + "ال" + stacked)) n += freq_of(field + stacked);
  }
  return n;
}

// The future س comes only before an imperfect verb, whose first letter is one of these.
bool fits_after(std::string_view clitic, std::string_view rest) {
  if (clitic.substr(clitic.size() - kLetter) != "س") return true;
  return starts_with(rest, "ي") || starts_with(rest, "ت") || starts_with(rest, "ن") || starts_with(rest, "ا");
}

// Whether clitic + rest is the clitic on the word rest, by the rules in the header, given what
// the index says: whether the whole word (or its stem) takes the article, whether rest does,
// and both frequencies. rest is a word of at least three letters and no function word.
bool joins(std::string_view clitic, bool whole_takes_article, Xapian::doccount after_preposition,
           bool rest_takes_article, Xapian::doccount rest_freq, Xapian::doccount whole_freq) {
  if (whole_takes_article || after_preposition >= kMinStacked) return false;
  if (rest_takes_article) return true;
  // ك (as, like) precedes nouns only, and a noun takes the article: كيري is not ك + يري.
  if (clitic == "ك") return false;
  return rest_freq >= whole_freq;
}

}  // namespace

std::optional<std::string> clitic_rest(const Xapian::Database& db, const Analyzer& analyzer, std::string_view prefix,
                                       const std::string& word) {
  const std::string field(prefix);
  // A word the index holds with the article is no clitic form: وكالة is no و + ك + اله.
  if (db.term_exists(field + "ال" + word)) return std::nullopt;
  for (auto conjunction : kConjunctions) {
    if (starts_with(word, conjunction)) {
      if (auto rest = clitic_rest(db, analyzer, prefix, word.substr(conjunction.size()))) return rest;
    }
  }
  for (auto clitic : kClitics) {
    if (!starts_with(word, clitic)) continue;
    std::string rest = word.substr(clitic.size());
    if (rest.size() < kMinRest || !arabic_letters(rest) || analyzer.is_stopword(rest) || !fits_after(clitic, rest))
      continue;
    Xapian::doccount rest_freq = db.get_termfreq(field + rest);
    if (!rest_freq) continue;
    bool whole_takes_article = db.term_exists(field + "ال" + analyzer.stem(word));  // ال + word: above
    auto freq_of = [&](const std::string& term) { return db.get_termfreq(term); };
    if (joins(clitic, whole_takes_article, after_preposition(clitic, field, word, freq_of),
              db.term_exists(field + "ال" + rest), rest_freq, db.get_termfreq(field + word)))
      return rest;
  }
  return std::nullopt;
}

std::vector<std::string> clitic_forms(const Xapian::Database& db, const Analyzer& analyzer, std::string_view prefix,
                                      const std::vector<std::string>& forms, FormSearch how) {
  const std::string field(prefix);
  std::set<std::string> wholes;
  for (auto clitic : kClitics) {
    for (const auto& form : forms) wholes.insert(field + std::string(clitic) + form);
  }
  auto held = frequencies(db, wholes, how);
  // The terms the rules ask about, for every clitic form the index holds.
  struct Pair {
    std::string_view clitic;
    std::string form, whole;
  };
  std::vector<Pair> pairs;
  std::set<std::string> asked;
  for (auto clitic : kClitics) {
    for (const auto& form : forms) {
      std::string whole = std::string(clitic) + form;
      if (!held[field + whole] || form.size() < kMinRest || !arabic_letters(form) || analyzer.is_stopword(form) ||
          !fits_after(clitic, form))
        continue;
      for (const auto& t : {"ال" + whole, "ال" + analyzer.stem(whole), "ال" + form, form}) asked.insert(field + t);
      for (auto conjunction : kConjunctions) asked.insert(field + std::string(conjunction) + whole);
      for (auto preposition : kPrepositions) {
        asked.insert(field + std::string(preposition) + whole);
        asked.insert(field + "ال" + std::string(preposition) + whole);
      }
      pairs.push_back({clitic, form, whole});
    }
  }
  auto freq = frequencies(db, asked, how);
  std::vector<std::string> out;
  for (const auto& [clitic, form, whole] : pairs) {
    auto freq_of = [&](const std::string& term) { return freq[term]; };
    if (!joins(clitic, freq[field + "ال" + whole] + freq[field + "ال" + analyzer.stem(whole)] > 0,
               after_preposition(clitic, field, whole, freq_of), freq[field + "ال" + form] > 0, freq[field + form],
               held[field + whole]))
      continue;
    out.push_back(field + whole);
    for (auto conjunction : kConjunctions) {
      if (freq[field + std::string(conjunction) + whole]) out.push_back(field + std::string(conjunction) + whole);
    }
  }
  return out;
}

}  // namespace nsearch
