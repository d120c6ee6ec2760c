// Opening an index for reading, with the version check. Where it lives is the caller's choice
// (the CLI: searcher/cli/index_dir.cpp); its layout is common/index_layout.h.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include <xapian.h>

namespace nsearch {

// Opens the index at dir (a directory holding an XAPIANDB stub, a Xapian database directory,
// or a stub file) for searching. Throws Error: ErrorCode::no_index when there is none,
// unreadable when it cannot be opened, incompatible when its schema or analyzer version differs.
Xapian::Database open_index_for_reading(const std::filesystem::path& dir);

// Several indexes searched as one: every --index given (each a directory, a Xapian database
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
};
IndexSet open_index_set(const std::vector<std::filesystem::path>& locations, bool allow_partial);

// Throws Error(ErrorCode::incompatible) unless db records our schema and analyzer versions.
void check_index_versions(Xapian::Database& db, const std::string& where);

}  // namespace nsearch
