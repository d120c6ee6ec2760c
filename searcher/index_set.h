// What a search reads: one or more indexes, each local or served by shard servers, searched as
// one (`nsearch search --index A --index B`, stub files listing remote shards).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include <xapian.h>

namespace nsearch {

// Several indexes searched as one: every location given (each a directory, a Xapian database
// or a stub file). Stub lines may name local databases ("glass PATH", "auto PATH") and remote
// ones ("remote HOST:PORT", served by xapian-tcpsrv). Each part is opened on its own, so a
// shard server that is down is named in the error; with allow_partial it is left out and
// listed in `missing` instead.
struct IndexSet {
  Xapian::Database db;
  std::vector<Xapian::Database> shards;  // each part on its own (sharing db's handles), in db's order
  std::vector<std::string> parts;        // what was opened, for messages
  std::vector<std::string> missing;      // "HOST:PORT: why", left out (allow_partial)
  bool has_remote = false;               // a look-up costs a round trip: the searcher asks less often
  // What it was opened from: open_index_set(locations, allow_partial) opens it again, with
  // handles of its own (a Xapian::Database must not be used by two threads at once).
  std::vector<std::filesystem::path> locations;
  bool allow_partial = false;
  // Every part the locations listed when opened, reachable or not: `nsearch index` adds
  // databases to a stub as it seals full ones, and --rebuild swaps in a new generation, neither
  // of which reopening the handles can see.
  std::vector<std::string> listed;
};

// Throws Error: unreachable for a shard server that is down (unless allow_partial), and as
// open_index_for_reading (common/open_index.h) for each local part.
IndexSet open_index_set(const std::vector<std::filesystem::path>& locations, bool allow_partial);

// Whether the locations now list other parts than when the set was opened (then it is to be
// opened again). A stub that cannot be read now counts as unchanged: the open handles still work.
bool listing_changed(const IndexSet& set);

}  // namespace nsearch
