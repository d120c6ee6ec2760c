// One `nsearch index` run: settle the roots (record new ones, forget some, report missing ones),
// walk the inputs in the byte order of their paths, parse, build documents (on `jobs`
// threads) and hand them to the shard writers, then remove what disappeared. Adds before it
// removes, commits in batches, and records each file in the manifest only after all its
// articles are written, so a run killed at any point is completed by the next one with
// nothing lost or duplicated. Of two files that claim one id, the one whose path sorts first
// keeps it, whatever was scanned when (docs/indexing.md, "Ids").
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "common/dates.h"
#include "indexer/index_store.h"

namespace nsearch {

struct IndexCounts {
  std::uint64_t added = 0;
  std::uint64_t updated = 0;
  std::uint64_t unchanged = 0;
  std::uint64_t removed = 0;
  std::uint64_t skipped = 0;        // inputs (files or JSONL lines) not indexed
  std::uint64_t warnings = 0;       // indexed, with a problem reported (e.g. a bad date)
  std::uint64_t missing_roots = 0;  // recorded roots missing or unreadable: their articles kept
};

struct IndexProgress {
  std::uint64_t articles = 0;     // articles read so far
  std::uint64_t bytes_done = 0;   // input bytes read so far (compressed, for .gz/.xz)
  std::uint64_t bytes_total = 0;  // all input bytes (0 when unknown, e.g. stdin)
};

struct IndexRequest {
  std::vector<std::string> paths;   // files, directories or "-"; empty: the recorded roots
  std::vector<std::string> forget;  // recorded roots (path or name) to remove with their articles
  bool no_delete = false;           // keep articles whose file disappeared
  unsigned jobs = 1;                // threads analyzing articles (each shard also has a writer)
  // Read the title, outlet and date an article file's header lacks from its text, and drop a
  // raw page's boilerplate (indexer/metadata_inference.h). Relative dates are resolved against
  // reference_date, else against the day of the file's modification time.
  bool infer = true;
  std::optional<Date> reference_date;
  IndexStore::Options store;
  std::function<void(const std::string&)> report;      // one line per skip or warning
  std::function<void(const IndexProgress&)> progress;  // called now and then, and once when complete
};

struct IndexSummary {
  IndexCounts counts;
  double seconds = 0;
  std::uint64_t input_bytes = 0;
  std::vector<std::string> roots;          // the paths scanned
  std::vector<std::string> missing_roots;  // recorded roots missing or unreadable (articles kept), printable
};

// Throws Error(ErrorCode::usage) for a path that does not exist (and is no recorded root), a root to
// forget that is not recorded, or no paths for an index without roots; nothing is written
// then, and a location without an index is left without one.
IndexSummary run_index(const std::filesystem::path& index_dir, const IndexRequest& request);

}  // namespace nsearch
