// The pass that finds every match: the exact number of matches and the facet counts. Totals
// and counts add up across shards, so the pass is dealt out shard by shard to whichever of the
// searcher's two threads has finished its slice of the ranking (searcher.h). Boolean queries
// are counted from bitmaps of the posting lists (match_bitmap.h), the rest by Xapian's matcher.
#pragma once

#include <atomic>
#include <map>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include <xapian.h>

#include "common/fields.h"
#include "searcher/index_set.h"

namespace nsearch {

struct FacetCount {
  std::string name;                                              // a facet of common/fields.h
  std::vector<std::pair<std::string, Xapian::doccount>> values;  // source keys, "2025", "2025-10"
};

struct MatchCount {
  Xapian::doccount total = 0;
  std::vector<FacetCount> facets;  // in the order asked; most frequent first, then by value
};

// Throws Error(ErrorCode::usage) unless name is a facet (common/fields.h).
void check_facet(const std::string& name);

// One counting pass, shared by the threads that call count_with(). A local shard whose facet
// codes are current (common/facet_codes.h) is counted from the codes; any other (a remote
// shard, a shard merged by xapian-compact) from its value slots, with ValueCountMatchSpy.
class MatchCounter {
 public:
  // facets: known names (check_facet); shards: how many the index set has.
  MatchCounter(std::vector<std::string> facets, std::size_t shards);
  // Counts shards that no other thread has taken until none is left. handles: this thread's own
  // opening of the index (a Xapian::Database must not be shared by threads), query: its own copy.
  void count_with(const IndexSet& handles, const Xapian::Query& query);
  // Once every count_with() has returned.
  MatchCount result() const;

 private:
  std::vector<std::string> facets_;
  std::vector<const fields::Field*> fields_;  // facets_' fields
  std::size_t shards_;
  std::atomic<std::size_t> next_{0};
  std::mutex merge_;
  Xapian::doccount total_ = 0;
  std::vector<std::map<std::string, Xapian::doccount>> counts_;  // per facet, by value
};

// At most this many values per facet.
inline constexpr std::size_t kFacetValues = 100;

}  // namespace nsearch
