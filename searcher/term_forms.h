// Query-time stemming. The index holds each word as written (normalized, not stemmed), so an
// exact-form search is a plain term and the index needs no second copy of every word; a
// query word matches every indexed word with the same stem, looked up here.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "common/analyzer.h"
#include "searcher/name_variants.h"
#include "searcher/term_frequencies.h"

namespace nsearch {

// A query word's forms under a prefix, sorted: every candidate the stemmer reduces to the word's
// stem, the word as typed, and the clitic forms the vocabulary joins (clitic_forms.h; a word
// after such a clitic is searched as the word). `held` says which of them the index holds (all,
// when they were not looked up; the bare forms a clitic may precede always are, since the
// clitic rules need them).
struct WordForms {
  std::vector<std::string> terms;
  std::vector<bool> held;
  // Other spellings of a name (name_variants.h), and their terms with their clitic forms, all
  // held; they rank below the word as written.
  std::vector<NameVariant> spellings;
  std::vector<std::string> variants;
  // Words derived from it, or it from them, by a suffix the stemmer leaves (derived_forms.h),
  // held and not among its forms, weighing kDerivedWeight: `derived` match on their own,
  // `boosting` only add to an article the other terms match.
  std::vector<std::string> derived;
  std::vector<std::string> boosting;
  // Whether the forms are so common across the collection (together, at least once per two
  // articles) that the weighting may give an article holding them nothing; set by the searcher
  // for ranked words (common_across()).
  bool common = false;
  // The word as the name rules read it: without a clitic the vocabulary joins (بوفاة -> وفاه).
  std::string written = {};
  // The held forms; held_terms() adds the variants and the derived words.
  std::vector<std::string> held_forms() const;
  std::vector<std::string> held_terms() const;
};

WordForms indexed_forms(const Xapian::Database& db, const Analyzer& analyzer, std::string_view prefix,
                        const std::string& normalized, const std::string& stem,
                        FormSearch how = FormSearch::LookUpCandidates);

// The word as one query: OP_OR of the held forms, variants and derived words (inside phrases),
// or OP_SYNONYM, under which the forms weigh as one term, the variants as another at
// kVariantWeight and the derived words as a third at kDerivedWeight (OP_AND_MAYBE for the
// boosting ones; phrases leave those out).
// Xapian estimates a synonym's frequencies pairwise over a tree of its forms, rounding at each
// step, and orders that tree by each shard's own frequencies, so the same word would weigh
// slightly differently on different shard layouts (bench/shards_check: 7 of 1,856 questions
// reordered). Here the tree is fixed by `terms` alone: a balanced tree of two-form synonyms,
// whose estimate does not depend on the order of its two sides, and in which a form the index
// lacks adds nothing whether it is left out (looked up) or kept (remote).
inline constexpr double kVariantWeight = 0.5;
inline constexpr double kDerivedWeight = 0.1;
Xapian::Query forms_query(const WordForms& forms, Xapian::Query::op op);

// Articles holding any form of the word (an upper bound: the forms' frequencies added), not
// counting other spellings of a name: how common the word is as the user wrote it.
Xapian::doccount forms_frequency(const Xapian::Database& db, const WordForms& forms);

// Whether the held forms occur, together, at least once per two articles. DLH gives a form
// nothing in an article of length len holding it wdf times when wdf/len * avlen * N/F falls
// below about 0.4 (F its collection frequency), so from F >= N/2 an article a few times longer
// than average can score 0 for a word it holds. Collection frequencies add up over shards, so
// the answer does not depend on how the articles are split.
bool common_across(const Xapian::Database& db, const WordForms& forms, FormSearch how = FormSearch::LookUpCandidates);

}  // namespace nsearch
