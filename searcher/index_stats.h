// What an index holds, as `nsearch stats` reports it.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include <xapian.h>

#include "searcher/index_set.h"

namespace nsearch {

struct SourceCount {
  std::string name;  // display name (`nsearch sources`), else the key
  Xapian::doccount count = 0;
};

struct IndexStats {
  std::string index;  // the directory
  Xapian::doccount documents = 0;
  std::size_t databases = 0;         // every database searched (sealed ones included)
  std::vector<SourceCount> sources;  // most articles first
  std::string date_from, date_to;    // YYYY-MM-DD (iso_day of the date slots' bounds)
  std::uintmax_t size_bytes = 0;     // on disk
  std::string schema_version, analyzer_version, analyzer_variant, last_update;
  std::vector<std::string> roots;  // paths (`nsearch roots` has the rest)
};

// set: the index at dir, opened with open_index_set.
IndexStats index_stats(const IndexSet& set, const std::filesystem::path& dir);

}  // namespace nsearch
