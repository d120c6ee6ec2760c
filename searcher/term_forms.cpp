#include "searcher/term_forms.h"

#include <set>

namespace nsearch {

namespace {

void look_up_candidates(const Xapian::Database& db, const Analyzer& analyzer, const std::string& prefix,
                        const std::string& stem, std::set<std::string>& forms) {
  for (const auto& candidate : analyzer.candidate_forms(stem)) {
    std::string term = prefix + candidate;
    if (db.term_exists(term) && analyzer.stem(candidate) == stem) forms.insert(term);
  }
}

void all_candidates(const Analyzer& analyzer, const std::string& prefix, const std::string& stem,
                    std::set<std::string>& forms) {
  for (const auto& candidate : analyzer.candidate_forms(stem)) {
    if (analyzer.stem(candidate) == stem) forms.insert(prefix + candidate);
  }
}

}  // namespace

std::vector<std::string> indexed_forms(const Xapian::Database& db, const Analyzer& analyzer, std::string_view prefix,
                                       const std::string& normalized, const std::string& stem, FormSearch how) {
  std::string own = std::string(prefix) + normalized;
  // A word that is not Arabic (Latin, digits) is never stemmed: it is its only form.
  if (normalized.empty() || static_cast<unsigned char>(normalized[0]) < 0x80) {
    return db.term_exists(own) ? std::vector<std::string>{own} : std::vector<std::string>{};
  }
  // Looking candidates up one by one costs less than walking the term list from the stem,
  // which in Xapian's format steps over every posting chunk.
  std::set<std::string> forms;  // sorted: the same query on every shard layout
  if (how == FormSearch::LookUpCandidates) look_up_candidates(db, analyzer, std::string(prefix), stem, forms);
  else all_candidates(analyzer, std::string(prefix), stem, forms);
  if (how == FormSearch::AllCandidates || db.term_exists(own)) forms.insert(own);  // whatever the rules say
  return {forms.begin(), forms.end()};
}

Xapian::doccount forms_frequency(const Xapian::Database& db, const std::vector<std::string>& forms) {
  Xapian::doccount total = 0;
  for (const auto& f : forms) total += db.get_termfreq(f);
  return total;
}

}  // namespace nsearch
