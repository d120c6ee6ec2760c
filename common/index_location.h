// Where the index lives, and opening it for reading with the version check.
#pragma once

#include <filesystem>
#include <string>

#include <xapian.h>

namespace nsearch {

// --index DIR, else $NSEARCH_INDEX, else $XDG_DATA_HOME/nsearch/index, else
// ~/.local/share/nsearch/index.
std::filesystem::path resolve_index_dir(const std::string& flag_value);

// Opens the index at dir (a directory holding an XAPIANDB stub, a Xapian database directory,
// or a stub file) for searching. Throws Error: kExitNoIndex when there is none (message says
// to run `nsearch index`), kExitIncompatible when its schema or analyzer version differs
// (message says to run `nsearch index --rebuild`).
Xapian::Database open_index_for_reading(const std::filesystem::path& dir);

// Throws Error(kExitIncompatible) unless db records our schema and analyzer versions.
void check_index_versions(const Xapian::Database& db, const std::string& where);

}  // namespace nsearch
