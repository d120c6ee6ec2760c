// The on-disk index directory: DIR/XAPIANDB is a stub naming the current generation
// DIR/db-N; DIR/.lock is held (flock) by the one `nsearch index` that may write.
// `--rebuild` writes db-(N+1) and renames a new stub over XAPIANDB only when it is complete,
// so readers always open a whole index, the old one until the swap.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <xapian.h>

#include "indexer/document_builder.h"

namespace nsearch {

struct FileManifest {
  std::uint64_t size = 0;
  std::int64_t mtime_ns = 0;
  std::string hash;
  std::uint64_t articles = 0;
};

class IndexStore {
 public:
  struct Options {
    bool rebuild = false;
    bool wait = false;            // wait for the lock instead of failing
    std::size_t batch_size = 10000;  // articles per commit
  };

  // Takes the lock and opens (or creates) the writable generation. Throws Error(kExitLocked).
  IndexStore(const std::filesystem::path& dir, const Options& options);
  ~IndexStore();
  IndexStore(const IndexStore&) = delete;
  IndexStore& operator=(const IndexStore&) = delete;

  // Stored content hash of the article with this Q term, if any.
  std::optional<std::string> stored_hash(const std::string& id_term);
  void put(const BuiltDocument& built);
  // Deletes the articles of file_key whose Q term is not in keep (sorted); returns how many.
  std::size_t remove_file_articles(const std::string& file_key_value, const std::vector<std::string>& keep);

  std::optional<FileManifest> manifest(const std::string& path);
  void set_manifest(const std::string& path, const FileManifest& m);
  void erase_manifest(const std::string& path);
  std::vector<std::string> manifest_paths();

  // The analyzer variant recorded when the index was created ("default" for users).
  std::string analyzer_variant();

  std::vector<std::string> roots();
  void set_roots(const std::vector<std::string>& roots);

  // Commits when a batch is full; safe points are after whole files or batch boundaries.
  void maybe_commit();
  // Final commit (with last-update time) and, for a rebuild, the swap.
  void finish();

  const std::filesystem::path& dir() const { return dir_; }

 private:
  void commit();

  std::filesystem::path dir_;
  Options options_;
  int lock_fd_ = -1;
  Xapian::WritableDatabase db_;
  std::filesystem::path generation_;   // db-N being written
  std::filesystem::path replaced_;     // old generation to remove after a rebuild swap
  std::size_t pending_ = 0;
  std::unordered_map<std::string, Xapian::termcount> spellings_;  // added at the next commit
  std::unordered_set<std::string> named_sources_;  // display name already recorded
};

// Reads DIR/XAPIANDB and returns the current generation's directory name ("" when none).
std::string current_generation(const std::filesystem::path& dir);

}  // namespace nsearch
