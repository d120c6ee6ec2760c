#include "indexer/indexer.h"

#include <sys/stat.h>
#include <time.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <ctime>
#include <deque>
#include <fstream>
#include <future>
#include <map>
#include <sstream>
#include <unordered_map>
#include <unordered_set>
#include <variant>

#include <fmt/core.h>

#include "common/analyzer.h"
#include "common/errors.h"
#include "common/index_layout.h"
#include "common/roots.h"
#include "common/schema.h"
#include "indexer/article_parser.h"
#include "indexer/document_builder.h"
#include "indexer/folder_profile.h"
#include "indexer/line_reader.h"

namespace nsearch {

namespace fs = std::filesystem;

namespace {

// Ids become Q terms, which Xapian limits to 245 bytes.
constexpr size_t kMaxIdBytes = 200;
// Articles handed to the builder thread at a time.
constexpr size_t kChunk = 256;

enum class InputKind { None, ArticleFile, JsonLines };

InputKind kind_of(const std::string& path) {
  std::string name = path.substr(path.find_last_of('/') + 1);
  auto ends = [&](std::string_view suffix) {
    return name.size() >= suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0;
  };
  if (ends(".txt") || ends(".md")) return InputKind::ArticleFile;
  if (ends(".jsonl") || ends(".jsonl.gz") || ends(".jsonl.xz")) return InputKind::JsonLines;
  return InputKind::None;
}

// Text with its control characters (C0, DEL, C1; a newline is legal in a file name) as %XX,
// so that an id or a reported path is one line and cannot drive the terminal.
std::string printable(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x20 || c == 0x7F) {
      out += fmt::format("%{:02X}", c);
    } else if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) < 0xA0 &&
               static_cast<unsigned char>(text[i + 1]) >= 0x80) {
      out += fmt::format("%C2%{:02X}", static_cast<unsigned char>(text[++i]));
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

std::string utc_now() {
  std::time_t t = std::time(nullptr);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&t));
  return buf;
}

// An absolute, normalized path, for a path that need not exist any more.
std::string normalized(const std::string& p) {
  std::error_code ec;
  fs::path abs = fs::weakly_canonical(fs::absolute(p), ec);
  if (ec) abs = fs::absolute(p).lexically_normal();
  std::string s = abs.string();
  while (s.size() > 1 && s.back() == '/') s.pop_back();
  return s;
}

bool exists(const std::string& p) {
  std::error_code ec;
  return fs::exists(p, ec);
}

// A file's mtime is only trusted to show a change when it is this much older than the run
// that read the file: timestamps are coarser than the time a write takes.
constexpr std::int64_t kRacyNs = 1000000000;

std::int64_t wall_ns() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// The folder of an absolute path, as the key its profile is kept under (a string cut, not a
// std::filesystem::path parsed for every file read).
std::string folder_of(const std::string& path) { return path.substr(0, path.rfind('/')); }

struct InputFile {
  std::string path;     // absolute
  std::string key;      // file_key(path)
  std::string id_base;  // the root's name, then the path relative to the root
  InputKind kind;
  std::uint64_t size;
  std::int64_t mtime_ns;
  std::int64_t ctime_ns;
  std::uint64_t inode;

  bool same_stat(const FileManifest& m) const {
    return m.size == size && m.mtime_ns == mtime_ns && m.ctime_ns == ctime_ns && m.inode == inode;
  }
};

// A path walked this run: a root, or part of one given on the command line.
struct Scan {
  std::string path;
  RootRecord root;
  bool whole_root = false;
  bool listed = false;  // walked (false: missing or unreadable)
};

struct Task {
  Article article;
  std::string head;  // article.head_json()
  std::string hash;
  std::string file_key;
  BuiltDocument built;
};

using Item = std::variant<Task, FileRecord>;

constexpr std::uint32_t kFromStdin = 0xFFFFFFFFu;

class IndexRun {
 public:
  IndexRun(const fs::path& dir, const IndexRequest& request)
      : request_(request), store_(dir, request.store), analyzer_(AnalyzerOptions::variant(store_.analyzer_variant())) {}

  IndexSummary run() {
    try {
      return run_all();
    } catch (...) {
      store_.discard_if_unused();
      throw;
    }
  }

