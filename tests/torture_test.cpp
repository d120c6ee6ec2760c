// A model-based torture test, in the spirit of SQLite's: a seeded random sequence of operations
// on three roots that share a folder name (x/news, y/news, z/news) and file names (add, modify,
// rename, delete and touch article files; append to, rewrite and delete JSON Lines files whose
// records share ids; record and forget roots; unplug a root and plug it back) and of
// `nsearch index` runs (bare, one root, --forget, --rebuild, some killed with SIGKILL and run
// again). After every run the index must hold exactly what the model says: which ids, from which
// file and line, with which title and body, read back from the databases and through the
// binary, with the summary's counts and `nsearch roots` matching.
//
// CI runs a short seed. scripts/torture runs a long one: NSEARCH_TORTURE_SEED and
// NSEARCH_TORTURE_RUNS set the seed and the number of runs; the test prints the operations and
// runs it survived.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <optional>
#include <random>
#include <set>
#include <thread>

#include <fmt/core.h>
#include <xapian.h>
#include <nlohmann/json.hpp>

#include "common/open_index.h"
#include "common/schema.h"
#include "tests/test_support.h"

namespace nsearch::test {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

struct Stored {
  std::string title, body, path;
  long line = 0;
  bool operator==(const Stored& o) const {
    return title == o.title && body == o.body && path == o.path && line == o.line;
  }
};
using Articles = std::map<std::string, Stored>;  // id -> article

std::string describe(const std::string& id, const Stored& s) {
  return fmt::format("{} = [{}] [{}] {}:{}", id, s.title, s.body, s.path, s.line);
}

struct Root {
  fs::path path;  // where it is recorded (x/news)
  fs::path away;  // where it is while unplugged
  bool present = true;
  bool recorded = false;
  std::string name;
  std::map<std::string, std::string> files;     // on disk now: relative path -> content
  std::map<std::string, std::string> snapshot;  // as the index last saw it (recorded roots)
};

class Torture {
 public:
  Torture(std::uint64_t seed, const fs::path& dir) : rng_(seed), dir_(dir) {
    for (const char* parent : {"x", "y", "z"}) {
      Root r;
      r.path = dir_ / parent / "news";
      r.away = dir_ / "away" / parent;
      fs::create_directories(r.path);
      roots_.push_back(r);
    }
    fs::create_directories(dir_ / "away");
  }

  // One step: a few operations on the files, then a run. Returns false on a divergence.
  bool step() {
    int ops = 1 + pick(20);
    for (int i = 0; i < ops; ++i) operate();
    ops_ += ops;
    return run();
  }

  std::uint64_t ops() const { return ops_; }
  std::uint64_t runs() const { return runs_; }
  std::uint64_t kills() const { return kills_; }

 private:
  unsigned pick(unsigned n) { return std::uniform_int_distribution<unsigned>(0, n - 1)(rng_); }
  bool chance(double p) { return std::uniform_real_distribution<double>(0, 1)(rng_) < p; }

  // ---- Operations on the files ----------------------------------------------------------
  void operate() {
    Root& r = roots_[pick(3)];
    unsigned what = pick(20);
    if (what == 0) {
      toggle_presence(r);
      return;
    }
    if (!r.present) return;  // an unplugged disk is not written to
    std::vector<std::string> txts, feeds;
    for (const auto& [rel, content] : r.files) (is_feed(rel) ? feeds : txts).push_back(rel);
    if (what <= 5) {
      write(r, free_name(r, kArticleNames), article_text());
    } else if (what <= 8 && !txts.empty()) {
      write(r, txts[pick(txts.size())], article_text());
    } else if (what <= 10 && !txts.empty()) {
      std::string from = txts[pick(txts.size())], to = free_name(r, kArticleNames);
      fs::create_directories((r.path / to).parent_path());
      trace("rename " + (r.path / from).string() + " " + to);
      fs::rename(r.path / from, r.path / to);
      r.files[to] = r.files[from];
      r.files.erase(from);
    } else if (what <= 11 && !txts.empty()) {
      std::string rel = txts[pick(txts.size())];
      trace("remove " + (r.path / rel).string());
      fs::remove(r.path / rel);
      r.files.erase(rel);
    } else if (what <= 14) {
      std::string rel = kFeedNames[pick(2)];
      write(r, rel, r.files[rel] + record_text());
    } else if (what <= 16) {
      std::string text;
      for (unsigned n = pick(5); n > 0; --n) text += record_text();
      write(r, kFeedNames[pick(2)], text);
    } else if (what == 17 && !feeds.empty()) {
      std::string rel = feeds[pick(feeds.size())];
      trace("remove " + (r.path / rel).string());
      fs::remove(r.path / rel);
      r.files.erase(rel);
    } else if (what == 18 && !r.files.empty()) {  // touched, not changed
      auto it = std::next(r.files.begin(), pick(r.files.size()));
      trace("touch " + (r.path / it->first).string());
      fs::last_write_time(r.path / it->first, fs::file_time_type::clock::now() + std::chrono::seconds(pick(5)));
    }
  }

