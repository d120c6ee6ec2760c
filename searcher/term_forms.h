// Query-time stemming. The index holds each word as written (normalized, not stemmed), so an
// exact-form search is a plain term and the index needs no second copy of every word; a
// query word matches every indexed word with the same stem, looked up here.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "common/analyzer.h"

namespace nsearch {

// How to find them: look up each candidate (fast on local databases), or walk the term list
// from each prefix + stem (a dozen requests instead of hundreds: for remote shards, where
// every look-up is a round trip).
enum class FormSearch { LookUpCandidates, WalkTermList };

// The terms under `prefix` ("" or a field prefix) whose stem is `stem`, sorted, plus the
// query word's own form `normalized` when indexed. Empty when the index has none. Both
// searches find the same terms.
std::vector<std::string> indexed_forms(const Xapian::Database& db, const Analyzer& analyzer, std::string_view prefix,
                                       const std::string& normalized, const std::string& stem,
                                       FormSearch how = FormSearch::LookUpCandidates);

// Articles holding any form of the word (an upper bound: the forms' frequencies added).
Xapian::doccount forms_frequency(const Xapian::Database& db, const std::vector<std::string>& forms);

}  // namespace nsearch
