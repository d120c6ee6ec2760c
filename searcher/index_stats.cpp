#include "searcher/index_stats.h"

#include <algorithm>

#include "common/dates.h"
#include "common/roots.h"
#include "common/schema.h"

namespace nsearch {

namespace {

namespace fs = std::filesystem;

std::uintmax_t disk_size(const fs::path& dir) {
  std::uintmax_t total = 0;
  std::error_code ec;
  for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    std::error_code fec;
    if (it->is_regular_file(fec)) total += it->file_size(fec);
  }
  return total;
}

std::vector<SourceCount> source_counts(const Xapian::Database& db) {
  std::vector<SourceCount> counts;
  std::string prefix(schema::kSource);
  for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it) {
    std::string key = (*it).substr(prefix.size());
    std::string display = db.get_metadata(std::string(schema::kMetaSourcePrefix) + key);
    counts.push_back({display.empty() ? key : display, it.get_termfreq()});
  }
  std::sort(counts.begin(), counts.end(), [](const auto& a, const auto& b) { return a.count > b.count; });
  return counts;
}

}  // namespace

IndexStats index_stats(const IndexSet& set, const fs::path& dir) {
  const Xapian::Database& db = set.db;
  auto meta = [&](std::string_view key) { return db.get_metadata(std::string(key)); };
  IndexStats s;
  s.index = dir.string();
  s.documents = db.get_doccount();
  s.databases = set.parts.size();
  s.sources = source_counts(db);
  s.date_from = iso_day(db.get_value_lower_bound(schema::kSlotDateStart));
  s.date_to = iso_day(db.get_value_upper_bound(schema::kSlotDateEnd));
  s.size_bytes = disk_size(dir);
  s.schema_version = meta(schema::kMetaSchemaVersion);
  s.analyzer_version = meta(schema::kMetaAnalyzerVersion);
  s.analyzer_variant = meta(schema::kMetaAnalyzerVariant);
  s.last_update = meta(schema::kMetaLastUpdate);
  for (const auto& r : parse_roots(meta(schema::kMetaRoots))) s.roots.push_back(r.path);
  return s;
}

}  // namespace nsearch