  static bool is_feed(const std::string& rel) { return rel.size() > 6 && rel.substr(rel.size() - 6) == ".jsonl"; }

  void trace(const std::string& what) {
    if (trace_) std::fprintf(stderr, "  %s\n", what.c_str());
  }

  void toggle_presence(Root& r) {
    trace((r.present ? "unplug " : "plug ") + r.path.string());
    fs::rename(r.present ? r.path : r.away, r.present ? r.away : r.path);
    r.present = !r.present;
  }

  std::string free_name(const Root& r, const std::vector<std::string>& names) {
    for (int tries = 0; tries < 20; ++tries) {
      const std::string& n = names[pick(names.size())];
      if (!r.files.count(n)) return n;
    }
    return fmt::format("extra-{}.txt", counter_++);
  }

  void write(Root& r, const std::string& rel, const std::string& content) {
    trace("write " + (r.path / rel).string() + ":\n" + content);
    write_file(r.path / rel, content);
    r.files[rel] = content;
  }

  std::string article_text() {
    std::string n = std::to_string(counter_++);
    std::string id = chance(0.15) ? "id: " + kSharedIds[pick(kSharedIds.size())] + "\n" : "";
    return "---\ntitle: عنوان " + n + "\n" + id + "---\nنص " + n + " عن طرابلس\n";
  }

  std::string record_text() {
    std::string n = std::to_string(counter_++);
    return json{{"id", kSharedIds[pick(kSharedIds.size())]}, {"title", "سجل " + n}, {"body", "نص " + n + " عن طرابلس"}}
               .dump() +
           "\n";
  }

  // ---- The model --------------------------------------------------------------------------
  // What the index must hold after a run that read the files in `read`: those as they are now,
  // every other file of a recorded root with the articles it held (it can lose one to a file
  // read now whose path sorts first, never gain one), all in the byte order of their paths; of
  // two files with one id the first keeps it, within a file the first line.
  Articles expected(const std::set<std::string>& read, std::set<std::string>* losers) const {
    std::map<std::string, std::pair<const Root*, std::string>> files;            // absolute path -> (root, content)
    std::map<std::string, std::map<long, std::pair<std::string, Stored>>> held;  // path -> line -> article
    for (const auto& r : roots_) {
      if (!r.recorded) continue;
      for (const auto& [rel, content] : r.snapshot) {
        std::string path = (r.path / rel).string();
        if (read.count(path)) files[path] = {&r, content};
      }
    }
    for (const auto& [id, a] : model_) {
      if (!read.count(a.path) && recorded_root_of(a.path)) held[a.path][a.line] = {id, a};
    }
    for (const auto& [path, articles] : held) files.emplace(path, std::pair<const Root*, std::string>{nullptr, ""});
    Articles out;
    for (const auto& [path, rc] : files) {
      const auto& [root, content] = rc;
      if (!root) {
        for (const auto& [line, ia] : held.at(path)) out.emplace(ia.first, ia.second);
        continue;
      }
      std::string rel = path.substr(root->path.string().size() + 1);
      if (!is_feed(rel)) {
        std::string id = root->name + "/" + rel;
        auto at = content.find("\nid: ");
        if (at != std::string::npos) id = content.substr(at + 5, content.find('\n', at + 5) - at - 5);
        auto title = content.find("title: ") + 7;
        auto body = content.find("---\n", 4) + 4;
        bool kept = out.emplace(id, Stored{content.substr(title, content.find('\n', title) - title),
                                           content.substr(body, content.size() - body - 1), path, 0})
                        .second;
        if (!kept) losers->insert(path);
        continue;
      }
      std::istringstream lines(content);
      std::string line;
      std::set<std::string> own;  // a file's own repeated ids are not a loss to another file
      for (long n = 1; std::getline(lines, line); ++n) {
        json j = json::parse(line);
        std::string id = j["id"];
        if (!own.insert(id).second) continue;
        if (!out.emplace(id, Stored{j["title"], j["body"], path, n}).second) losers->insert(path);
      }
    }
    return out;
  }

