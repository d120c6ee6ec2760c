#include "indexer/index_store.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <ctime>
#include <fstream>

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include "common/analyzer.h"
#include "common/errors.h"
#include "common/index_location.h"
#include "common/schema.h"

namespace nsearch {

namespace fs = std::filesystem;

namespace {

int take_lock(const fs::path& dir, bool wait) {
  fs::path lock_path = dir / ".lock";
  int fd = ::open(lock_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) throw Error(kExitIo, "cannot create " + lock_path.string() + ": " + std::strerror(errno));
  if (::flock(fd, LOCK_EX | (wait ? 0 : LOCK_NB)) != 0) {
    ::close(fd);
    throw Error(kExitLocked, "index " + dir.string() +
                                 " is locked by another `nsearch index`; try again when it finishes, or pass --wait");
  }
  return fd;
}

int generation_number(const std::string& name) {
  return name.rfind("db-", 0) == 0 ? std::atoi(name.c_str() + 3) : 0;
}

// Atomic: readers see the old stub or the new one, never a partial file.
void write_stub(const fs::path& dir, const std::string& generation) {
  fs::path tmp = dir / "XAPIANDB.tmp";
  {
    std::ofstream f(tmp, std::ios::trunc);
    f << "glass " << generation << "\n";
    f.flush();
    if (!f) throw Error(kExitIo, "cannot write " + tmp.string());
  }
  fs::rename(tmp, dir / "XAPIANDB");
}

std::string utc_now() {
  std::time_t t = std::time(nullptr);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&t));
  return buf;
}

std::string meta_key(std::string_view prefix, const std::string& rest) { return std::string(prefix) + rest; }

}  // namespace

std::string current_generation(const fs::path& dir) {
  std::ifstream f(dir / "XAPIANDB");
  std::string backend, name;
  if (!(f >> backend >> name)) return "";
  return name;
}

IndexStore::IndexStore(const fs::path& dir, const Options& options) : dir_(dir), options_(options) {
  std::error_code ec;
  fs::create_directories(dir_, ec);
  if (ec) throw Error(kExitIo, "cannot create the index directory " + dir_.string() + ": " + ec.message());
  lock_fd_ = take_lock(dir_, options_.wait);
  std::string current = current_generation(dir_);
  if (!current.empty() && !options_.rebuild) {
    generation_ = dir_ / current;
    db_ = Xapian::WritableDatabase(generation_.string(), Xapian::DB_OPEN);
    check_index_versions(db_, dir_.string());
    return;
  }
  std::string next = fmt::format("db-{}", generation_number(current) + 1);
  generation_ = dir_ / next;
  fs::remove_all(generation_, ec);  // a rebuild killed before its swap left this behind
  db_ = Xapian::WritableDatabase(generation_.string(), Xapian::DB_CREATE);
  if (!current.empty()) {
    replaced_ = dir_ / current;
    // A bare `nsearch index --rebuild` re-reads the roots the old index was built from.
    db_.set_metadata(std::string(schema::kMetaRoots),
                     Xapian::Database(replaced_.string()).get_metadata(std::string(schema::kMetaRoots)));
  }
  db_.set_metadata(std::string(schema::kMetaSchemaVersion), std::to_string(schema::kSchemaVersion));
  db_.set_metadata(std::string(schema::kMetaAnalyzerVersion), std::to_string(Analyzer::kVersion));
  db_.set_metadata(std::string(schema::kMetaAnalyzerVariant), AnalyzerOptions::variant_from_environment());
  if (current.empty()) {
    db_.commit();
    write_stub(dir_, next);  // a brand-new index is visible (empty) at once
  }
}

IndexStore::~IndexStore() {
  if (lock_fd_ >= 0) ::close(lock_fd_);
}

std::optional<std::string> IndexStore::stored_hash(const std::string& id_term) {
  Xapian::PostingIterator it = db_.postlist_begin(id_term);
  if (it == db_.postlist_end(id_term)) return std::nullopt;
  return db_.get_document(*it, Xapian::DOC_ASSUME_VALID).get_value(schema::kSlotContentHash);
}

