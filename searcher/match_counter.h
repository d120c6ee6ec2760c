// The unweighted pass that visits every match: the exact number of matches and the facet
// counts. The searcher runs it on a second thread, on handles of its own, while the ranked
// pass finds the top hits with early termination: at a million articles each pass alone is
// about as slow as the two are together on two cores (docs/performance.md).
#pragma once

#include <string>
#include <utility>
#include <vector>

#include <xapian.h>

#include "common/index_location.h"

namespace nsearch {

struct FacetCount {
  std::string name;                                          // "source", "year", "month"
  std::vector<std::pair<std::string, Xapian::doccount>> values;  // source keys, "2025", "2025-10"
};

struct MatchCount {
  Xapian::doccount total = 0;
  std::vector<FacetCount> facets;  // in the order asked; most frequent first, then by value
};

// Throws Error(kExitUsage) unless name is a facet: source, year or month.
void check_facet(const std::string& name);

// Facet names are known ones (check_facet). Local shards whose facet codes are current
// (common/facet_codes.h) are counted from the codes; otherwise (remote shards, a shard merged
// by xapian-compact) from the value slots, with Xapian's ValueCountMatchSpy.
MatchCount count_matches(const IndexSet& index, const Xapian::Query& query, const std::vector<std::string>& facets);

// At most this many values per facet.
inline constexpr std::size_t kFacetValues = 100;

}  // namespace nsearch