  bool recorded_root_of(const std::string& path) const {
    for (const auto& r : roots_)
      if (r.recorded && path.rfind(r.path.string() + "/", 0) == 0) return true;
    return false;
  }

  std::string unique_name() const {
    auto taken = [&](const std::string& name) {
      for (const auto& r : roots_)
        if (r.recorded && r.name == name) return true;
      return false;
    };
    std::string name = "news";
    for (int n = 2; taken(name); ++n) name = "news-" + std::to_string(n);
    return name;
  }

  // ---- Runs ---------------------------------------------------------------------------------
  enum class Kind { Bare, OneRoot, Forget, Rebuild };

  std::vector<std::string> args_of(Kind kind, const Root* target) const {
    std::vector<std::string> args = {"index",        "--index", (dir_ / "idx").string(), "--format", "json",
                                     "--batch-size", "3"};
    if (kind == Kind::OneRoot) args.push_back(target->path.string());
    if (kind == Kind::Forget) args.insert(args.end(), {"--forget", target->path.string()});
    if (kind == Kind::Rebuild) args.push_back("--rebuild");
    return args;
  }

  // The model after a complete run of this kind: the roots it walks are seen as they are now,
  // and so is every file that lost an id when last read (those are read on every run).
  Articles apply(Kind kind, Root* target) {
    std::set<std::string> read;
    auto see = [&](Root& r) {
      for (const auto& [rel, c] : r.snapshot) read.insert((r.path / rel).string());  // deleted ones too
      r.snapshot = r.files;
      for (const auto& [rel, c] : r.files) read.insert((r.path / rel).string());
    };
    if (kind == Kind::Forget) {
      target->recorded = false;
      target->snapshot.clear();
    }
    if (kind == Kind::OneRoot) {
      if (!target->recorded) target->name = unique_name();
      target->recorded = true;
      see(*target);
    }
    for (auto& r : roots_) {
      if (!r.recorded || !r.present) continue;
      if (kind != Kind::OneRoot) {
        see(r);
        continue;
      }
      for (const auto& [rel, content] : r.files) {
        std::string path = (r.path / rel).string();
        if (contested_.count(path) && r.snapshot.count(rel)) {
          r.snapshot[rel] = content;
          read.insert(path);
        }
      }
    }
    std::set<std::string> losers;
    Articles out = expected(read, &losers);
    for (const auto& path : read) {
      if (losers.count(path))
        contested_.insert(path);
      else
        contested_.erase(path);
    }
    for (auto it = contested_.begin(); it != contested_.end();) {  // forgotten with their root
      bool known = false;
      for (const auto& r : roots_) known |= r.recorded && it->rfind(r.path.string() + "/", 0) == 0;
      it = known ? std::next(it) : contested_.erase(it);
    }
    return out;
  }

  bool run() {
    std::vector<Root*> recorded, present;
    for (auto& r : roots_) {
      if (r.recorded) recorded.push_back(&r);
      if (r.present) present.push_back(&r);
    }
    Kind kind = Kind::Bare;
    Root* target = nullptr;
    unsigned k = pick(20);
    if (recorded.empty() || k < 4) {
      if (present.empty()) return true;
      kind = Kind::OneRoot;
      target = present[pick(present.size())];
    } else if (k == 4) {
      kind = Kind::Forget;
      target = recorded[pick(recorded.size())];
    } else if (k == 5 && std::all_of(recorded.begin(), recorded.end(), [](const Root* r) { return r->present; })) {
      kind = Kind::Rebuild;  // (a rebuild is refused while a root is missing: RebuildWaitsForMissingRoots)
    }
    const Articles before = model_;
    const Articles after = apply(kind, target);
    ++runs_;
    bool killed = false;
    if (chance(0.2)) {
      // Killed in the middle: whatever was committed is whole, each id once, each article as it
      // was before the run or as it will be after.
      pid_t pid = spawn_nsearch(args_of(kind, target));
      std::this_thread::sleep_for(std::chrono::microseconds(pick(60000)));
      kill(pid, SIGKILL);
      int status = 0;
      waitpid(pid, &status, 0);
      ++kills_;
      killed = true;  // (if it finished first, the run again has nothing left to count)
      if (fs::exists(dir_ / "idx" / "XAPIANDB") && !check_between(before, after)) return false;
      if (kind == Kind::Forget && !still_recorded(target->path)) {
        trace("the killed run forgot " + target->path.string());
        kind = Kind::Bare;  // it finished forgetting
      }
    }
    auto r = run_nsearch(args_of(kind, target));
    if (trace_) {
      std::string a;
      for (const auto& x : args_of(kind, target)) a += " " + x;
      trace(std::string(killed ? "KILLED, then" : "run") + a + "\n" + r.out + r.err);
    }
    last_ = (killed ? "(after a kill)" : "");
    for (const auto& a : args_of(kind, target)) last_ += " " + a;
    last_ += "\n" + r.out + r.err;
    int missing = 0;
    for (const auto& root : roots_) missing += root.recorded && !root.present;
    if (r.exit_code != 0 && r.exit_code != 3) return fail("exit " + std::to_string(r.exit_code) + ": " + r.err);
    if (missing && r.exit_code != 3) return fail("a root is missing but the run exited " + std::to_string(r.exit_code));
    json summary = json::parse(r.out, nullptr, false);
    if (!summary.is_object()) return fail("no summary: " + r.out + r.err);
    if (static_cast<int>(summary["missing_roots"]) != missing)
      return fail(fmt::format("missing_roots {} against {}", summary["missing_roots"].dump(), missing));
    model_ = after;
    if (!check_index(after)) return false;
    if (!killed && kind != Kind::Rebuild && !check_counts(summary, before, after, kind)) return false;
    return check_roots();
  }

