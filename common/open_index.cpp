#include "common/open_index.h"

#include "common/analyzer.h"
#include "common/errors.h"
#include "common/overtaken_read.h"
#include "common/schema.h"

namespace nsearch {

namespace fs = std::filesystem;

void check_index_versions(Xapian::Database& db, const std::string& where) {
  auto metadata = [&](std::string_view key) {
    return read_newest(db, [&](Xapian::Database& d) { return d.get_metadata(std::string(key)); });
  };
  const std::string schema = metadata(schema::kMetaSchemaVersion);
  const std::string analyzer = metadata(schema::kMetaAnalyzerVersion);
  if (schema != std::to_string(schema::kSchemaVersion) || analyzer != std::to_string(Analyzer::kVersion)) {
    throw Error(ErrorCode::incompatible,
                "index " + where + " was written with schema " + (schema.empty() ? "?" : schema) + ", analyzer " +
                    (analyzer.empty() ? "?" : analyzer) + "; this nsearch uses schema " +
                    std::to_string(schema::kSchemaVersion) + ", analyzer " + std::to_string(Analyzer::kVersion));
  }
}

Xapian::Database open_index_for_reading(const fs::path& dir) {
  std::error_code ec;
  if (!fs::exists(dir, ec)) {
    throw Error(ErrorCode::no_index, "no index at " + dir.string());
  }
  Xapian::Database db;
  try {
    // A fresh open is always on the newest revision.
    db = read_newest([&] { return Xapian::Database(dir.string()); }, [] { return true; });
  } catch (const Xapian::DatabaseNotFoundError&) {
    throw Error(ErrorCode::no_index, "no index at " + dir.string());
  } catch (const Xapian::DatabaseOpeningError& e) {
    throw Error(ErrorCode::unreadable, "cannot open the index at " + dir.string() + ": " + e.get_msg());
  }
  check_index_versions(db, dir.string());
  return db;
}

}  // namespace nsearch
