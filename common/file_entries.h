// Per-file metadata entries (schema::kMetaFilePrefix, kMetaContestedPrefix), keyed by absolute
// path. A path may pass Xapian's 255-byte limit on metadata keys (deep folders, Arabic file
// names); such a path is keyed by the prefix, '#' (no absolute path starts with it) and its
// file_key(), and its entry's value starts with the path and a NUL byte.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

namespace nsearch {

struct FileEntry {
  std::string key;
  std::string value;  // "" removes the entry
};

// The entry to write for path; an empty payload removes it.
FileEntry file_entry(std::string_view prefix, const std::string& path, const std::string& payload);

// What was written for path ("" if nothing).
std::string file_entry_payload(const Xapian::Database& db, std::string_view prefix, const std::string& path);

// The paths of every entry under prefix.
std::vector<std::string> file_entry_paths(const Xapian::Database& db, std::string_view prefix);

}  // namespace nsearch
