// Opening one index for reading, with the version check: what the indexer and the searcher
// both need. Where it lives is the caller's choice (the CLI: searcher/cli/index_dir.cpp); its
// layout is common/index_layout.h. Several indexes and remote shards searched as one are the
// searcher's (searcher/index_set.h).
#pragma once

#include <filesystem>
#include <string>

#include <xapian.h>

namespace nsearch {

// Opens the index at dir (a directory holding an XAPIANDB stub, a Xapian database directory,
// or a stub file) for searching. Throws Error: ErrorCode::no_index when there is none,
// unreadable when it cannot be opened, incompatible when its schema or analyzer version differs.
Xapian::Database open_index_for_reading(const std::filesystem::path& dir);

// Throws Error(ErrorCode::incompatible) unless db records our schema and analyzer versions.
void check_index_versions(Xapian::Database& db, const std::string& where);

}  // namespace nsearch
