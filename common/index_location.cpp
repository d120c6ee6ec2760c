#include "common/index_location.h"

#include <cstdlib>

#include "common/analyzer.h"
#include "common/errors.h"
#include "common/schema.h"

namespace nsearch {

namespace fs = std::filesystem;

fs::path resolve_index_dir(const std::string& flag_value) {
  if (!flag_value.empty()) return flag_value;
  if (const char* env = std::getenv("NSEARCH_INDEX"); env && *env) return env;
  if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg) return fs::path(xdg) / "nsearch" / "index";
  const char* home = std::getenv("HOME");
  return fs::path(home && *home ? home : ".") / ".local" / "share" / "nsearch" / "index";
}

void check_index_versions(const Xapian::Database& db, const std::string& where) {
  const std::string schema = db.get_metadata(std::string(schema::kMetaSchemaVersion));
  const std::string analyzer = db.get_metadata(std::string(schema::kMetaAnalyzerVersion));
  if (schema != std::to_string(schema::kSchemaVersion) || analyzer != std::to_string(Analyzer::kVersion)) {
    throw Error(kExitIncompatible,
                "index " + where + " was written with schema " + (schema.empty() ? "?" : schema) + ", analyzer " +
                    (analyzer.empty() ? "?" : analyzer) + "; this nsearch uses schema " +
                    std::to_string(schema::kSchemaVersion) + ", analyzer " + std::to_string(Analyzer::kVersion) +
                    ": run `nsearch index --rebuild`");
  }
}

Xapian::Database open_index_for_reading(const fs::path& dir) {
  std::error_code ec;
  if (!fs::exists(dir, ec)) {
    throw Error(kExitNoIndex, "no index at " + dir.string() + "; create one with `nsearch index PATH`");
  }
  Xapian::Database db;
  try {
    db = Xapian::Database(dir.string());
  } catch (const Xapian::DatabaseNotFoundError&) {
    throw Error(kExitNoIndex, "no index at " + dir.string() + "; create one with `nsearch index PATH`");
  } catch (const Xapian::DatabaseOpeningError& e) {
    throw Error(kExitNoIndex, "cannot open the index at " + dir.string() + ": " + e.get_msg());
  }
  check_index_versions(db, dir.string());
  return db;
}

}  // namespace nsearch
