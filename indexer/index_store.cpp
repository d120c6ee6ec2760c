#include "indexer/index_store.h"

#include <fcntl.h>
#include <malloc.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <ctime>
#include <thread>

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include "common/analyzer.h"
#include "common/errors.h"
#include "common/file_entries.h"
#include "common/index_layout.h"
#include "common/open_index.h"
#include "common/overtaken_read.h"
#include "common/schema.h"
#include "indexer/database_merge.h"

namespace nsearch {

namespace fs = std::filesystem;

namespace {

int take_lock(const fs::path& dir, bool wait) {
  fs::path lock_path = dir / ".lock";
  int fd = ::open(lock_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) throw Error(ErrorCode::io, "cannot create " + lock_path.string() + ": " + std::strerror(errno));
  if (::flock(fd, LOCK_EX | (wait ? 0 : LOCK_NB)) != 0) {
    ::close(fd);
    throw Error(ErrorCode::locked, "index " + dir.string() + " is locked by another writer");
  }
  return fd;
}

std::string utc_now() {
  std::time_t t = std::time(nullptr);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&t));
  return buf;
}

std::string meta_key(std::string_view prefix, const std::string& rest) { return std::string(prefix) + rest; }

// Shards for a new index when no count is given: one per core, at most 4 (each shard has its
// own writer thread; searching a few local shards costs little).
unsigned default_shards() { return std::clamp(std::thread::hardware_concurrency(), 1u, 4u); }

// The shard count of an existing index of this many databases. nsearch:shards is absent in an
// index from before sealing, where every database of the stub was a shard.
unsigned recorded_shards(const Xapian::Database& db, std::size_t databases) {
  std::string shards = db.get_metadata(std::string(schema::kMetaShards));
  return shards.empty() ? static_cast<unsigned>(databases) : static_cast<unsigned>(std::stoul(shards));
}

}  // namespace

IndexStore::IndexStore(const fs::path& dir, const Options& options) : dir_(dir), options_(options) {
  std::error_code ec;
  created_dir_ = !fs::exists(dir_, ec);
  fs::create_directories(dir_, ec);
  if (ec) throw Error(ErrorCode::io, "cannot create the index directory " + dir_.string() + ": " + ec.message());
  lock_fd_ = take_lock(dir_, options_.wait);
  std::vector<std::string> existing;
  const std::vector<layout::StubLine> stub = layout::read_stub(layout::stub_of(dir_));
  for (const auto& [backend, path] : stub) {
    if (backend != "glass") {
      throw Error(ErrorCode::usage, fmt::format("index {} lists a '{} {}' database; the indexer writes only the local "
                                                "shards it created (index each shard on its own machine)",
                                                dir_.string(), backend, path));
    }
    existing.push_back(path);
  }
  created_ = existing.empty();
  const std::string current = layout::generation_of(stub);
  if (!existing.empty() && !options_.rebuild) {
    generation_ = current;
    open_existing(existing);
  } else {
    create_generation(current);
  }
  reopen_readers();
  for (const auto& [key, name] : options_.source_names) {
    named_.insert(meta_key(schema::kMetaSourcePrefix, key));
    metadata_[meta_key(schema::kMetaSourcePrefix, key)] = name;
  }
}

IndexStore::~IndexStore() {
  writers_.clear();  // joins the writer threads before the lock goes
  if (options_.rebuild && !finished_ && !replaced_.empty()) {
    std::error_code ec;
    fs::remove_all(dir_ / generation_, ec);  // a rebuild that failed: the old generation serves on
  }
  if (lock_fd_ >= 0) ::close(lock_fd_);
}

