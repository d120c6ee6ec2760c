#include "searcher/term_forms.h"

#include <set>

namespace nsearch {

std::vector<std::string> indexed_forms(const Xapian::Database& db, const Analyzer& analyzer, std::string_view prefix,
                                       const std::string& normalized, const std::string& stem, FormSearch how) {
  std::string own = std::string(prefix) + normalized;
  // Looking candidates up one by one costs less than walking the term list from the stem,
  // which in Xapian's format steps over every posting chunk. The stem check comes first: it
  // is cheap, and most candidates fail it.
  bool look_up = how == FormSearch::LookUpCandidates;
  std::set<std::string> forms;  // sorted: the same query on every shard layout
  for (const auto& candidate : analyzer.candidate_forms(stem)) {
    if (analyzer.stem(candidate) != stem) continue;
    std::string term = std::string(prefix) + candidate;
    if (!look_up || db.term_exists(term)) forms.insert(std::move(term));
  }
  if (!look_up || db.term_exists(own)) forms.insert(own);  // its own form, whatever the rules say
  return {forms.begin(), forms.end()};
}

Xapian::doccount forms_frequency(const Xapian::Database& db, const std::vector<std::string>& forms) {
  Xapian::doccount total = 0;
  for (const auto& f : forms) total += db.get_termfreq(f);
  return total;
}

}  // namespace nsearch