  bool fail(const std::string& why) {
    ADD_FAILURE() << "divergence after " << ops_ << " operations, run " << runs_ << ": " << why
                  << "\nlast run:" << last_;
    return false;
  }

  bool still_recorded(const fs::path& path) {
    auto r = run_nsearch({"roots", "--index", (dir_ / "idx").string(), "--format", "json"});
    json roots = json::parse(r.out);
    for (const auto& root : roots["roots"])
      if (root["path"] == path.string()) return true;
    return false;
  }

  // Every article in the index, read from its databases; each id once.
  std::optional<Articles> read_index(std::string& problem) {
    Xapian::Database db = open_index_for_reading(dir_ / "idx");
    Articles out;
    const std::string q(schema::kId);
    for (auto it = db.allterms_begin(q); it != db.allterms_end(q); ++it) {
      if (it.get_termfreq() != 1) {
        problem = "id " + *it + " held by " + std::to_string(it.get_termfreq()) + " documents";
        return std::nullopt;
      }
      const Xapian::Document doc = db.get_document(*db.postlist_begin(*it));
      json j = json::parse(doc.get_value(schema::kSlotHead));
      out[(*it).substr(1)] = Stored{j["title"], doc.get_data(), j["path"], j["line"]};
    }
    if (out.size() != db.get_doccount()) {
      problem = "documents without an id";
      return std::nullopt;
    }
    return out;
  }

  bool check_between(const Articles& before, const Articles& after) {
    std::string problem;
    auto index = read_index(problem);
    if (!index) return fail("after a kill: " + problem);
    for (const auto& [id, s] : *index) {
      auto b = before.find(id), a = after.find(id);
      if ((b == before.end() || !(b->second == s)) && (a == after.end() || !(a->second == s)))
        return fail("after a kill, an article of neither state: " + describe(id, s));
    }
    return true;
  }

  bool check_index(const Articles& want) {
    std::string problem;
    auto index = read_index(problem);
    if (!index) return fail(problem);
    for (const auto& [id, s] : want) {
      auto it = index->find(id);
      if (it == index->end()) return fail("missing " + describe(id, s));
      if (!(it->second == s)) return fail("wrong " + describe(id, it->second) + ", want " + describe(id, s));
    }
    for (const auto& [id, s] : *index) {
      if (want.count(id)) continue;
      std::string all;
      for (const auto& [wid, ws] : want) all += "\n  " + describe(wid, ws);
      return fail("extra " + describe(id, s) + "\nthe model:" + all);
    }
    // Through the binary: every body has the word, so a search lists every id.
    auto r =
        run_nsearch({"search", "--index", (dir_ / "idx").string(), "--format", "ids", "--limit", "100000", "طرابلس"});
    std::set<std::string> found;
    for (size_t p = 0, e; (e = r.out.find('\n', p)) != std::string::npos; p = e + 1)
      found.insert(r.out.substr(p, e - p));
    std::set<std::string> ids;
    for (const auto& [id, s] : want) ids.insert(id);
    if (found != ids) return fail(fmt::format("search lists {} ids, the model {}", found.size(), ids.size()));
    if (!want.empty()) {  // and one article in full through `show`
      auto it = std::next(want.begin(), pick(want.size()));
      auto shown = run_nsearch({"show", "--index", (dir_ / "idx").string(), it->first, "--format", "json"});
      json j = json::parse(shown.out, nullptr, false);
      if (!j.is_object() || j["body"] != it->second.body || j["path"] != it->second.path)
        return fail("show " + it->first + ": " + shown.out + shown.err);
    }
    return true;
  }