 private:
  IndexSummary run_all() {
    auto start = std::chrono::steady_clock::now();
    started_ns_ = wall_ns();
    const std::uint64_t docs_before = store_.doc_count();
    plan();
    for (auto& scan : scans_) list(scan);
    add_contested();
    std::sort(files_.begin(), files_.end(), [](const auto& a, const auto& b) { return a.path < b.path; });
    files_.erase(
        std::unique(files_.begin(), files_.end(), [](const auto& a, const auto& b) { return a.path == b.path; }),
        files_.end());
    for (std::uint32_t i = 0; i < files_.size(); ++i) {
      listed_.emplace(files_[i].key, i);
      progress_.bytes_total += files_[i].size;
    }
    for (std::uint32_t i = 0; i < files_.size(); ++i) index_file(i);
    if (read_stdin_) index_json_lines("-", nullptr);
    drain();
    remove_vanished();
    std::string now = utc_now();
    for (const auto& scan : scans_) {
      if (!scan.whole_root || !scan.listed) continue;
      for (auto& r : roots_)
        if (r.path == scan.path) r.last_scan = now;
    }
    store_.set_roots(roots_);
    store_.finish();
    if (request_.progress) request_.progress(progress_);  // complete, the last commit included
    summary_.counts.removed = docs_before + summary_.counts.added - store_.doc_count();
    store_.discard_if_unused();
    summary_.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    summary_.input_bytes = progress_.bytes_done;
    for (const auto& scan : scans_) summary_.roots.push_back(scan.path);
    return summary_;
  }

  void report(const std::string& line, bool skipped) {
    ++(skipped ? summary_.counts.skipped : summary_.counts.warnings);
    if (request_.report) request_.report(printable(line));
  }

  const RootRecord* root_of(const std::string& path) const {
    for (const auto& r : roots_)
      if (path_under(path, r.path)) return &r;
    return nullptr;
  }

  // Which roots to record, forget and walk.
  void plan() {
    roots_ = store_.roots();
    for (const auto& f : request_.forget) forget(f);
    std::vector<std::string> candidates;
    if (request_.paths.empty()) {
      if (roots_.empty() && forgotten_.empty())
        throw Error(ErrorCode::no_input, "no paths given and the index has none recorded");
      for (const auto& r : roots_) candidates.push_back(r.path);
    }
    for (const auto& p : request_.paths) {
      if (p == "-") {
        read_stdin_ = true;
        continue;
      }
      std::string abs = normalized(p);
      std::error_code ec;
      if (!exists(abs)) {
        bool recorded = std::any_of(roots_.begin(), roots_.end(), [&](const RootRecord& r) { return r.path == abs; });
        if (!recorded) throw Error(ErrorCode::usage, "no such file or directory: " + p);
      } else if (fs::is_regular_file(abs, ec) && kind_of(abs) == InputKind::None) {
        report(abs + ": not an article file (.txt, .md) or JSON Lines (.jsonl[.gz|.xz]); skipped", true);
        continue;
      } else if (!fs::is_regular_file(abs, ec) && !fs::is_directory(abs, ec)) {
        report(abs + ": not a file or a directory; skipped", true);
        continue;
      }
      candidates.push_back(abs);
    }
    // A path given twice, or inside another given path, is walked once.
    std::sort(candidates.begin(), candidates.end());
    std::vector<std::string> distinct;
    for (const auto& c : candidates) {
      if (std::none_of(distinct.begin(), distinct.end(), [&](const std::string& d) { return path_under(c, d); }))
        distinct.push_back(c);
    }
    for (const auto& c : distinct) {
      if (const RootRecord* r = root_of(c)) {
        scans_.push_back(Scan{c, *r, r->path == c});
        continue;
      }
      // A new root; roots inside it become part of it (their files' ids change with it).
      roots_.erase(
          std::remove_if(roots_.begin(), roots_.end(), [&](const RootRecord& r) { return path_under(r.path, c); }),
          roots_.end());
      roots_.push_back(RootRecord{c, unique_root_name(c, roots_), ""});
      scans_.push_back(Scan{c, roots_.back(), true});
    }
    // Every run reports the recorded roots that are missing, walked or not. A rebuild cannot
    // keep a missing root's articles (it re-reads everything): it waits for the root.
    for (const auto& r : roots_) {
      if (exists(r.path)) continue;
      if (request_.store.rebuild) {
        throw Error(ErrorCode::root_missing, "cannot rebuild while the root " + printable(r.path) + " is missing", "",
                    printable(r.path));
      }
      bool walked =
          std::any_of(scans_.begin(), scans_.end(), [&](const Scan& s) { return path_under(s.path, r.path); });
      if (!walked) missing_root(Scan{r.path, r, true}, "missing (a disk not mounted?)");
    }
    store_.set_roots(roots_);  // recorded at the first checkpoint: a killed run's roots are re-scanned
  }

