// The ranked pass, split by docid so that two threads can share it: part k of n ranks only
// the k-th slice of every shard's documents, weighted with the whole index's statistics (a
// filter adds no weight and changes no statistic), so each match gets the weight one pass
// would give it. Merged in Xapian's own order, the parts' pages are that one pass's page.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

namespace nsearch {

struct RankOrder {
  std::optional<Xapian::valueno> sort_slot;  // empty: by relevance; else by this value, then relevance
  bool descending = false;                   // the value order
  // One match per value of this slot (Xapian's collapse key): the best-ranked, in both the
  // parts and their merge. Empty: every match.
  std::optional<Xapian::valueno> collapse_slot;
  // By relevance (no sort_slot): equal weights ordered by this value, ascending, rather than
  // by docid. Docids depend on the shard layout; copies of one story weigh the same, and the
  // one shown must not depend on how the index is sharded.
  std::optional<Xapian::valueno> tie_slot;
};

struct RankedMatch {
  Xapian::docid did = 0;  // in the combined database: the same in every opening of an index set
  double weight = 0;
  std::string sort_key;      // the sort slot's value, or the tie slot's when ranking by relevance
  std::string collapse_key;  // the collapse slot's value, when collapsing
};

// The first `count` matches of docid slice `part` (0-based) of `parts`. Every opening of the
// same index set numbers documents alike, so parts may be ranked on different handles.
// collapsed_estimate, when given, gets Xapian's estimate of the slice's matches after collapsing.
std::vector<RankedMatch> rank_part(const Xapian::Database& db, const Xapian::Query& query,
                                   const Xapian::Weight& weighting, const RankOrder& order, Xapian::doccount count,
                                   unsigned part, unsigned parts, Xapian::doccount* collapsed_estimate = nullptr);

// Sorts matches into one pass's order (sort value, weight descending, tie value, then docid).
void sort_ranked(std::vector<RankedMatch>::iterator first, std::vector<RankedMatch>::iterator last,
                 const RankOrder& order);

// The parts' matches in the order of one pass (sort value, weight descending, tie value, then
// docid), from `offset`, at most `limit`; collapsed again across the parts when order collapses.
std::vector<RankedMatch> merge_parts(std::vector<std::vector<RankedMatch>> parts, const RankOrder& order,
                                     Xapian::doccount offset, Xapian::doccount limit);

}  // namespace nsearch