void IndexStore::open_existing(const std::vector<std::string>& shard_paths) {
  shard_paths_ = shard_paths;
  writers_.resize(shard_paths_.size());
  written_.assign(shard_paths_.size(), 0);
  Xapian::WritableDatabase& first = writer(0).db();
  check_index_versions(first, dir_.string());
  lanes_ = recorded_shards(first, shard_paths_.size());
  if (lanes_ == 0 || lanes_ > shard_paths_.size()) {
    throw Error(ErrorCode::inconsistent, fmt::format("index {} says it has {} shard(s) but lists {} database(s)",
                                                     dir_.string(), lanes_, shard_paths_.size()));
  }
  if (options_.shards && options_.shards != lanes_) {
    throw Error(ErrorCode::shard_count, fmt::format("index {} has {} shard(s)", dir_.string(), lanes_), "",
                std::to_string(options_.shards));
  }
  for (std::size_t i = open_base(); i < shard_paths_.size(); ++i) writer(i);
  remove_unlisted();
}

void IndexStore::create_generation(const std::string& current) {
  unsigned n = options_.shards;
  std::string old_roots;
  std::vector<std::pair<std::string, std::string>> old_names;
  if (!current.empty()) {
    replaced_ = dir_ / current;
    Xapian::Database old(dir_.string());
    // A bare `nsearch index --rebuild` re-reads the roots, and keeps the shard count and the
    // outlets' display names (given once with --source-names; the articles do not hold them).
    old_roots = old.get_metadata(std::string(schema::kMetaRoots));
    const std::string names(schema::kMetaSourcePrefix);
    for (auto k = old.metadata_keys_begin(names); k != old.metadata_keys_end(names); ++k)
      old_names.emplace_back(*k, old.get_metadata(*k));
    // Not the stub's line count: that includes every sealed database.
    if (!n) n = recorded_shards(old, layout::read_stub(layout::stub_of(dir_)).size());
  }
  if (!n) n = default_shards();
  generation_ = layout::generation_name(layout::generation_number(current) + 1);
  lanes_ = n;
  std::error_code ec;
  fs::remove_all(dir_ / generation_, ec);  // a rebuild killed before its swap left this behind
  fs::create_directories(dir_ / generation_);
  const std::string& variant = options_.analyzer_variant;
  for (unsigned k = 0; k < n; ++k) add_database(layout::database_path(generation_, k), variant);
  Xapian::WritableDatabase& first = writer(0).db();
  first.set_metadata(std::string(schema::kMetaShards), std::to_string(n));
  if (!old_roots.empty()) first.set_metadata(std::string(schema::kMetaRoots), old_roots);
  for (const auto& [key, name] : old_names) first.set_metadata(key, name);
  first.commit();
  if (current.empty()) layout::write_stub(dir_, shard_paths_);  // a brand-new index is visible (empty) at once
}

// A new empty database at the end of the stub's list, committed, with its writer.
void IndexStore::add_database(const std::string& path, const std::string& variant) {
  Xapian::WritableDatabase db((dir_ / path).string(), Xapian::DB_CREATE_OR_OVERWRITE);
  // Versions in every database: one served alone (xapian-tcpsrv) is checked on its own.
  db.set_metadata(std::string(schema::kMetaSchemaVersion), std::to_string(schema::kSchemaVersion));
  db.set_metadata(std::string(schema::kMetaAnalyzerVersion), std::to_string(Analyzer::kVersion));
  db.set_metadata(std::string(schema::kMetaAnalyzerVariant), variant);
  db.commit();
  shard_paths_.push_back(path);
  writers_.push_back(std::make_unique<ShardWriter>(std::move(db)));
  written_.push_back(0);
}

ShardWriter& IndexStore::writer(std::size_t i) {
  if (!writers_[i]) {
    writers_[i] =
        std::make_unique<ShardWriter>(Xapian::WritableDatabase((dir_ / shard_paths_[i]).string(), Xapian::DB_OPEN));
  }
  return *writers_[i];
}

void IndexStore::reopen_readers() {
  while (readers_.size() < shard_paths_.size()) readers_.emplace_back((dir_ / shard_paths_[readers_.size()]).string());
  open_indexed_ = 0;
  for (std::size_t i = 0; i < readers_.size(); ++i) {
    readers_[i].reopen();
    if (i >= open_base()) open_indexed_ += readers_[i].get_doccount();
  }
}

