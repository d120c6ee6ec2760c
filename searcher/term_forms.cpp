#include "searcher/term_forms.h"

#include <algorithm>
#include <iterator>
#include <map>
#include <optional>
#include <set>

#include "searcher/arabic_letters.h"
#include "searcher/clitic_forms.h"
#include "searcher/derived_forms.h"
#include "searcher/feminine_plurals.h"
#include "searcher/possessive_forms.h"
#include "searcher/term_frequencies.h"

namespace nsearch {

std::vector<std::string> WordForms::held_forms() const {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < terms.size(); ++i) {
    if (held[i]) out.push_back(terms[i]);
  }
  return out;
}

std::vector<std::string> WordForms::held_terms() const {
  std::vector<std::string> out = held_forms();
  out.insert(out.end(), variants.begin(), variants.end());
  out.insert(out.end(), derived.begin(), derived.end());
  return out;
}

namespace {

// The other spellings of a name and their clitic forms, leaving out any the word's own forms hold.
std::vector<std::string> variant_terms(const Xapian::Database& db, const Analyzer& analyzer, std::string_view prefix,
                                       const std::vector<NameVariant>& spellings,
                                       const std::map<std::string, bool>& own, FormSearch how) {
  std::set<std::string> out;
  for (const auto& v : spellings) {
    out.insert(std::string(prefix) + v.word);
    for (auto& t : clitic_forms(db, analyzer, prefix, {v.word}, how)) out.insert(std::move(t));
  }
  std::vector<std::string> terms;
  for (const auto& t : out) {
    if (!own.count(t)) terms.push_back(t);
  }
  return terms;
}

}  // namespace

WordForms indexed_forms(const Xapian::Database& db, const Analyzer& analyzer, std::string_view prefix,
                        const std::string& normalized, const std::string& stem, FormSearch how) {
  const std::string field(prefix);
  // A function word is searched as written: it takes neither the article nor a clitic as a
  // noun does, so the words that stem like it (الآلي beside إلى, العليان beside على) are others.
  if (analyzer.is_stopword(normalized)) {
    WordForms forms;
    forms.terms = {field + normalized};
    forms.held = {db.term_exists(forms.terms[0])};
    forms.written = normalized;
    return forms;
  }
  // The stem check comes first: it is cheap, and most candidates fail it.
  std::set<std::string> candidates{field + normalized};  // its own form, whatever the rules say
  auto add_forms_of = [&](const std::string& s) {
    for (const auto& candidate : analyzer.candidate_forms(s)) {
      if (analyzer.stem(candidate) == s) candidates.insert(field + candidate);
    }
  };
  // A word beginning with و that the index holds with the article (الوكالة, الوزير) keeps its
  // و, which the stemmer strips as "and": وكالة would stem to كالة, parted from الوكالة and
  // joined to كالة's forms.
  auto owns_waw = [&](const std::string& w) { return starts_with(w, "و") && db.term_exists(field + "ال" + w); };
  std::string own_stem = stem;
  if (analyzer.options().stem) {
    if (owns_waw(normalized)) own_stem = analyzer.stem("ال" + normalized);
    if (owns_waw(own_stem)) candidates.insert(field + own_stem);
  }
  add_forms_of(own_stem);
  // A word after a clitic the stemmer leaves (بأنقرة) is searched as the word itself.
  std::string core = own_stem;
  std::string written = normalized;  // the word as written, without the clitic
  if (analyzer.options().stem) {
    auto rest = clitic_rest(db, analyzer, prefix, normalized);
    if (!rest) rest = clitic_rest(db, analyzer, prefix, own_stem);
    if (rest) {
      core = analyzer.stem(owns_waw(*rest) ? "ال" + *rest : *rest);
      written = *rest;
      candidates.insert(field + *rest);
      add_forms_of(core);
    }
  }
  // A noun with a pronoun after it (حياته) finds the noun's other forms (الحياة, حياتها) as a
  // derived word: the pronoun as typed ranks first.
  std::optional<std::string> noun;
  if (analyzer.options().stem) noun = possessed_noun(db, prefix, written);
  // Looking candidates up one by one costs less than walking the term list from the stem,
  // which in Xapian's format steps over every posting chunk.
  std::map<std::string, bool> found;
  std::vector<std::string> bare;  // the core with endings only: what a clitic may precede
  // Nor is a form beginning with و that the index holds with the article (الوكالات) one of them:
  // it is a word of its own, not و + a form of this one (وكالات is not و + كالات). Looked up
  // together, in term order.
  std::set<std::string> with_article;
  for (const auto& term : candidates) {
    if (term != field + normalized && starts_with(term.substr(field.size()), "و"))
      with_article.insert(field + "ال" + term.substr(field.size()));
  }
  const auto article_freq = frequencies(db, with_article, how);
  auto owns_its_waw = [&](const std::string& term) {
    auto it = article_freq.find(field + "ال" + term.substr(field.size()));
    return it != article_freq.end() && it->second && analyzer.stem("ال" + term.substr(field.size())) != core;
  };
  for (const auto& term : candidates) {
    // A function word is no form of another word (الآلي, whose stem is الي, is not إلى).
    if (term != field + normalized && analyzer.is_stopword(term.substr(field.size()))) continue;
    if (owns_its_waw(term)) continue;
    bool is_bare = term.compare(field.size(), core.size(), core) == 0;
    bool held = (how == FormSearch::AllCandidates && !is_bare) || db.term_exists(term);
    found.emplace(term, held);
    if (held && is_bare && analyzer.options().stem) bare.push_back(term.substr(field.size()));
  }
  if (analyzer.options().stem) {
    for (auto& term : possessive_forms(db, prefix, bare, how)) {
      if (analyzer.is_stopword(term.substr(field.size()))) continue;
      bare.push_back(term.substr(field.size()));
      found[term] = true;
    }
  }
  for (auto& term : clitic_forms(db, analyzer, prefix, bare, how)) found[term] = true;
  WordForms forms;
  // The plural of a feminine look-alike (الرياضات beside الرياض) only adds weight, unless the
  // word as typed is the plural.
  const bool plural_elsewhere =
      analyzer.options().stem && !is_plural_form(normalized, "", core) && plural_is_feminine(db, prefix, core);
  for (const auto& [term, held] : found) {
    if (plural_elsewhere && is_plural_form(term, field, core)) {
      if (held) forms.boosting.push_back(term);
      continue;
    }
    forms.terms.push_back(term);
    forms.held.push_back(held);
  }
  // Other spellings and derived words take a few dozen look-ups, so remote shards search them
  // too, and every layout of an index finds the same words.
  forms.written = written;
  forms.spellings = name_variants(db, analyzer, prefix, written);
  forms.variants = variant_terms(db, analyzer, prefix, forms.spellings, found, how);
  std::set<std::string> taken(forms.variants.begin(), forms.variants.end());
  auto fresh = [&](const std::string& t) {
    return !found.count(t) && !taken.count(t) && !analyzer.is_stopword(t.substr(field.size()));
  };
  DerivedForms derived = derived_forms(db, analyzer, prefix, core, how);

  std::copy_if(derived.joined.begin(), derived.joined.end(), std::back_inserter(forms.derived), fresh);
  if (noun) {
    // Looked up on every layout: derived words are held ones.
    auto of_noun = indexed_forms(db, analyzer, prefix, *noun, analyzer.stem(*noun)).held_forms();
    std::copy_if(of_noun.begin(), of_noun.end(), std::back_inserter(forms.derived), fresh);
  }
  std::copy_if(derived.boosting.begin(), derived.boosting.end(), std::back_inserter(forms.boosting), fresh);
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

// Held terms as one synonym weighing `weight` times a term; empty for none.
Xapian::Query scaled_synonym(const std::vector<std::string>& terms, double weight) {
  if (terms.empty()) return {};
  WordForms all{terms, std::vector<bool>(terms.size(), true), {}, {}, {}, {}};
  return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, synonym_tree(all, 0, terms.size()), weight);
}

}  // namespace

