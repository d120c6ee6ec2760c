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

// How to find them: look up each candidate (local databases), or keep every candidate that
// stems back without asking the index (remote shards, where each look-up is a round trip and
// walking the term list is slower still: at 1M articles on two xapian-tcpsrv shards, query
// p50 92 ms looking up, 104 ms walking; a term a shard lacks costs it one local look-up).
enum class FormSearch { LookUpCandidates, AllCandidates };

// The terms under `prefix` ("" or a field prefix) whose stem is `stem`, sorted, plus the
// query word's own form `normalized`. LookUpCandidates keeps only the indexed ones (empty
// when the index has none); AllCandidates keeps them all, so the query is the same after the
// terms the index lacks match nothing.
std::vector<std::string> indexed_forms(const Xapian::Database& db, const Analyzer& analyzer, std::string_view prefix,
                                       const std::string& normalized, const std::string& stem,
                                       FormSearch how = FormSearch::LookUpCandidates);

// Articles holding any form of the word (an upper bound: the forms' frequencies added).
Xapian::doccount forms_frequency(const Xapian::Database& db, const std::vector<std::string>& forms);

}  // namespace nsearch
