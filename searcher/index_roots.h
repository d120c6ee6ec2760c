// The roots an index was built from, with what each holds, as `nsearch roots` lists them.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <xapian.h>

namespace nsearch {

struct RootInfo {
  std::string name;
  std::string path;
  std::uint64_t articles = 0;  // the index's articles from the root's files
  std::string last_scan;       // ISO 8601 UTC, "" never
  bool present = false;        // the path exists now
};

// db: the index (its roots and file manifest are in database 0). A root's files are those of
// the manifest; their articles are counted by the index (an article another file took is no
// longer theirs).
std::vector<RootInfo> index_roots(const Xapian::Database& db);

}  // namespace nsearch