Xapian::Query forms_query(const WordForms& forms, Xapian::Query::op op) {
  if (forms.terms.empty()) return Xapian::Query::MatchNothing;
  if (op != Xapian::Query::OP_SYNONYM) {
    std::vector<std::string> held = forms.held_terms();
    return Xapian::Query(op, held.begin(), held.end());
  }
  Xapian::Query word = synonym_tree(forms, 0, forms.terms.size());
  Xapian::Query parts[] = {word, scaled_synonym(forms.variants, kVariantWeight),
                           scaled_synonym(forms.derived, kDerivedWeight)};
  if (!parts[1].empty() || !parts[2].empty())
    word = Xapian::Query(Xapian::Query::OP_OR, std::begin(parts), std::end(parts));
  Xapian::Query boosting = scaled_synonym(forms.boosting, kDerivedWeight);
  return boosting.empty() ? word : Xapian::Query(Xapian::Query::OP_AND_MAYBE, word, boosting);
}

Xapian::doccount forms_frequency(const Xapian::Database& db, const WordForms& forms) {
  Xapian::doccount total = 0;
  for (const auto& f : forms.held_forms()) total += db.get_termfreq(f);
  return total;
}

bool common_across(const Xapian::Database& db, const WordForms& forms, FormSearch how) {
  const std::vector<std::string> terms = forms.held_terms();
  // Remote shards: candidates were kept unasked, and most are not indexed; one match says
  // which are, and only those are asked how often they occur.
  std::map<std::string, Xapian::doccount> held;
  if (how == FormSearch::AllCandidates) held = frequencies(db, {terms.begin(), terms.end()}, how);
  Xapian::termcount occurrences = 0;
  for (const auto& f : terms) {
    if (how == FormSearch::AllCandidates && held[f] == 0) continue;
    occurrences += db.get_collection_freq(f);
    if (2 * occurrences >= db.get_doccount()) return true;
  }
  return false;
}

}  // namespace nsearch