  void forget(const std::string& what) {
    std::string abs = normalized(what);
    auto it = std::find_if(roots_.begin(), roots_.end(), [&](const RootRecord& r) { return r.path == abs; });
    if (it == roots_.end())
      it = std::find_if(roots_.begin(), roots_.end(), [&](const RootRecord& r) { return r.name == what; });
    if (it == roots_.end()) throw Error(ErrorCode::unknown_root, "not a recorded root: " + what, "", what);
    forgotten_.push_back(*it);
    roots_.erase(it);
    for (const auto& path : store_.manifest_paths()) {
      if (path_under(path, forgotten_.back().path)) enqueue(FileRecord{path, std::nullopt, file_key(path), true, {}});
    }
  }

  void add_input(const std::string& path, const RootRecord& root) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) {
      report(path + ": cannot read: " + std::strerror(errno), true);
      unreadable_.push_back(path);  // its articles are kept
      return;
    }
    std::string id_base = root.name;
    if (path != root.path) id_base += path.substr(root.path == "/" ? 0 : root.path.size());
    files_.push_back(
        InputFile{path, file_key(path), printable(id_base), kind_of(path), static_cast<std::uint64_t>(st.st_size),
                  st.st_mtim.tv_sec * 1000000000LL + st.st_mtim.tv_nsec,
                  st.st_ctim.tv_sec * 1000000000LL + st.st_ctim.tv_nsec, static_cast<std::uint64_t>(st.st_ino)});
  }

  // Directory symlinks are not followed, so a symlink loop cannot trap the walk. A directory
  // that cannot be read is reported and its articles are kept.
  void list(Scan& scan) {
    std::error_code ec;
    if (!exists(scan.path)) {
      missing_root(scan, "missing (a disk not mounted?)");
      return;
    }
    if (fs::is_regular_file(scan.path, ec)) {
      scan.listed = true;
      add_input(scan.path, scan.root);
      return;
    }
    std::vector<std::string> dirs = {scan.path};
    while (!dirs.empty()) {
      std::string dir = std::move(dirs.back());
      dirs.pop_back();
      fs::directory_iterator it(dir, ec), end;
      if (ec) {
        if (dir == scan.path) {
          missing_root(scan, "cannot be read (" + ec.message() + ")");
          return;
        }
        report(dir + ": cannot read directory: " + ec.message() + "; its articles are kept", true);
        unreadable_.push_back(dir);
        continue;
      }
      scan.listed = true;
      for (; it != end; it.increment(ec)) {
        std::error_code fec;
        std::string path = it->path().string();
        if (it->is_directory(fec) && !it->is_symlink(fec))
          dirs.push_back(path);
        else if (kind_of(path) != InputKind::None && it->is_regular_file(fec))
          add_input(path, scan.root);
      }
      if (ec) {
        report(dir + ": directory walk stopped: " + ec.message() + "; its articles are kept", true);
        unreadable_.push_back(dir);
      }
    }
  }

  void missing_root(const Scan& scan, const std::string& why) {
    std::uint64_t articles = 0;
    for (const auto& path : store_.manifest_paths()) {
      if (path_under(path, scan.path))
        if (auto m = store_.manifest(path)) articles += m->articles;
    }
    ++summary_.counts.missing_roots;
    summary_.missing_roots.push_back(printable(scan.root.path));
    if (request_.report) {
      request_.report(printable(
          fmt::format("{}: {}; its {} article{} kept", scan.path, why, articles, articles == 1 ? " is" : "s are")));
    }
  }

  // Files that lost an id to another are read every run, wherever their root: one of them
  // takes the id back when the file that kept it lets it go.
  void add_contested() {
    for (const auto& path : store_.contested_paths()) {
      const RootRecord* root = root_of(path);
      if (!root || !exists(root->path) || !exists(path)) continue;
      add_input(path, *root);
    }
  }

  bool under_walked_scan(const std::string& path) const {
    bool walked =
        std::any_of(scans_.begin(), scans_.end(), [&](const Scan& s) { return s.listed && path_under(path, s.path); });
    return walked && std::none_of(unreadable_.begin(), unreadable_.end(),
                                  [&](const std::string& u) { return path_under(path, u); });
  }

  void index_file(std::uint32_t i) {
    const InputFile& f = files_[i];
    current_ = i;
    lost_ = false;
    auto old = store_.manifest(f.path);
    // The manifest is trusted to say the file's articles are all in when nothing has changed
    // around it either: same id base, no id contested, none taken by another file since.
    bool trusted = old && !old->contested && (f.kind != InputKind::ArticleFile || old->id_base == f.id_base) &&
                   !displaced_.count(f.path) && store_.articles_from(f.key) == old->articles;
    bool racy = old && f.mtime_ns + kRacyNs > old->scanned_ns;
    if (trusted && !racy && f.same_stat(*old)) {
      summary_.counts.unchanged += old->articles;  // cheap skip: nothing read
      progress_.bytes_done += f.size;
      tick();
      return;
    }
    FileManifest m{f.size, f.mtime_ns, "", 0, f.kind == InputKind::ArticleFile ? f.id_base : "", started_ns_, false};
    m.ctime_ns = f.ctime_ns;
    m.inode = f.inode;
    if (f.kind == InputKind::ArticleFile)
      index_article_file(f, m, trusted ? old : std::nullopt);
    else
      index_json_lines(f.path, &m);
  }

  void index_article_file(const InputFile& f, FileManifest& m, const std::optional<FileManifest>& trusted) {
    if (std::string big = oversize_problem(f.size); !big.empty()) {  // not even read
      progress_.bytes_done += f.size;
      report(f.path + ": " + big + "; skipped", true);
      return;
    }
    std::ifstream in(f.path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    if (!in && !in.eof()) {
      report(f.path + ": cannot read: " + std::strerror(errno), true);
      return;
    }
    std::string content = ss.str();
    progress_.bytes_done += f.size;
    m.hash = fingerprint(content);
    if (trusted && trusted->hash == m.hash) {  // touched, not changed: it still holds its article
      summary_.counts.unchanged += trusted->articles;
      m.articles = trusted->articles;
      enqueue(FileRecord{f.path, m, "", false, {}});
      return;
    }
    read_.insert(f.key);
    ParseResult r = parse_article_file(content, f.id_base, request_.infer ? &inference_for(f) : nullptr);
    for (const auto& w : r.warnings) report(f.path + ": " + w, false);
    if (!r.article) {
      report(f.path + ": " + r.error + "; skipped", true);
      return;
    }
    r.article->path = f.path;
    std::vector<std::string> keep;
    // Pruning to the file's current id drops its old article when its id changed.
    if (submit(std::move(*r.article), &f, f.path)) {
      keep.push_back(last_id_term_);
      m.articles = 1;
    } else if (!lost_) {
      // Rejected as it is (its id is too long): like a file that does not parse, it has no
      // manifest, so the next run reads it and reports it again.
      enqueue(FileRecord{f.path, std::nullopt, f.key, true, {}});
      return;
    }
    m.contested = lost_;
    enqueue(FileRecord{f.path, m, f.key, true, std::move(keep)});
  }

  // The profile of the file's folder (measured over all its article files the first time one
  // of them is parsed) and the day relative dates are resolved against.
  const InferenceOptions& inference_for(const InputFile& f) {
    std::string dir = folder_of(f.path);
    if (folders_.empty()) {
      for (const auto& g : files_) {
        if (g.kind == InputKind::ArticleFile) folders_[folder_of(g.path)].push_back(g.path);
      }
    }
    auto [it, fresh] = profiles_.try_emplace(dir);
    if (fresh) it->second = profile_files(folders_[dir]);
    inference_.profile = &it->second;
    inference_.reference = request_.reference_date;
    if (!inference_.reference) {
      time_t secs = static_cast<time_t>(f.mtime_ns / 1000000000LL);
      struct tm local {};
      localtime_r(&secs, &local);
      inference_.reference =
          parse_date(fmt::format("{:04}-{:02}-{:02}", local.tm_year + 1900, local.tm_mon + 1, local.tm_mday));
    }
    return inference_;
  }

  // f: the file (nullptr for standard input, which has no manifest).
  void index_json_lines(const std::string& path, FileManifest* m) {
    const InputFile* f = m ? &files_[current_] : nullptr;
    if (f) read_.insert(f->key);
    std::string where = f ? path : "<stdin>";
    // A file with no articles in the index yet has none to prune afterwards: all it will have
    // are those written from it now, and their ids are all kept.
    const bool prune = f && store_.has_articles_from(f->key);
    std::map<std::string, long> seen;  // id -> first line
    std::vector<std::string> keep;
    bool complete = true;
    try {
      auto reader = LineReader::open(path);
      std::string line;
      long line_no = 0;
      std::uint64_t raw_before = 0;
      while (reader->next(line)) {
        ++line_no;
        progress_.bytes_done += reader->raw_bytes() - raw_before;
        raw_before = reader->raw_bytes();
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        ParseResult r = parse_json_article(line);
        std::string loc = where + ":" + std::to_string(line_no);
        for (const auto& w : r.warnings) report(loc + ": " + w, false);
        if (!r.article) {
          report(loc + ": " + r.error + "; skipped", true);
          continue;
        }
        auto [it, fresh] = seen.emplace(r.article->id, line_no);
        if (!fresh) {
          report(loc + ": duplicate id '" + r.article->id + "' (first at line " + std::to_string(it->second) +
                     "); skipped",
                 true);
          continue;
        }
        r.article->path = path;
        r.article->line = line_no;
        if (submit(std::move(*r.article), f, loc)) {
          keep.push_back(last_id_term_);
          if (m) ++m->articles;
        }
      }
      progress_.bytes_done += reader->raw_bytes() - raw_before;  // what the last read took past the last line
    } catch (const std::runtime_error& e) {
      report(where + ": " + e.what() + "; the rest of the file is skipped", true);
      complete = false;
    }
    if (!m || !complete) return;  // stdin has no manifest; a broken file is re-read next time
    std::sort(keep.begin(), keep.end());
    m->contested = lost_;
    enqueue(FileRecord{path, *m, f->key, prune, std::move(keep)});
  }

  // Whether the file that holds an id in the index still claims it in this run. Files are
  // read in path order, so one read before now that claimed it is in claims_.
  bool holder_keeps(const std::string& origin, const std::string& holder_path) const {
    if (read_.count(origin)) return false;    // read this run, and it did not claim the id
    if (!root_of(holder_path)) return false;  // its root was forgotten: its articles go
    if (listed_.count(origin)) return true;   // unchanged, or read later in this run
    // Not walked this run: kept, unless it vanished from a walked path (removed at the end).
    return request_.no_delete || !under_walked_scan(holder_path);
  }

  void lose(const std::string& where, const std::string& id, const std::string& keeper) {
    report(where + ": id '" + id + "' is also claimed by " + keeper +
               ", which keeps it (of two files with one id, the first path in byte order wins); skipped",
           true);
    lost_ = true;
  }

  // Decides who keeps the id, then added / updated / unchanged; false when the article was
  // not accepted. f: the file it came from, nullptr for standard input.
  bool submit(Article article, const InputFile* f, const std::string& where) {
    if (article.id.size() > kMaxIdBytes) {
      report(where + ": id longer than " + std::to_string(kMaxIdBytes) + " bytes; skipped", true);
      return false;
    }
    std::string term = std::string(schema::kId) + article.id;
    const std::uint32_t self = f ? current_ : kFromStdin;
    if (auto c = claims_.find(term); c != claims_.end() && c->second != self) {
      lose(where, article.id, c->second == kFromStdin ? "<stdin>" : files_[c->second].path);
      return false;
    }
    auto stored = store_.stored(term);
    const std::string origin = f ? f->key : "";
    if (stored && stored->origin != origin && !stored->origin.empty()) {
      // Held by another file. Standard input never takes an id from a file.
      std::string holder = store_.stored_path(term);
      if (!f) {
        lose(where, article.id, holder);
        return false;
      }
      if (holder_keeps(stored->origin, holder)) {
        if (holder < f->path) {
          lose(where, article.id, holder);
          return false;
        }
        displaced_.insert(holder);  // it must be read, to learn it lost the id
      }
    }
    claims_[term] = self;
    last_id_term_ = term;
    ++progress_.articles;
    std::string head = article.head_json();
    std::string hash = content_hash(head, article.body);
    if (stored && stored->hash == hash) {
      ++summary_.counts.unchanged;
    } else {
      ++(store_.existed_at_open(term) ? summary_.counts.updated : summary_.counts.added);
      enqueue(Task{std::move(article), std::move(head), std::move(hash), origin, {}});
    }
    tick();
    return true;
  }

  void enqueue(Item item) {
    pending_.push_back(std::move(item));
    if (std::holds_alternative<Task>(pending_.back()) && ++pending_tasks_ >= kChunk) flush();
  }

  // Analyzes pending chunks on up to `jobs` threads while this one hands finished chunks, in
  // order, to the shard writers.
  void flush() {
    if (pending_.empty()) return;
    auto build = [this](std::vector<Item> items) {
      for (auto& item : items) {
        if (auto* t = std::get_if<Task>(&item))
          t->built = build_document(t->article, std::move(t->head), t->hash, t->file_key, analyzer_);
      }
      return items;
    };
    in_flight_.push_back(std::async(std::launch::async, build, std::move(pending_)));
    pending_.clear();
    pending_tasks_ = 0;
    while (in_flight_.size() > std::max(1u, request_.jobs)) apply_oldest();
  }

  void drain() {
    flush();
    while (!in_flight_.empty()) apply_oldest();
  }

  void apply_oldest() {
    std::vector<Item> items = in_flight_.front().get();
    in_flight_.pop_front();
    for (auto& item : items) {
      if (auto* t = std::get_if<Task>(&item))
        store_.put(std::move(t->built));
      else
        store_.record_file(std::move(std::get<FileRecord>(item)));
      store_.maybe_commit();
    }
  }

  // Files recorded under a walked path that this run did not see were deleted or moved. Those
  // under a missing root or an unreadable directory are kept.
  void remove_vanished() {
    if (request_.no_delete) return;
    std::unordered_set<std::string> seen;
    for (const auto& f : files_) seen.insert(f.path);
    for (const auto& path : store_.manifest_paths()) {
      if (seen.count(path) || !under_walked_scan(path)) continue;
      store_.record_file(FileRecord{path, std::nullopt, file_key(path), true, {}});
    }
  }

  void tick() {
    if (request_.progress && (progress_.articles % 256 == 0)) request_.progress(progress_);
  }

  const IndexRequest& request_;
  IndexStore store_;
  Analyzer analyzer_;
  IndexSummary summary_;
  IndexProgress progress_;
  std::int64_t started_ns_ = 0;
  std::vector<RootRecord> roots_;      // as they will be recorded
  std::vector<RootRecord> forgotten_;  // removed this run, with their articles
  std::vector<Scan> scans_;
  bool read_stdin_ = false;
  std::vector<InputFile> files_;                           // in path order
  std::unordered_map<std::string, std::uint32_t> listed_;  // file key -> index in files_
  std::vector<std::string> unreadable_;                    // whose articles are kept
  std::unordered_set<std::string> read_;                   // file keys read (parsed) this run
  std::unordered_set<std::string> displaced_;              // paths that lost an id to a file before them
  std::unordered_map<std::string, std::uint32_t> claims_;  // Q term -> index in files_ (or kFromStdin)
  std::uint32_t current_ = 0;                              // the file being read
  bool lost_ = false;                                      // it lost an id to another file
  std::vector<Item> pending_;
  size_t pending_tasks_ = 0;
  std::deque<std::future<std::vector<Item>>> in_flight_;
  std::string last_id_term_;
  std::unordered_map<std::string, std::vector<fs::path>> folders_;  // article files by folder
  std::unordered_map<std::string, FolderProfile> profiles_;
  InferenceOptions inference_;
};

}  // namespace

IndexSummary run_index(const fs::path& index_dir, const IndexRequest& request) {
  // Where there is no index yet, what can be refused without one is refused before one is made.
  std::error_code ec;
  if (!fs::exists(layout::stub_of(index_dir), ec)) {
    if (!request.forget.empty())
      throw Error(ErrorCode::usage, "no index at " + index_dir.string() + " to forget roots from");
    if (request.paths.empty()) throw Error(ErrorCode::no_input, "no paths given and the index has none recorded");
    for (const auto& p : request.paths) {
      if (p != "-" && !fs::exists(p, ec)) throw Error(ErrorCode::usage, "no such file or directory: " + p);
    }
  }
  IndexRun run(index_dir, request);
  return run.run();
}

}  // namespace nsearch
