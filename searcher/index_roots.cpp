#include "searcher/index_roots.h"

#include <filesystem>

#include "common/file_entries.h"
#include "common/file_key.h"
#include "common/roots.h"
#include "common/schema.h"

namespace nsearch {

std::vector<RootInfo> index_roots(const Xapian::Database& db) {
  std::vector<RootRecord> roots = parse_roots(db.get_metadata(std::string(schema::kMetaRoots)));
  std::vector<RootInfo> out;
  for (const auto& r : roots) {
    std::error_code ec;
    out.push_back({r.name, r.path, 0, r.last_scan, std::filesystem::exists(r.path, ec)});
  }
  for (const std::string& path : file_entry_paths(db, schema::kMetaFilePrefix)) {
    for (auto& root : out) {
      if (!path_under(path, root.path)) continue;
      root.articles += db.get_termfreq(std::string(schema::kFile) + file_key(path));
      break;
    }
  }
  return out;
}

}  // namespace nsearch
