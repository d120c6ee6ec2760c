#include "common/file_entries.h"

#include "common/file_key.h"

namespace nsearch {

namespace {

constexpr std::size_t kMaxMetadataKeyBytes = 255;

bool fits(std::string_view prefix, const std::string& path) {
  return prefix.size() + path.size() <= kMaxMetadataKeyBytes;
}

std::string key_of(std::string_view prefix, const std::string& path) {
  std::string key(prefix);
  if (fits(prefix, path)) return key.append(path);
  return key.append("#").append(file_key(path));
}

}  // namespace

FileEntry file_entry(std::string_view prefix, const std::string& path, const std::string& payload) {
  FileEntry e{key_of(prefix, path), payload};
  if (!fits(prefix, path) && !payload.empty()) e.value = path + '\0' + payload;
  return e;
}

std::string file_entry_payload(const Xapian::Database& db, std::string_view prefix, const std::string& path) {
  std::string value = db.get_metadata(key_of(prefix, path));
  if (fits(prefix, path)) return value;
  const std::size_t nul = value.find('\0');
  // A hash shared by two paths (never seen) reads as no entry rather than the other file's.
  return nul == std::string::npos || value.compare(0, nul, path) != 0 ? "" : value.substr(nul + 1);
}

std::vector<std::string> file_entry_paths(const Xapian::Database& db, std::string_view prefix) {
  std::vector<std::string> paths;
  const std::string start(prefix);
  for (auto it = db.metadata_keys_begin(start); it != db.metadata_keys_end(start); ++it) {
    const std::string key = *it;
    if (key.size() > prefix.size() && key[prefix.size()] == '#') {
      const std::string value = db.get_metadata(key);
      paths.push_back(value.substr(0, value.find('\0')));
    } else {
      paths.push_back(key.substr(prefix.size()));
    }
  }
  return paths;
}

}  // namespace nsearch
