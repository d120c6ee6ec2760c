#include "indexer/indexer.h"

#include <sys/stat.h>
#include <time.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <deque>
#include <fstream>
#include <future>
#include <map>
#include <sstream>
#include <unordered_map>
#include <variant>

#include <fmt/core.h>

#include "common/analyzer.h"
#include "common/errors.h"
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

InputKind kind_of(const fs::path& p) {
  std::string name = p.filename().string();
  auto ends = [&](std::string_view suffix) {
    return name.size() >= suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0;
  };
  if (ends(".txt") || ends(".md")) return InputKind::ArticleFile;
  if (ends(".jsonl") || ends(".jsonl.gz") || ends(".jsonl.xz")) return InputKind::JsonLines;
  return InputKind::None;
}

// A path as an id: control characters (a newline is legal in a file name) become %XX, so
// that an id is one line in `--format ids` and can be typed to `nsearch show`.
std::string id_from_path(const std::string& rel) {
  std::string id;
  for (unsigned char c : rel) {
    if (c < 0x20 || c == 0x7F)
      id += fmt::format("%{:02X}", c);
    else
      id += static_cast<char>(c);
  }
  return id;
}

struct InputFile {
  fs::path path;        // absolute
  std::string id_base;  // path relative to its root, for ids
  InputKind kind;
  std::uint64_t size;
  std::int64_t mtime_ns;
};

struct Task {
  Article article;
  std::string data;  // article.to_json()
  std::string hash;
  std::string file_key;
  BuiltDocument built;
};

using Item = std::variant<Task, FileRecord>;

class IndexRun {
 public:
  IndexRun(const fs::path& dir, const IndexRequest& request)
      : request_(request), store_(dir, request.store), analyzer_(AnalyzerOptions::variant(store_.analyzer_variant())) {}

  IndexSummary run() {
    auto start = std::chrono::steady_clock::now();
    std::vector<std::string> roots = resolve_roots();
    std::vector<InputFile> files;
    bool read_stdin = false;
    for (const auto& root : roots) {
      if (root == "-")
        read_stdin = true;
      else
        list_inputs(root, files);
    }
    for (const auto& f : files) progress_.bytes_total += f.size;
    files_ = &files;
    std::vector<std::string> seen;
    for (const auto& f : files) {
      seen.push_back(f.path.string());
      index_file(f);
    }
    if (read_stdin) index_json_lines("-", "", nullptr);
    drain();
    if (!request_.no_delete) remove_vanished(roots, seen);
    store_.finish();
    if (request_.progress) request_.progress(progress_);  // complete, the last commit included
    summary_.counts.removed = store_.removed();
    summary_.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    summary_.input_bytes = progress_.bytes_done;
    summary_.roots = roots;
    return summary_;
  }

 private:
  void report(const std::string& line, bool skipped) {
    ++(skipped ? summary_.counts.skipped : summary_.counts.warnings);
    if (request_.report) request_.report(line);
  }

  std::vector<std::string> resolve_roots() {
    std::vector<std::string> recorded = store_.roots();
    if (request_.paths.empty()) {
      if (recorded.empty())
        throw Error(kExitUsage, "no paths given and the index has none recorded; try `nsearch index PATH`");
      return recorded;
    }
    std::vector<std::string> roots;
    for (const auto& p : request_.paths) {
      if (p == "-") {
        roots.push_back(p);
        continue;
      }
      std::error_code ec;
      fs::path abs = fs::weakly_canonical(fs::absolute(p), ec);
      if (!fs::exists(abs, ec)) throw Error(kExitUsage, "no such file or directory: " + p);
      roots.push_back(abs.string());
      if (std::find(recorded.begin(), recorded.end(), abs.string()) == recorded.end()) recorded.push_back(abs.string());
    }
    store_.set_roots(recorded);
    return roots;
  }

