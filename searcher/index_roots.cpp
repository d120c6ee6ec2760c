#include "searcher/index_roots.h"

#include <filesystem>

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
  const std::string prefix(schema::kMetaFilePrefix);
  for (auto it = db.metadata_keys_begin(prefix); it != db.metadata_keys_end(prefix); ++it) {
    std::string path = (*it).substr(prefix.size());
    for (auto& root : out) {
      if (!path_under(path, root.path)) continue;
      root.articles += db.get_termfreq(std::string(schema::kFile) + file_key(path));
      break;
    }
  }
  return out;
}

}  // namespace nsearch