void IndexStore::map_ids() {
  if (mapped_) return;
  mapped_ = true;
  const std::string prefix(schema::kId);
  for (std::size_t i = 0; i < readers_.size(); ++i) {
    Xapian::Database& db = readers_[i];
    for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it) {
      where_.insert_or_assign(*it, static_cast<std::uint32_t>(i));
    }
  }
}

std::optional<StoredArticle> IndexStore::stored(const std::string& id_term) {
  map_ids();
  auto where = where_.find(id_term);
  if (where == where_.end()) return std::nullopt;
  return read_newest(readers_[where->second & ~kPutThisRun], [&](Xapian::Database& db) -> std::optional<StoredArticle> {
    Xapian::PostingIterator it = db.postlist_begin(id_term);
    if (it == db.postlist_end(id_term)) return std::nullopt;
    Xapian::Document doc = db.get_document(*it, Xapian::DOC_ASSUME_VALID);
    return StoredArticle{doc.get_value(schema::kSlotContentHash), doc.get_value(schema::kSlotOrigin)};
  });
}

bool IndexStore::existed_at_open(const std::string& id_term) {
  map_ids();
  auto where = where_.find(id_term);
  return where != where_.end() && !(where->second & kPutThisRun);
}

std::string IndexStore::stored_path(const std::string& id_term) {
  map_ids();
  auto where = where_.find(id_term);
  if (where == where_.end()) return "";
  return read_newest(readers_[where->second & ~kPutThisRun], [&](Xapian::Database& db) -> std::string {
    Xapian::PostingIterator it = db.postlist_begin(id_term);
    if (it == db.postlist_end(id_term)) return "";
    auto j = nlohmann::json::parse(db.get_document(*it).get_value(schema::kSlotHead), nullptr, false);
    return j.is_object() ? j.value("path", "") : "";
  });
}

std::uint64_t IndexStore::doc_count() {
  std::uint64_t n = 0;
  for (auto& reader : readers_) n += read_newest(reader, [](Xapian::Database& db) { return db.get_doccount(); });
  return n;
}

std::uint64_t IndexStore::articles_from(const std::string& file_key) {
  const std::string term = std::string(schema::kFile) + file_key;
  std::uint64_t n = 0;
  for (auto& reader : readers_) n += read_newest(reader, [&](Xapian::Database& db) { return db.get_termfreq(term); });
  return n;
}

bool IndexStore::has_articles_from(const std::string& file_key) {
  const std::string term = std::string(schema::kFile) + file_key;
  return std::any_of(readers_.begin(), readers_.end(), [&](Xapian::Database& reader) {
    return read_newest(reader, [&](Xapian::Database& db) { return db.term_exists(term); });
  });
}

void IndexStore::put(BuiltDocument built) {
  for (auto& [key, display] : built.display_names) {
    // First display form seen wins; later variants (الجزيره) share the key.
    if (named_.insert(key).second && readers_.front().get_metadata(key).empty())
      metadata_.emplace(key, std::move(display));
  }
  // A new article goes to an open database; one already indexed (or put earlier in this
  // batch) stays where it is.
  map_ids();
  auto lane = static_cast<std::uint32_t>(open_base() + fnv1a(built.id_term) % lanes_);
  auto [where, added] = where_.try_emplace(built.id_term, lane | kPutThisRun);
  std::uint32_t i = where->second & ~kPutThisRun;
  if (!added) {
    // A replaced article leaves its old story; its committed version says which.
    read_newest(readers_[i], [&](Xapian::Database& db) {
      if (auto p = db.postlist_begin(built.id_term); p != db.postlist_end(built.id_term)) {
        gone_.push_back(departing_article(db.get_document(*p), i));
      }
      return 0;
    });
  }
  put_.push_back(
      {built.id_term, std::move(built.story_bands), std::move(built.signature), std::move(built.member_key), {}, 0});
  writer(i).put(std::move(built));
  ++written_[i];
  ++pending_;
}

