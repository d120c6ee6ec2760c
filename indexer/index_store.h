// The on-disk index directory. DIR/XAPIANDB is a stub naming the current generation's
// databases (common/index_layout.h reads and writes it). DIR/.lock is held (flock) by the one `nsearch index` that may
// write.
// `--rebuild` writes generation G+1 and renames a new stub over XAPIANDB only when it is
// complete, so readers always open a whole index, the old one until the swap.
//
// An index is written in N lanes (`--shards N`), in parallel: the last N databases of the
// stub are open and take new articles, a new article going to open database fnv1a(Q term) % N.
// When an open database holds Options::segment_size articles at a checkpoint, the N open ones
// are sealed and N empty ones appended to the stub. Why: a commit costs more per article the
// larger the database it writes into (glass rewrites a block per term touched, all over a
// growing position table), so databases that stop growing keep the build rate steady. An article already indexed is
// replaced where it is, in whichever database holds it: an in-memory map from Q term to database says which. Database 0
// holds the index's metadata (versions, roots, manifest, source names): Xapian reads metadata from the first database
// of a combined set.
//
// Commit order keeps a killed run safe: at a checkpoint every database with changes commits
// (in parallel); only then are the finished files' prunes and manifest entries written and
// committed, database 0 last. A file is in the manifest only if all its articles are. New
// databases are listed in the stub only once created and committed empty, so a run killed
// while sealing leaves at most unlisted directories, which the next run removes. At the end of a
// run, sealed databases are merged and databases compacted (indexer/database_merge.h): each
// merged database is written whole under a new name before a new stub lists it in place of its
// sources, which are removed after.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <xapian.h>

#include "common/roots.h"
#include "indexer/document_builder.h"
#include "indexer/shard_writer.h"
#include "indexer/story_linker.h"

namespace nsearch {

struct FileManifest {
  std::uint64_t size = 0;
  std::int64_t mtime_ns = 0;
  std::string hash;
  std::uint64_t articles = 0;   // articles the index holds from the file
  std::string id_base;          // the id an article file without an `id` gets
  std::int64_t scanned_ns = 0;  // wall time when the run that read it started
  bool contested = false;       // another file kept one of its ids: re-read every run
  // Size and mtime alone miss a file renamed over another of the same size written in the
  // same clock tick (file times are coarse), as git's index knows: the inode and the change
  // time tell them apart.
  std::int64_t ctime_ns = 0;
  std::uint64_t inode = 0;
};

// What the index holds under an id, as of the last checkpoint.
struct StoredArticle {
  std::string hash;    // content hash (schema::kSlotContentHash)
  std::string origin;  // file key of the file it came from, "" for standard input
};

// What to record about one input file once its articles are committed.
struct FileRecord {
  std::string path;                      // absolute; the manifest key
  std::optional<FileManifest> manifest;  // empty: the file vanished, forget it
  std::string file_key;                  // for pruning
  bool prune = false;                    // remove the file's articles whose Q term is not in keep
  std::vector<std::string> keep;         // sorted Q terms
};

class IndexStore {
 public:
  struct Options {
    bool rebuild = false;
    bool wait = false;  // wait for the lock instead of failing
    // Articles per checkpoint, at least: Xapian's flush gets slower per article as a batch
    // grows, and more commits cost more below about 1,000 articles per shard. In a large index
    // the batch grows with it (batch_limit()), unless grow_batch is off (every batch is then
    // exactly batch_size).
    std::size_t batch_size = 2000;
    bool grow_batch = true;
    static constexpr std::size_t kLargestGrownBatch = 32000;  // bounds memory (docs/robustness.md)
    unsigned shards = 0;  // lanes; 0: as the index has; for a new index, default_shards()
    // Articles an open database takes before the open ones are sealed (checked at checkpoints).
    // 2^16: a million articles in 2 lanes make 16 databases; searches slow down as a search
    // opens more databases.
    std::size_t segment_size = 65536;
    // Display names for source keys (`--source-names`): written at the first checkpoint, over
    // whatever name the articles gave.
    std::map<std::string, std::string> source_names;
    // The analyzer variant (AnalyzerOptions::variant) recorded in an index this store creates;
    // an existing index keeps its own.
    std::string analyzer_variant = "default";
  };

  // Takes the lock and opens (or creates) the writable generation. Throws Error(ErrorCode::locked).
  IndexStore(const std::filesystem::path& dir, const Options& options);
  ~IndexStore();
  IndexStore(const IndexStore&) = delete;
  IndexStore& operator=(const IndexStore&) = delete;

