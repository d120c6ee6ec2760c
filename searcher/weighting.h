// The ranking function. One place decides it so that the CLI, the bench and every shard
// server rank alike (only Xapian's built-in schemes: a remote server can run those).
#pragma once

#include <memory>
#include <string>

#include <xapian.h>

namespace nsearch {

// DLH (divergence from randomness, hypergeometric; Xapian::DLHWeight) by default: it has no
// parameter to tune and ranked the development questions best (docs/relevance.md).
// The ablation bench picks another (SearcherOptions::weighting):
//   dlh | pl2 | inl2 | bm25[:K1,B] | bm25plus[:K1,B] | lm[:MU]
// An unknown name is a usage error naming the accepted ones.
inline constexpr const char* kDefaultWeighting = "dlh";
std::unique_ptr<Xapian::Weight> make_weighting(const std::string& spec);

// For matches counted, not ranked (totals, facets, stories). Not Xapian::BoolWeight: when no
// weight needs a term's postings, Xapian 1.4.22 reads a term that every article of a database
// holds as the database's list of all articles, and once articles were removed from a compacted
// database (or a large one) that read fails: "DatabaseCorruptError: Unexpected end of posting
// list". The raw wdf ("nnn") reads the postings as a ranked match does, at next to no cost.
Xapian::TfIdfWeight counting_weight();

// A ranked query word common across the collection (term_forms.h: common_across) adds at least
// this much to every article holding it, whatever the weighting gives: DLH gives 0 to such a
// word (on the five articles of corpus/, every one holding حفتر), which left articles holding
// every query word unranked below those holding one. Built from Xapian's
// FixedWeightPostingSource, so that remote shard servers run it as they are; only for common
// words, since walking every article's entry costs the query time.
inline constexpr double kMatchedWordWeight = 0.05;
Xapian::Query with_word_floor(const Xapian::Query& word);

}  // namespace nsearch
