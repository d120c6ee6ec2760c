// How the rules that decide a word's forms ask the index about many terms at once.
#pragma once

#include <map>
#include <set>
#include <string>

#include <xapian.h>

namespace nsearch {

// Where the index is, and so how to ask it. Local databases: each candidate form is looked up
// (a read of a block Xapian often has cached), and a set of terms is asked term by term in
// sorted order (neighbouring terms share blocks; a match over them all costs more). Remote
// shards: a look-up is a round trip, so every candidate that stems back is kept without asking
// (walking the term list is slower still: at 1M articles on two xapian-tcpsrv shards, query
// p50 92 ms looking up, 104 ms walking; a term a shard lacks costs it one local look-up), and a
// set of terms is asked through one match, whose reply carries every query term's frequency.
enum class FormSearch { LookUpCandidates, AllCandidates };

// Articles holding each of terms (0 for a term no article holds), summed over every shard.
std::map<std::string, Xapian::doccount> frequencies(const Xapian::Database& db, const std::set<std::string>& terms,
                                                    FormSearch how = FormSearch::LookUpCandidates);

}  // namespace nsearch