void IndexStore::put(const BuiltDocument& built) {
  db_.replace_document(built.id_term, built.doc);
  for (const auto& word : built.spellings) ++spellings_[word];
  if (!built.source_key.empty() && named_sources_.insert(built.source_key).second) {
    // First display form seen wins; later variants (الجزيره) share the key.
    std::string key = meta_key(schema::kMetaSourcePrefix, built.source_key);
    if (db_.get_metadata(key).empty()) db_.set_metadata(key, built.source_display);
  }
  ++pending_;
}

std::size_t IndexStore::remove_file_articles(const std::string& file_key_value, const std::vector<std::string>& keep) {
  std::string term = std::string(schema::kFile) + file_key_value;
  std::vector<Xapian::docid> doomed;
  for (auto it = db_.postlist_begin(term); it != db_.postlist_end(term); ++it) {
    Xapian::Document doc = db_.get_document(*it, Xapian::DOC_ASSUME_VALID);
    auto q = doc.termlist_begin();
    q.skip_to(std::string(schema::kId));
    if (q != doc.termlist_end() && std::binary_search(keep.begin(), keep.end(), *q)) continue;
    doomed.push_back(*it);
  }
  for (auto id : doomed) db_.delete_document(id);
  pending_ += doomed.size();
  return doomed.size();
}

std::optional<FileManifest> IndexStore::manifest(const std::string& path) {
  std::string value = db_.get_metadata(meta_key(schema::kMetaFilePrefix, path));
  if (value.empty()) return std::nullopt;
  auto j = nlohmann::json::parse(value, nullptr, false);
  if (!j.is_object()) return std::nullopt;
  return FileManifest{j.value("size", 0ULL), j.value("mtime", 0LL), j.value("hash", ""), j.value("articles", 0ULL)};
}

void IndexStore::set_manifest(const std::string& path, const FileManifest& m) {
  nlohmann::json j = {{"size", m.size}, {"mtime", m.mtime_ns}, {"hash", m.hash}, {"articles", m.articles}};
  db_.set_metadata(meta_key(schema::kMetaFilePrefix, path), j.dump());
}

void IndexStore::erase_manifest(const std::string& path) {
  db_.set_metadata(meta_key(schema::kMetaFilePrefix, path), "");
}

std::vector<std::string> IndexStore::manifest_paths() {
  std::vector<std::string> paths;
  std::string prefix(schema::kMetaFilePrefix);
  for (auto it = db_.metadata_keys_begin(prefix); it != db_.metadata_keys_end(prefix); ++it) {
    paths.push_back((*it).substr(prefix.size()));
  }
  return paths;
}

std::string IndexStore::analyzer_variant() {
  std::string v = db_.get_metadata(std::string(schema::kMetaAnalyzerVariant));
  return v.empty() ? "default" : v;
}

std::vector<std::string> IndexStore::roots() {
  auto j = nlohmann::json::parse(db_.get_metadata(std::string(schema::kMetaRoots)), nullptr, false);
  return j.is_array() ? j.get<std::vector<std::string>>() : std::vector<std::string>{};
}

void IndexStore::set_roots(const std::vector<std::string>& roots) {
  db_.set_metadata(std::string(schema::kMetaRoots), nlohmann::json(roots).dump());
}

void IndexStore::maybe_commit() {
  if (pending_ >= options_.batch_size) commit();
}

void IndexStore::commit() {
  // One add_spelling per distinct word per batch: Xapian's per-call cost (fragment sets)
  // otherwise dominates indexing time.
  for (const auto& [word, count] : spellings_) db_.add_spelling(word, count);
  spellings_.clear();
  db_.set_metadata(std::string(schema::kMetaLastUpdate), utc_now());
  db_.commit();
  pending_ = 0;
}

void IndexStore::finish() {
  commit();
  if (!options_.rebuild) return;
  db_.close();
  write_stub(dir_, generation_.filename().string());
  if (!replaced_.empty()) {
    std::error_code ec;
    fs::remove_all(replaced_, ec);  // readers that still have it open keep their files
  }
}

}  // namespace nsearch