  bool check_counts(const json& s, const Articles& before, const Articles& after, Kind kind) {
    std::uint64_t added = 0, updated = 0, removed = 0, unchanged = 0;
    for (const auto& [id, a] : after) {
      auto b = before.find(id);
      if (b == before.end())
        ++added;
      else if (!(b->second == a))
        ++updated;
      else if (kind != Kind::OneRoot && under_present_root(a.path))
        ++unchanged;
    }
    for (const auto& [id, b] : before) removed += !after.count(id);
    bool ok = s["added"] == added && s["updated"] == updated && s["removed"] == removed &&
              (kind == Kind::OneRoot || s["unchanged"] == unchanged);
    if (!ok)
      return fail(fmt::format("counts {} against added {} updated {} unchanged {} removed {}", s.dump(), added, updated,
                              unchanged, removed));
    return true;
  }

  bool under_present_root(const std::string& path) const {
    for (const auto& r : roots_)
      if (r.recorded && r.present && path.rfind(r.path.string() + "/", 0) == 0) return true;
    return false;
  }

  bool check_roots() {
    auto r = run_nsearch({"roots", "--index", (dir_ / "idx").string(), "--format", "json"});
    json roots = json::parse(r.out, nullptr, false);
    if (!roots.is_object()) {
      bool any = false;
      for (const auto& root : roots_) any |= root.recorded;
      return any ? fail("roots: " + r.out + r.err) : true;
    }
    std::map<std::string, std::pair<std::string, std::uint64_t>> want;  // path -> (name, articles)
    for (const auto& root : roots_)
      if (root.recorded) want[root.path.string()] = {root.name, 0};
    for (const auto& [id, s] : model_) {
      for (auto& [path, na] : want)
        if (s.path.rfind(path + "/", 0) == 0) ++na.second;
    }
    std::map<std::string, std::pair<std::string, std::uint64_t>> got;
    for (const auto& root : roots["roots"]) got[root["path"]] = {root["name"], root["articles"]};
    if (got != want) {
      std::string w;
      for (const auto& [path, na] : want) w += fmt::format(" {} {} {}", path, na.first, na.second);
      return fail("roots: " + roots.dump() + " want" + w);
    }
    return true;
  }

  const std::vector<std::string> kArticleNames = {"2024-10-23.txt", "2024-10-24.txt", "a.txt",
                                                  "sub/b.txt",      "sub/c.md",       "sub/deep/d.txt"};
  const std::vector<std::string> kFeedNames = {"feed.jsonl", "sub/more.jsonl"};
  const std::vector<std::string> kSharedIds = {"j0", "j1", "j2", "j3", "j4", "shared"};

  std::mt19937_64 rng_;
  fs::path dir_;
  std::vector<Root> roots_;
  Articles model_;
  std::set<std::string> contested_;  // files that lost an id when last read
  std::string last_;                 // the last run, for a failure's message
  const bool trace_ = std::getenv("NSEARCH_TORTURE_TRACE") != nullptr;
  std::uint64_t counter_ = 0, ops_ = 0, runs_ = 0, kills_ = 0;
};

std::uint64_t env_or(const char* name, std::uint64_t fallback) {
  const char* v = std::getenv(name);
  return v && *v ? std::strtoull(v, nullptr, 10) : fallback;
}

TEST(Torture, RandomOperationsAndKilledRunsMatchTheModel) {
  const std::uint64_t seed = env_or("NSEARCH_TORTURE_SEED", 18);
  const std::uint64_t runs = env_or("NSEARCH_TORTURE_RUNS", 50);
  TempDir tmp;
  Torture t(seed, tmp.path());
  while (t.runs() < runs) {
    if (!t.step()) break;
  }
  std::printf("torture seed %llu: %llu operations, %llu runs (%llu killed and run again) survived\n",
              static_cast<unsigned long long>(seed), static_cast<unsigned long long>(t.ops()),
              static_cast<unsigned long long>(t.runs()), static_cast<unsigned long long>(t.kills()));
  EXPECT_GE(t.runs(), runs);
}

}  // namespace
}  // namespace nsearch::test