  void add_input(const fs::path& path, const fs::path& root, InputKind kind) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) {
      report(path.string() + ": cannot read: " + std::strerror(errno), true);
      return;
    }
    std::string rel = path == root ? path.filename().string() : path.lexically_relative(root).generic_string();
    files_index_.push_back(InputFile{path, id_from_path(rel), kind, static_cast<std::uint64_t>(st.st_size),
                                     st.st_mtim.tv_sec * 1000000000LL + st.st_mtim.tv_nsec});
  }

  // Directory symlinks are not followed, so a symlink loop cannot trap the walk.
  void list_inputs(const std::string& root_str, std::vector<InputFile>& out) {
    fs::path root(root_str);
    files_index_.clear();
    std::error_code ec;
    if (fs::is_regular_file(root, ec)) {
      InputKind kind = kind_of(root);
      if (kind == InputKind::None)
        report(root_str + ": not an article file (.txt, .md) or JSON Lines (.jsonl[.gz|.xz])", true);
      else
        add_input(root, root, kind);
    } else {
      fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec), end;
      if (ec) report(root_str + ": cannot read directory: " + ec.message(), true);
      for (; !ec && it != end; it.increment(ec)) {
        InputKind kind = kind_of(it->path());
        std::error_code fec;
        if (kind != InputKind::None && it->is_regular_file(fec)) add_input(it->path(), root, kind);
      }
      if (ec) report(root_str + ": directory walk stopped: " + ec.message(), true);
    }
    std::sort(files_index_.begin(), files_index_.end(), [](const auto& a, const auto& b) { return a.path < b.path; });
    out.insert(out.end(), files_index_.begin(), files_index_.end());
  }

  void index_file(const InputFile& f) {
    std::string path = f.path.string();
    auto old = store_.manifest(path);
    if (old && old->size == f.size && old->mtime_ns == f.mtime_ns) {
      summary_.counts.unchanged += old->articles;  // cheap skip: nothing read
      progress_.bytes_done += f.size;
      tick();
      return;
    }
    FileManifest m{f.size, f.mtime_ns, "", 0};
    if (f.kind == InputKind::ArticleFile)
      index_article_file(f, m, old);
    else
      index_json_lines(f.path, file_key(path), &m);
  }

  void index_article_file(const InputFile& f, FileManifest& m, const std::optional<FileManifest>& old) {
    std::string path = f.path.string();
    if (std::string big = oversize_problem(f.size); !big.empty()) {  // not even read
      progress_.bytes_done += f.size;
      report(path + ": " + big + "; skipped", true);
      return;
    }
    std::ifstream in(f.path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    if (!in && !in.eof()) {
      report(path + ": cannot read: " + std::strerror(errno), true);
      return;
    }
    std::string content = ss.str();
    progress_.bytes_done += f.size;
    m.hash = fingerprint(content);
    m.articles = 1;
    if (old && old->hash == m.hash) {  // touched, not changed
      summary_.counts.unchanged += 1;
      enqueue(FileRecord{path, m, "", false, {}});
      return;
    }
    ParseResult r = parse_article_file(content, f.id_base, request_.infer ? &inference_for(f) : nullptr);
    for (const auto& w : r.warnings) report(path + ": " + w, false);
    if (!r.article) {
      report(path + ": " + r.error + "; skipped", true);
      return;
    }
    r.article->path = path;
    std::string key = file_key(path);
    // Pruning to the file's current id drops its old article when the header's id changed.
    if (submit(std::move(*r.article), key, path)) enqueue(FileRecord{path, m, key, true, {last_id_term_}});
  }

  // The profile of the file's folder (measured over all its article files the first time one
  // of them is parsed) and the day relative dates are resolved against.
  const InferenceOptions& inference_for(const InputFile& f) {
    std::string dir = f.path.parent_path().string();
    if (folders_.empty()) {
      for (const auto& g : *files_) {
        if (g.kind == InputKind::ArticleFile) folders_[g.path.parent_path().string()].push_back(g.path);
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

  void index_json_lines(const fs::path& path, const std::string& key, FileManifest* m) {
    std::string where = path == "-" ? "<stdin>" : path.string();
    // A file with no articles in the index yet has none to prune afterwards: all it will have
    // are those written from it now, and their ids are all kept.
    const bool prune = m && store_.has_articles_from(key);
    std::map<std::string, long> seen;  // id -> first line
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
        r.article->path = path.string();
        r.article->line = line_no;
        submit(std::move(*r.article), key, loc);
        if (m) ++m->articles;
      }
    } catch (const std::runtime_error& e) {
      report(where + ": " + e.what() + "; the rest of the file is skipped", true);
      complete = false;
    }
    if (!m || !complete) return;  // stdin has no manifest; a broken file is re-read next time
    std::vector<std::string> keep;
    for (const auto& [id, line] : seen) keep.push_back(std::string(schema::kId) + id);
    std::sort(keep.begin(), keep.end());
    enqueue(FileRecord{path.string(), *m, key, prune, std::move(keep)});
  }

  // Decides added / updated / unchanged; returns false when the article was not accepted.
  bool submit(Article article, const std::string& key, const std::string& where) {
    if (article.id.size() > kMaxIdBytes) {
      report(where + ": id longer than " + std::to_string(kMaxIdBytes) + " bytes; skipped", true);
      return false;
    }
    last_id_term_ = std::string(schema::kId) + article.id;
    ++progress_.articles;
    std::string data = article.to_json();
    std::string hash = fingerprint(data);
    auto stored = store_.stored_hash(last_id_term_);
    if (stored && *stored == hash) {
      ++summary_.counts.unchanged;
    } else {
      ++(stored ? summary_.counts.updated : summary_.counts.added);
      enqueue(Task{std::move(article), std::move(data), std::move(hash), key, {}});
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
          t->built = build_document(t->article, std::move(t->data), t->hash, t->file_key, analyzer_);
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

  // Files recorded under a scanned root that this run did not see were deleted or moved.
  void remove_vanished(const std::vector<std::string>& roots, std::vector<std::string> seen) {
    std::sort(seen.begin(), seen.end());
    for (const auto& path : store_.manifest_paths()) {
      bool under = std::any_of(roots.begin(), roots.end(), [&](const std::string& r) {
        return path == r || (path.size() > r.size() && path.compare(0, r.size(), r) == 0 && path[r.size()] == '/');
      });
      if (!under || std::binary_search(seen.begin(), seen.end(), path)) continue;
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
  std::vector<InputFile> files_index_;
  std::vector<Item> pending_;
  size_t pending_tasks_ = 0;
  std::deque<std::future<std::vector<Item>>> in_flight_;
  std::string last_id_term_;
  const std::vector<InputFile>* files_ = nullptr;
  std::unordered_map<std::string, std::vector<fs::path>> folders_;  // article files by folder
  std::unordered_map<std::string, FolderProfile> profiles_;
  InferenceOptions inference_;
};

}  // namespace

IndexSummary run_index(const fs::path& index_dir, const IndexRequest& request) {
  IndexRun run(index_dir, request);
  return run.run();
}

}  // namespace nsearch