  // The article with this Q term, as of the last checkpoint.
  std::optional<StoredArticle> stored(const std::string& id_term);
  // Whether the index held this Q term when the store was opened (whatever happened since).
  bool existed_at_open(const std::string& id_term);
  // The path recorded in the document data of the article with this Q term ("" if none).
  std::string stored_path(const std::string& id_term);
  // Articles in the index, and articles from the file with this key, as of the last checkpoint.
  std::uint64_t doc_count();
  std::uint64_t articles_from(const std::string& file_key);
  // Hands the document to its shard's writer.
  void put(BuiltDocument built);
  // Applied at the next checkpoint, after the file's articles are committed.
  void record_file(FileRecord record);

  std::optional<FileManifest> manifest(const std::string& path);
  // Whether any committed article came from the file with this key (its F term).
  bool has_articles_from(const std::string& file_key);
  std::vector<std::string> manifest_paths();
  // Files recorded as contested (FileManifest::contested).
  std::vector<std::string> contested_paths();
  // The analyzer variant recorded when the index was created ("default" for users).
  std::string analyzer_variant();
  std::vector<RootRecord> roots();
  void set_roots(const std::vector<RootRecord>& roots);  // at the next checkpoint

  // A checkpoint when a batch is full.
  void maybe_commit();
  // Final checkpoint (with last-update time) and, for a rebuild, the swap.
  void finish();

  // True when this store created the index (there was none at its location).
  bool created() const { return created_; }
  // After finish(): removes what this store created, if the index holds nothing and records no
  // root, so that a run that indexed nothing into a new location leaves no index behind.
  void discard_if_unused();

 private:
  void open_existing(const std::vector<std::string>& shard_paths);
  void create_generation(const std::string& current);
  void checkpoint();
  // A commit rewrites every B-tree block its batch touches, and a batch of fixed size touches
  // more blocks as a database grows, so that commits come to cost more than adding the articles.
  // So a batch is 1/16 of the articles in the open databases, between batch_size and 32,000
  // (memory grows with the batch: docs/robustness.md).
  std::size_t batch_limit() const;
  std::size_t prune(const FileRecord& record);
  // Links the articles put since the last checkpoint into stories, and mends the stories that
  // lost an article (story_linker.h); before the checkpoint's commits.
  void link_stories();
  // Seals the open databases if one is full (see the top of this file).
  void maybe_seal();
  // At the end of a run: merges sealed databases by levels, compacts the sealed ones never
  // compacted and an open database most of whose articles this run wrote (database_merge.h).
  void merge_and_compact();
  // Replaces databases [first, first + count) by one merged and compacted database.
  void replace_by_merged(std::size_t first, std::size_t count);
  // Removes the generation's database directories the stub does not list: a merge killed before
  // or after its stub was written leaves one or the other behind.
  void remove_unlisted();
  // A database name no listed database has: one more than the highest number in the generation.
  std::string new_database_path() const;
  void add_database(const std::string& path, const std::string& variant);
  void reopen_readers();
  // Fills where_ from the committed Q terms, once, when an article is first looked up: a run
  // that finds every file unchanged never needs it, and loading takes time in proportion to the index.
  void map_ids();
  std::size_t open_base() const { return shard_paths_.size() - lanes_; }
  // The writer of database i, opened if it was sealed and closed.
  ShardWriter& writer(std::size_t i);
  Xapian::WritableDatabase& meta() { return writer(0).db(); }  // only at checkpoints

  std::filesystem::path dir_;
  Options options_;
  int lock_fd_ = -1;
  std::string generation_;                // db-G being written
  std::vector<std::string> shard_paths_;  // relative to dir_, as in the stub
  unsigned lanes_ = 1;                    // N: the last N databases are open
  std::filesystem::path replaced_;        // old generation to remove after a rebuild swap
  // One per database; empty for a sealed one until an update or prune needs it.
  std::vector<std::unique_ptr<ShardWriter>> writers_;
  std::vector<Xapian::Database> readers_;  // committed state, one per database
  std::vector<std::size_t> written_;       // articles put into each database by this run
  // Q term -> database (committed or pending); kPutThisRun marks a term first put by this store.
  std::unordered_map<std::string, std::uint32_t> where_;
  static constexpr std::uint32_t kPutThisRun = 0x80000000u;
  bool mapped_ = false;
  std::size_t pending_ = 0;
  std::size_t open_indexed_ = 0;  // articles in the open databases at the last checkpoint
  std::vector<FileRecord> records_;
  // For the story pass of the next checkpoint (story_linker.h): articles put, and articles
  // replaced or removed.
  std::vector<StoryCandidate> put_, gone_;
  std::map<std::string, std::string> metadata_;  // written at the next checkpoint
  std::unordered_set<std::string> named_;        // display-name keys already looked at this run
  bool created_ = false;                         // no index was at dir_
  bool created_dir_ = false;                     // nor the directory
  bool finished_ = false;
};

}  // namespace nsearch
