#include "searcher/derived_forms.h"

#include <array>
#include <map>
#include <set>

#include "searcher/arabic_letters.h"
#include "searcher/name_variants.h"
#include "searcher/term_frequencies.h"

namespace nsearch {

namespace {

constexpr std::size_t kMinBase = 3 * kLetter;

// The dual, the feminine (and its plural after ه, as Lucene strips هات), and the nisba with its
// feminine and sound plurals.
constexpr std::array<std::string_view, 5> kAfterNisba = {"", "ه", "ين", "ون", "ات"};

std::vector<std::string> derived_suffixes() {
  std::vector<std::string> out = {"ان", "ه", "هات"};
  for (auto after : kAfterNisba) out.push_back("ي" + std::string(after));
  return out;
}

// Articles holding the word as written plus those holding it with the article: whether it is
// held in its own right, and how common.
Xapian::doccount own_frequency(const Xapian::Database& db, const std::string& field, const std::string& word) {
  return db.get_termfreq(field + word) + db.get_termfreq(field + "ال" + word);
}

}  // namespace

DerivedForms derived_forms(const Xapian::Database& db, const Analyzer& analyzer, std::string_view prefix,
                           const std::string& stem, FormSearch how) {
  const std::string field(prefix);
  if (!analyzer.options().stem || stem.size() < kMinBase || !arabic_letters(stem)) return {};
  const std::vector<std::string> suffixes = derived_suffixes();
  const Xapian::doccount max_freq = own_frequency(db, field, stem);
  std::set<std::string> bases;
  if (max_freq) bases.insert(stem);
  for (const auto& s : suffixes) {
    if (stem.size() < s.size() + kMinBase || stem.compare(stem.size() - s.size(), s.size(), s) != 0) continue;
    std::string base = stem.substr(0, stem.size() - s.size());
    if (own_frequency(db, field, base)) bases.insert(base);
  }
  // Bare or with the article only: the other prefixes would triple the look-ups for the few
  // words written with them alone.
  std::map<std::string, std::set<std::string>> from;  // term -> the bases it derives from
  for (const auto& base : bases) {
    auto add = [&](const std::string& w) {
      for (const auto& t : {field + w, field + "ال" + w}) from[t].insert(base);
    };
    if (base != stem) add(base);
    for (const auto& s : suffixes) add(base + s);
  }
  std::set<std::string> terms;
  for (const auto& entry : from) terms.insert(entry.first);
  std::map<std::string, bool> name;  // asked only of bases with a derived word
  DerivedForms out;
  for (const auto& [term, f] : frequencies(db, terms, how)) {
    if (!f || f > max_freq) continue;
    bool joined = false;
    for (const auto& base : from[term]) {
      auto known = name.find(base);
      if (known == name.end()) known = name.emplace(base, looks_like_name(db, base)).first;
      joined = joined || known->second;
    }
    (joined ? out.joined : out.boosting).push_back(term);
  }
  return out;
}

}  // namespace nsearch