void IndexStore::record_file(FileRecord record) { records_.push_back(std::move(record)); }

std::optional<FileManifest> IndexStore::manifest(const std::string& path) {
  std::string value = file_entry_payload(readers_.front(), schema::kMetaFilePrefix, path);
  if (value.empty()) return std::nullopt;
  auto j = nlohmann::json::parse(value, nullptr, false);
  if (!j.is_object()) return std::nullopt;
  return FileManifest{j.value("size", 0ULL),       j.value("mtime", 0LL),  j.value("hash", ""),
                      j.value("articles", 0ULL),   j.value("id_base", ""), j.value("scanned", 0LL),
                      j.value("contested", false), j.value("ctime", 0LL),  j.value("inode", 0ULL)};
}

std::vector<std::string> IndexStore::manifest_paths() {
  return file_entry_paths(readers_.front(), schema::kMetaFilePrefix);
}

std::vector<std::string> IndexStore::contested_paths() {
  return file_entry_paths(readers_.front(), schema::kMetaContestedPrefix);
}

std::string IndexStore::analyzer_variant() {
  std::string v = readers_.front().get_metadata(std::string(schema::kMetaAnalyzerVariant));
  return v.empty() ? "default" : v;
}

std::vector<RootRecord> IndexStore::roots() {
  return parse_roots(readers_.front().get_metadata(std::string(schema::kMetaRoots)));
}

void IndexStore::set_roots(const std::vector<RootRecord>& roots) {
  metadata_[std::string(schema::kMetaRoots)] = roots_json(roots);
}

void IndexStore::maybe_commit() {
  if (pending_ >= batch_limit()) checkpoint();
}

std::size_t IndexStore::batch_limit() const {
  if (!options_.grow_batch) return options_.batch_size;
  return std::max(options_.batch_size, std::min(open_indexed_ / 16, Options::kLargestGrownBatch));
}

// Each article has one Q term and each Q term one article, so the kept articles are found by
// looking up their ids' postings, which is much cheaper than reading every article's termlist
// for its id.
std::size_t IndexStore::prune(const FileRecord& record) {
  const std::string file_term = std::string(schema::kFile) + record.file_key;
  // Only the databases holding some of the file's articles: most sealed ones stay closed.
  std::vector<bool> holds(writers_.size());
  for (std::size_t k = 0; k < writers_.size(); ++k) {
    holds[k] = writers_[k] ? writers_[k]->db().term_exists(file_term) : readers_[k].term_exists(file_term);
  }
  std::vector<std::vector<Xapian::docid>> kept(writers_.size());
  map_ids();
  for (const auto& id_term : record.keep) {
    auto where = where_.find(id_term);
    if (where == where_.end()) continue;
    std::uint32_t i = where->second & ~kPutThisRun;
    if (!holds[i]) continue;
    Xapian::WritableDatabase& db = writer(i).db();
    if (auto it = db.postlist_begin(id_term); it != db.postlist_end(id_term)) kept[i].push_back(*it);
  }
  std::size_t removed = 0;
  for (std::size_t k = 0; k < writers_.size(); ++k) {
    if (!holds[k]) continue;
    Xapian::WritableDatabase& db = writer(k).db();
    std::sort(kept[k].begin(), kept[k].end());
    std::vector<Xapian::docid> doomed;
    for (auto it = db.postlist_begin(file_term); it != db.postlist_end(file_term); ++it) {
      if (!std::binary_search(kept[k].begin(), kept[k].end(), *it)) doomed.push_back(*it);
    }
    for (auto id : doomed) {
      gone_.push_back(departing_article(db.get_document(id), k));
      db.delete_document(id);
    }
    removed += doomed.size();
  }
  return removed;
}

