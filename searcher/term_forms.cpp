#include "searcher/term_forms.h"

#include <set>

namespace nsearch {

std::vector<std::string> WordForms::held_terms() const {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < terms.size(); ++i) {
    if (held[i]) out.push_back(terms[i]);
  }
  return out;
}

WordForms indexed_forms(const Xapian::Database& db, const Analyzer& analyzer, std::string_view prefix,
                        const std::string& normalized, const std::string& stem, FormSearch how) {
  // The stem check comes first: it is cheap, and most candidates fail it.
  std::set<std::string> candidates{std::string(prefix) + normalized};  // its own form, whatever the rules say
  for (const auto& candidate : analyzer.candidate_forms(stem)) {
    if (analyzer.stem(candidate) == stem) candidates.insert(std::string(prefix) + candidate);
  }
  // Looking candidates up one by one costs less than walking the term list from the stem,
  // which in Xapian's format steps over every posting chunk.
  WordForms forms;
  for (const auto& term : candidates) {
    forms.held.push_back(how == FormSearch::AllCandidates || db.term_exists(term));
    forms.terms.push_back(term);
  }
  return forms;
}

namespace {

// Forms [begin, end) as a balanced tree of two-sided synonyms; MatchNothing when none is held
// (Xapian drops a MatchNothing side, and a synonym of one form is that form).
Xapian::Query synonym_tree(const WordForms& forms, std::size_t begin, std::size_t end) {
  if (end - begin == 1) return forms.held[begin] ? Xapian::Query(forms.terms[begin]) : Xapian::Query::MatchNothing;
  std::size_t middle = begin + (end - begin) / 2;
  Xapian::Query sides[] = {synonym_tree(forms, begin, middle), synonym_tree(forms, middle, end)};
  return Xapian::Query(Xapian::Query::OP_SYNONYM, std::begin(sides), std::end(sides));
}

}  // namespace

Xapian::Query forms_query(const WordForms& forms, Xapian::Query::op op) {
  if (forms.terms.empty()) return Xapian::Query::MatchNothing;
  if (op == Xapian::Query::OP_SYNONYM) return synonym_tree(forms, 0, forms.terms.size());
  std::vector<std::string> held = forms.held_terms();
  return Xapian::Query(op, held.begin(), held.end());
}

Xapian::doccount forms_frequency(const Xapian::Database& db, const WordForms& forms) {
  Xapian::doccount total = 0;
  for (const auto& f : forms.held_terms()) total += db.get_termfreq(f);
  return total;
}

}  // namespace nsearch