void IndexStore::checkpoint() {
  // 1. Every open writer commits its articles, in parallel.
  for (auto& w : writers_)
    if (w) w->request_commit();
  for (auto& w : writers_)
    if (w) w->wait_committed();
  // 2. The writers are idle: prunes, then the manifest. Shard 0 goes last, in a transaction,
  //    so its manifest entries never outlive an unfinished change (Xapian would otherwise
  //    commit pending changes when a failed run closes the database).
  Xapian::WritableDatabase& meta = this->meta();
  meta.begin_transaction();
  for (const auto& record : records_) {
    if (record.prune) prune(record);
    const bool contested = record.manifest && record.manifest->contested;
    const FileEntry mark = file_entry(schema::kMetaContestedPrefix, record.path, contested ? "1" : "");
    meta.set_metadata(mark.key, mark.value);
    if (!record.manifest) {
      const FileEntry gone = file_entry(schema::kMetaFilePrefix, record.path, "");
      meta.set_metadata(gone.key, gone.value);
      continue;
    }
    const FileManifest& m = *record.manifest;
    nlohmann::json entry{{"size", m.size},         {"mtime", m.mtime_ns},     {"hash", m.hash},
                         {"articles", m.articles}, {"scanned", m.scanned_ns}, {"contested", m.contested},
                         {"ctime", m.ctime_ns},    {"inode", m.inode}};
    if (!m.id_base.empty()) entry["id_base"] = m.id_base;
    const FileEntry e = file_entry(schema::kMetaFilePrefix, record.path,
                                   entry.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    meta.set_metadata(e.key, e.value);
  }
  link_stories();
  for (const auto& [key, value] : metadata_) meta.set_metadata(key, value);
  meta.set_metadata(std::string(schema::kMetaLastUpdate), utc_now());
  for (std::size_t k = 1; k < writers_.size(); ++k)
    if (writers_[k]) writers_[k]->db().commit();
  meta.commit_transaction();
  records_.clear();
  metadata_.clear();
  pending_ = 0;
  reopen_readers();
  maybe_seal();
  // A batch's postings were built and freed by several threads, each in its own malloc arena;
  // glibc keeps freed pages of all but the main arena mapped, so without this the process
  // holds two to three times the memory it uses.
  malloc_trim(0);
}

void IndexStore::link_stories() {
  if (put_.empty() && gone_.empty()) return;
  std::vector<Xapian::Database> dbs;
  for (std::size_t i = 0; i < readers_.size(); ++i) {
    if (writers_[i])
      dbs.push_back(writers_[i]->db());
    else
      dbs.push_back(readers_[i]);
  }
  StoryLinker linker(dbs, [this](std::size_t i) -> Xapian::WritableDatabase& { return writer(i).db(); });
  linker.relink(put_, gone_);
  put_.clear();
  gone_.clear();
}

void IndexStore::maybe_seal() {
  // An index from before segments is one database in the generation's place: it only grows.
  if (shard_paths_.front().find('/') == std::string::npos) return;
  bool full = false;
  for (std::size_t i = open_base(); i < readers_.size(); ++i)
    full |= readers_[i].get_doccount() >= options_.segment_size;
  if (!full) return;
  // Sealed databases are rarely written again (an update, a prune): close all but database 0,
  // which every checkpoint writes, so threads and open files stay few.
  for (std::size_t i = 1; i < writers_.size(); ++i) writers_[i].reset();
  std::string variant = analyzer_variant();
  for (unsigned k = 0; k < lanes_; ++k) add_database(new_database_path(), variant);
  if (!options_.rebuild) layout::write_stub(dir_, shard_paths_);
  reopen_readers();
}

void IndexStore::discard_if_unused() {
  if (!created_ || doc_count() > 0 || !roots().empty()) return;
  writers_.clear();
  readers_.clear();
  std::error_code ec;
  fs::remove(layout::stub_of(dir_), ec);
  fs::remove_all(dir_ / generation_, ec);
  fs::remove(dir_ / ".lock", ec);  // still held: a writer waiting for it holds an unlinked file
  if (created_dir_) fs::remove(dir_, ec);
}

void IndexStore::merge_and_compact() {
  // An index from before segments is one database in the generation's place.
  if (shard_paths_.front().find('/') == std::string::npos) return;
  // Open databases first: they are the last ones, so merging sealed ones leaves their places.
  // One most of whose articles this run wrote is compacted (a first build, a new segment);
  // one that took a few more articles is left as it is.
  for (std::size_t i = open_base(); i < shard_paths_.size(); ++i) {
    if (written_[i] > 0 && 2 * written_[i] >= readers_[i].get_doccount() && compactable(readers_[i]))
      replace_by_merged(i, 1);
  }
  std::vector<SealedDatabase> sealed;
  for (std::size_t i = 0; i < open_base(); ++i)
    sealed.push_back({readers_[i].get_doccount(), compactable(readers_[i])});
  for (const MergeGroup& g : plan_merges(sealed, options_.segment_size)) replace_by_merged(g.first, g.count);
  for (std::size_t i = 0; i < open_base(); ++i) {
    if (!compacted(readers_[i]) && compactable(readers_[i])) replace_by_merged(i, 1);
  }
}

void IndexStore::replace_by_merged(std::size_t first, std::size_t count) {
  const std::string out = new_database_path();
  std::error_code ec;
  fs::remove_all(dir_ / out, ec);
  std::vector<std::string> sources;
  for (std::size_t k = first; k < first + count; ++k) sources.push_back((dir_ / shard_paths_[k]).string());
  try {
    merge_databases(sources, (dir_ / out).string());
  } catch (const Xapian::Error& e) {
    fs::remove_all(dir_ / out, ec);
    throw Error(ErrorCode::io, fmt::format("index {}: every article is committed, but merging its databases failed "
                                           "(it stays as it is; the next run tries again): {}",
                                           dir_.string(), e.get_description()));
  }
  const std::vector<std::string> replaced(shard_paths_.begin() + first, shard_paths_.begin() + first + count);
  auto from = [&](auto& v) { return v.begin() + static_cast<std::ptrdiff_t>(first); };
  shard_paths_.erase(from(shard_paths_) + 1, from(shard_paths_) + count);
  shard_paths_[first] = out;
  readers_.erase(from(readers_) + 1, from(readers_) + count);
  readers_[first] = Xapian::Database((dir_ / out).string());
  written_.erase(from(written_) + 1, from(written_) + count);
  // A rebuild's generation is listed only at its swap.
  if (!options_.rebuild) layout::write_stub(dir_, shard_paths_);
  for (const auto& path : replaced) fs::remove_all(dir_ / path, ec);  // readers that have them open keep their files
}

void IndexStore::remove_unlisted() {
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir_ / generation_, ec)) {
    const std::string name = entry.path().filename().string();
    if (name.empty() || !std::all_of(name.begin(), name.end(), [](char c) { return c >= '0' && c <= '9'; })) continue;
    const std::string path = generation_ + "/" + name;
    if (std::find(shard_paths_.begin(), shard_paths_.end(), path) == shard_paths_.end())
      fs::remove_all(entry.path(), ec);
  }
}

std::string IndexStore::new_database_path() const {
  std::size_t next = 0;
  for (const auto& path : shard_paths_) {
    const auto slash = path.rfind('/');
    if (slash != std::string::npos) next = std::max<std::size_t>(next, std::stoul(path.substr(slash + 1)) + 1);
  }
  return layout::database_path(generation_, next);
}

void IndexStore::finish() {
  checkpoint();
  finished_ = true;
  writers_.clear();
  merge_and_compact();
  if (!options_.rebuild) return;
  layout::write_stub(dir_, shard_paths_);
  if (!replaced_.empty() && replaced_ != dir_ / generation_) {
    std::error_code ec;
    fs::remove_all(replaced_, ec);  // readers that still have it open keep their files
  }
}

}  // namespace nsearch
