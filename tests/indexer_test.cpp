// The indexer through the real binary on real temporary indexes: the seed corpus, every
// incremental case, bad inputs, a killed run, lock contention and version checks.
#include <fcntl.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>
#include <set>
#include <sstream>
#include <thread>

#include <xapian.h>
#include <nlohmann/json.hpp>

#include "common/open_index.h"
#include "common/schema.h"
#include "tests/test_support.h"

namespace nsearch::test {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

std::set<std::string> ids_in(const fs::path& index) {
  Xapian::Database db = open_index_for_reading(index);
  std::set<std::string> ids;
  std::string q(schema::kId);
  for (auto it = db.allterms_begin(q); it != db.allterms_end(q); ++it) {
    ids.insert((*it).substr(1));
    EXPECT_EQ(it.get_termfreq(), 1u) << "duplicate id " << *it;
  }
  EXPECT_EQ(ids.size(), db.get_doccount()) << "documents without a unique id";
  return ids;
}

json summary_of(const RunResult& r) {
  auto lines = r.out;
  return json::parse(lines.substr(0, lines.find('\n')));
}

RunResult index(const fs::path& idx, std::vector<std::string> args) {
  args.insert(args.begin(), {"index", "--index", idx.string(), "--format", "json"});
  return run_nsearch(args);
}

std::string article(const std::string& title, const std::string& body, const std::string& extra = "") {
  return "---\ntitle: " + title + "\n" + extra + "---\n" + body + "\n";
}

TEST(IndexCorpus, SeedArticlesCarryTheirMetadata) {
  TempDir tmp;
  auto r = index(tmp / "idx", {(source_dir() / "corpus").string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(summary_of(r)["added"], 5);
  struct Expect {
    const char* id;
    const char* title_start;
    const char* source;
    const char* date;
  };
  for (const Expect& e :
       {Expect{"corpus/000_aff02f4700e004a1.txt", "وكالة نوفا : لقاء تاريخي", "المشهد", "2024-10-23"},
        Expect{"corpus/001_183260085f83e7c3.txt", "شهدت مدينة بنغازي، الاثنين", "", "2025-08-25"},
        Expect{"corpus/002_531c9af4ea5c5933.txt", "المصالح تعبد الطريق", "ميدل إيست أون لاين", "2025-04-04"},
        Expect{"corpus/003_b84856964a7b5a3d.txt", "اتفاق بوساطة تركية", "وكالة الأناضول", "2025-10"},
        Expect{"corpus/004_f090aae47d831c2d.txt", "وفد أمني مصري يصل طرابلس", "الجزيرة", "2020-12-27"}}) {
    auto s = run_nsearch({"show", "--index", (tmp / "idx").string(), e.id, "--format", "json"});
    ASSERT_EQ(s.exit_code, 0) << e.id << s.err;
    auto j = json::parse(s.out);
    EXPECT_EQ(j["id"], e.id);
    EXPECT_EQ(j["title"].get<std::string>().rfind(e.title_start, 0), 0u) << j["title"];
    EXPECT_EQ(j["source"], e.source);
    EXPECT_EQ(j["date"], e.date);
  }
  auto stats = json::parse(run_nsearch({"stats", "--index", (tmp / "idx").string(), "--format", "json"}).out);
  EXPECT_EQ(stats["documents"], 5);
  EXPECT_EQ(stats["date_from"], "2020-12-27");
  EXPECT_EQ(stats["date_to"], "2025-10-31");
  EXPECT_EQ(stats["sources"].size(), 4u);
  EXPECT_EQ(stats["schema_version"], std::to_string(schema::kSchemaVersion));
}

// A hit line is read from the head value alone (schema.h): the body is the document data,
// never also in the head, and `show` puts the two back together.
TEST(IndexCorpus, TheBodyIsStoredApartFromTheHead) {
  TempDir tmp;
  const std::string body = "نص الخبر عن طرابلس وبنغازي.";
  write_file(tmp / "in" / "a.txt", article("عنوان الخبر", body, "source: الجزيرة\n"));
  ASSERT_EQ(index(tmp / "idx", {(tmp / "in").string()}).exit_code, 0);
  Xapian::Database db = open_index_for_reading(tmp / "idx");
  const Xapian::Document doc = db.get_document(*db.postlist_begin(std::string(schema::kId) + "in/a.txt"));
  EXPECT_EQ(doc.get_data(), body);
  json head = json::parse(doc.get_value(schema::kSlotHead));
  EXPECT_EQ(head["title"], "عنوان الخبر");
  EXPECT_EQ(head["source"], "الجزيرة");
  EXPECT_FALSE(head.contains("body"));
  auto j = json::parse(run_nsearch({"show", "--index", (tmp / "idx").string(), "in/a.txt", "--format", "json"}).out);
  EXPECT_EQ(j["body"], body);
  EXPECT_EQ(j["title"], "عنوان الخبر");
}

TEST(IndexCorpus, FileWithoutHeaderTakesTitleAndSourceFromText) {
  TempDir tmp;
  write_file(tmp / "in" / "a.txt", "\n\nعنوان الخبر هنا\n\nنص الخبر عن طرابلس.\n\nالمصدر : الجزيرة + وكالات\n");
  ASSERT_EQ(index(tmp / "idx", {(tmp / "in").string()}).exit_code, 0);
  auto j = json::parse(run_nsearch({"show", "--index", (tmp / "idx").string(), "a.txt", "--format", "json"}).out);
  EXPECT_EQ(j["title"], "عنوان الخبر هنا");
  EXPECT_EQ(j["source"], "الجزيرة");
  EXPECT_EQ(j["co_sources"], json::array({"وكالات"}));
  EXPECT_EQ(j["date"], "");  // the text states none and says nothing relative
  EXPECT_EQ(j["inferred"], json::array({"title", "source"}));
}

class Incremental : public ::testing::Test {
 protected:
  void SetUp() override {
    write_file(in_ / "a.txt", article("خبر أول", "صدام حفتر في أنقرة"));
    write_file(in_ / "sub" / "b.md", article("خبر ثان", "قالن في بنغازي"));
    write_file(in_ / "feed.jsonl", R"({"id":"j1","title":"ج١","body":"نص أول","source":"الجزيرة","date":"2015-07-21"})"
                                   "\n"
                                   R"({"id":"j2","title":"ج٢","body":"نص ثان","source":"الجزيره","date":"2015-07"})"
                                   "\n");
    auto r = run({in_.string()});
    ASSERT_EQ(r["added"], 4);
  }
  json run(std::vector<std::string> args) {
    auto r = index(idx_, args);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return summary_of(r);
  }
  void expect(json s, int added, int updated, int unchanged, int removed) {
    EXPECT_EQ(s["added"], added) << s;
    EXPECT_EQ(s["updated"], updated) << s;
    EXPECT_EQ(s["unchanged"], unchanged) << s;
    EXPECT_EQ(s["removed"], removed) << s;
  }
  TempDir tmp_;
  fs::path in_ = tmp_ / "in";
  fs::path idx_ = tmp_ / "idx";
};

TEST_F(Incremental, UnchangedRerunReadsNothingNew) {
  expect(run({}), 0, 0, 4, 0);  // bare run re-scans the recorded root
  EXPECT_EQ(ids_in(idx_), (std::set<std::string>{"in/a.txt", "in/sub/b.md", "j1", "j2"}));
}

TEST_F(Incremental, AddModifyDelete) {
  write_file(in_ / "c.txt", article("خبر ثالث", "جزيرة الحنة"));
  write_file(in_ / "a.txt", article("خبر أول معدل", "صدام حفتر في أنقرة مرة أخرى"));
  fs::remove(in_ / "sub" / "b.md");
  expect(run({}), 1, 1, 2, 1);
  EXPECT_EQ(ids_in(idx_), (std::set<std::string>{"in/a.txt", "in/c.txt", "j1", "j2"}));
  auto j = json::parse(run_nsearch({"show", "--index", idx_.string(), "in/a.txt", "--format", "json"}).out);
  EXPECT_EQ(j["title"], "خبر أول معدل");
}

TEST_F(Incremental, RenameAndMoveAreRemoveThenAdd) {
  fs::rename(in_ / "a.txt", in_ / "renamed.txt");
  fs::create_directories(in_ / "other");
  fs::rename(in_ / "sub" / "b.md", in_ / "other" / "b.md");
  expect(run({}), 2, 0, 2, 2);
  EXPECT_EQ(ids_in(idx_), (std::set<std::string>{"in/renamed.txt", "in/other/b.md", "j1", "j2"}));
}

TEST_F(Incremental, TouchWithoutChangeIsUnchanged) {
  auto t = fs::last_write_time(in_ / "a.txt");
  fs::last_write_time(in_ / "a.txt", t + std::chrono::seconds(5));
  expect(run({}), 0, 0, 4, 0);
}

TEST_F(Incremental, IdRemovedFromJsonlIsRemoved) {
  write_file(in_ / "feed.jsonl", R"({"id":"j2","title":"ج٢","body":"نص ثان معدل","source":"الجزيره","date":"2015-07"})"
                                 "\n");
  expect(run({}), 0, 1, 2, 1);
  EXPECT_EQ(ids_in(idx_), (std::set<std::string>{"in/a.txt", "in/sub/b.md", "j2"}));
}

TEST_F(Incremental, NoDeleteKeepsVanishedFiles) {
  fs::remove(in_ / "a.txt");
  expect(run({"--no-delete"}), 0, 0, 3, 0);
  EXPECT_TRUE(ids_in(idx_).count("in/a.txt"));
  expect(run({}), 0, 0, 3, 1);
  EXPECT_FALSE(ids_in(idx_).count("in/a.txt"));
}

TEST_F(Incremental, SourceVariantsAreOneSource) {
  auto stats = json::parse(run_nsearch({"stats", "--index", idx_.string(), "--format", "json"}).out);
  ASSERT_EQ(stats["sources"].size(), 1u);
  EXPECT_EQ(stats["sources"][0]["count"], 2);
}

TEST_F(Incremental, RebuildSwapsInAFreshGeneration) {
  std::string before = read_file(idx_ / "XAPIANDB");
  expect(run({"--rebuild"}), 4, 0, 0, 0);
  std::string after = read_file(idx_ / "XAPIANDB");
  EXPECT_NE(before, after);
  EXPECT_FALSE(fs::exists(idx_ / "db-1"));
  EXPECT_EQ(ids_in(idx_), (std::set<std::string>{"in/a.txt", "in/sub/b.md", "j1", "j2"}));
}

// ---- Bad inputs: reported with path (and line), skipped, exit 3; the rest is indexed ----------
TEST(BadInput, EachProblemIsReportedAndTheRestIndexed) {
  TempDir tmp;
  auto in = tmp / "in";
  write_file(in / "good.txt", article("سليم", "نص سليم عن حفتر"));
  write_file(in / "latin1.txt", std::string("title \xE9t\xE9 caf\xE9\n"));
  write_file(in / "empty.txt", "");
  write_file(in / "binary.txt", std::string("\x7F"
                                            "ELF\0\0\x01\x02",
                                            8));
  write_file(in / "header-only.md", "---\ntitle: \nsource: x\n---\n");
  write_file(in / "bad-date.txt", article("تاريخ سيئ", "نص", "date: 31/12/2024\n"));
  std::string big = "---\ntitle: مقال كبير\n---\n";
  while (big.size() < 50u * 1024 * 1024) big += "وصل صدام حفتر إلى أنقرة في زيارة رسمية. ";
  write_file(in / "big.txt", big);
  write_file(in / "feed.jsonl", R"({"id":"ok1","title":"ع","body":"نص","source":"س","date":"2015-07-21"})"
                                "\n"
                                R"({"id":"trunc","title":"ع","body":"نص)"
                                "\n"
                                R"(["not","an","object"])"
                                "\n"
                                R"({"id":"ok1","title":"مكرر","body":"نص","source":"س","date":""})"
                                "\n"
                                R"({"id":"ok2","title":"ع","body":"نص","source":"س","date":"someday"})"
                                "\n");
  auto r = index(tmp / "idx", {in.string()});
  EXPECT_EQ(r.exit_code, 3) << r.err;
  for (const char* expected :
       {"latin1.txt: not valid UTF-8", "empty.txt: empty article", "binary.txt: binary data",
        "header-only.md: header but no body", "bad-date.txt: unparseable date", "feed.jsonl:2: malformed JSON",
        "feed.jsonl:3: not a JSON object", "feed.jsonl:4: duplicate id 'ok1' (first at line 1)",
        "feed.jsonl:5: unparseable date"}) {
    EXPECT_NE(r.err.find(expected), std::string::npos) << expected << "\n" << r.err;
  }
  EXPECT_EQ(ids_in(tmp / "idx"), (std::set<std::string>{"in/good.txt", "in/bad-date.txt", "in/big.txt", "ok1", "ok2"}));
  auto s = summary_of(r);
  EXPECT_EQ(s["skipped"], 7);
  auto big_hit = run_nsearch({"search", "--index", (tmp / "idx").string(), "title:كبير", "--format", "ids"});
  EXPECT_EQ(big_hit.out, "in/big.txt\n");
}

// Unreadable files: tests/hostile_input_test.cpp (it runs the indexer as nobody when root).

TEST(BadInput, JsonlFromStdin) {
  TempDir tmp;
  auto r = run_nsearch({"index", "--index", (tmp / "idx").string(), "-"},
                       R"({"id":"s1","title":"عنوان","body":"نص عن حفتر","source":"س","date":"2020"})"
                       "\n");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(ids_in(tmp / "idx"), (std::set<std::string>{"s1"}));
}

// ---- A run killed with SIGKILL is completed by the next one -------------------------------------
std::string synthetic_jsonl(int n) {
  // Real text: sentences of the seed articles, recombined per article.
  const std::vector<std::string> sentences = seed_sentences();
  std::string out;
  std::mt19937 rng(42);
  for (int i = 0; i < n; ++i) {
    std::string body;
    for (int k = 0; k < 12; ++k) body += sentences[rng() % sentences.size()] + ". ";
    std::string n = std::to_string(i);
    json record = {{"id", std::string("k").append(n)},
                   {"title", std::string("عنوان ").append(n)},
                   {"body", body},
                   {"source", std::string("مصدر ").append(std::to_string(i % 7))},
                   {"date", std::string("2024-01-0").append(std::to_string(1 + i % 9))}};
    out += record.dump();
    out += '\n';
  }
  return out;
}

// synthetic_jsonl(n) with k[gone_from, gone_to) left out and k0 under a new title.
std::string changed_jsonl(int n, int gone_from, int gone_to) {
  std::istringstream lines(synthetic_jsonl(n));
  std::string line, out;
  for (int i = 0; std::getline(lines, line); ++i) {
    if (i >= gone_from && i < gone_to) continue;
    if (i == 0) {
      json j = json::parse(line);
      j["title"] = "عنوان معدل";
      line = j.dump();
    }
    out += line + "\n";
  }
  return out;
}

TEST(CrashSafety, KilledRunsAreCompletedWithNothingLostOrDuplicated) {
  TempDir tmp;
  const int n = 3000;
  write_file(tmp / "in" / "feed.jsonl", synthetic_jsonl(n));
  std::set<std::string> expected;
  for (int i = 0; i < n; ++i) expected.insert(std::string("k").append(std::to_string(i)));
  std::mt19937 rng(7);
  // Databases sealed every ~800 articles, so kills also land while new ones are being added.
  std::vector<std::string> args = {"index",          "--index", (tmp / "idx").string(), "--batch-size", "150",
                                   "--segment-size", "400",     (tmp / "in").string()};
  for (int trial = 0; trial < 4; ++trial) {
    pid_t pid = spawn_nsearch(args);
    std::this_thread::sleep_for(std::chrono::milliseconds(100 + rng() % 900));
    kill(pid, SIGKILL);
    int status = 0;
    waitpid(pid, &status, 0);
    if (fs::exists(tmp / "idx" / "XAPIANDB")) {
      auto ids = ids_in(tmp / "idx");  // whatever was committed is whole and unique
      EXPECT_LE(ids.size(), expected.size());
    }
  }
  auto r = run_nsearch(args);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(ids_in(tmp / "idx"), expected);
  auto hit = run_nsearch({"search", "--index", (tmp / "idx").string(), "title:2999", "--format", "ids"});
  EXPECT_EQ(hit.out, "k2999\n");
}

// bench/scale reads the progress log for its decile figures: wall and CPU time must only grow,
// and the last line must come after the final commit, with every article counted.
TEST(ProgressLog, EveryLineHasTimesThatOnlyGrowAndTheLastCountsTheWholeRun) {
  TempDir tmp;
  const int n = 700;
  write_file(tmp / "in" / "feed.jsonl", synthetic_jsonl(n));
  auto r = index(tmp / "idx", {"--progress-log", (tmp / "progress.log").string(), (tmp / "in").string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::istringstream lines(read_file(tmp / "progress.log"));
  std::string line;
  double wall = 0, cpu = 0;
  unsigned long long articles = 0, bytes = 0, rows = 0;
  while (std::getline(lines, line)) {
    std::istringstream fields(line);
    double w = -1, c = -1;
    unsigned long long a = 0, b = 0;
    std::string extra;
    ASSERT_TRUE(fields >> w >> a >> b >> c) << line;
    EXPECT_FALSE(fields >> extra) << line;
    EXPECT_GE(w, wall) << line;
    EXPECT_GE(c, cpu) << line;
    EXPECT_GE(a, articles) << line;
    EXPECT_GE(b, bytes) << line;
    wall = w, cpu = c, articles = a, bytes = b;
    ++rows;
  }
  EXPECT_EQ(rows, n / 256 + 1u);  // every 256 articles, then once when complete
  EXPECT_EQ(articles, static_cast<unsigned long long>(n));
  EXPECT_EQ(bytes, fs::file_size(tmp / "in" / "feed.jsonl"));
  EXPECT_GT(cpu, 0.0);
}

// A run killed after committing a file's articles but before its manifest entry leaves
// articles that the next run must still prune when the file has lost some of them meanwhile.
TEST(CrashSafety, ArticlesCommittedWithoutTheirManifestEntryAreStillPruned) {
  TempDir tmp;
  fs::path feed = tmp / "in" / "feed.jsonl";
  write_file(feed, synthetic_jsonl(20));
  std::vector<std::string> args = {"index", "--index", (tmp / "idx").string(), "--shards", "2", (tmp / "in").string()};
  ASSERT_EQ(run_nsearch(args).exit_code, 0);
  {
    std::string stub = read_file(tmp / "idx" / "XAPIANDB");
    std::string shard0 = stub.substr(stub.find(' ') + 1, stub.find('\n') - stub.find(' ') - 1);
    Xapian::WritableDatabase meta((tmp / "idx" / shard0).string(), Xapian::DB_OPEN);
    std::string key = std::string(schema::kMetaFilePrefix) + fs::weakly_canonical(feed).string();
    ASSERT_FALSE(meta.get_metadata(key).empty()) << "no manifest entry under " << key;
    meta.set_metadata(key, "");
    meta.commit();
  }
  write_file(feed, synthetic_jsonl(10));
  ASSERT_EQ(run_nsearch(args).exit_code, 0);
  std::set<std::string> expected;
  for (int i = 0; i < 10; ++i) expected.insert(std::string("k").append(std::to_string(i)));
  EXPECT_EQ(ids_in(tmp / "idx"), expected);
}

TEST(CrashSafety, KilledRebuildLeavesTheOldIndexServing) {
  TempDir tmp;
  write_file(tmp / "in" / "feed.jsonl", synthetic_jsonl(2000));
  std::vector<std::string> args = {"index", "--index", (tmp / "idx").string(), (tmp / "in").string()};
  ASSERT_EQ(run_nsearch(args).exit_code, 0);
  std::string stub = read_file(tmp / "idx" / "XAPIANDB");
  pid_t pid = spawn_nsearch({"index", "--index", (tmp / "idx").string(), "--rebuild", "--batch-size", "100"});
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  kill(pid, SIGKILL);
  waitpid(pid, nullptr, 0);
  EXPECT_EQ(read_file(tmp / "idx" / "XAPIANDB"), stub);
  EXPECT_EQ(ids_in(tmp / "idx").size(), 2000u);
  auto again = run_nsearch({"index", "--index", (tmp / "idx").string(), "--rebuild"});
  EXPECT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(ids_in(tmp / "idx").size(), 2000u);
}

// ---- Sealed databases: a full database stops growing; updates and prunes still reach it --------
class Sealing : public ::testing::Test {
 protected:
  // 2 lanes, a database sealed once it holds 50 articles, a checkpoint every 20 articles.
  RunResult run(const std::string& feed_text) {
    write_file(in_ / "feed.jsonl", feed_text);
    return index(idx_, {"--shards", "2", "--segment-size", "50", "--batch-size", "20", in_.string()});
  }
  std::vector<fs::path> databases() { return databases_of(idx_); }
  // The database (index in the stub) holding the article with this id; -1 if none.
  int database_of(const std::string& id) {
    auto dbs = databases();
    for (std::size_t i = 0; i < dbs.size(); ++i) {
      if (Xapian::Database(dbs[i].string()).term_exists(std::string(schema::kId) + id)) return static_cast<int>(i);
    }
    return -1;
  }
  TempDir tmp_;
  fs::path in_ = tmp_ / "in";
  fs::path idx_ = tmp_ / "idx";
};

TEST_F(Sealing, FullDatabasesStopGrowingAndNewArticlesGoToFreshOnes) {
  auto r = run(synthetic_jsonl(300));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // Databases sealed at 50 to 69 articles (a checkpoint every 20), the first four of them merged
  // into one at the end of the run (indexer/database_merge.h), the last two open.
  auto dbs = databases();
  ASSERT_GE(dbs.size(), 4u) << read_file(idx_ / "XAPIANDB");
  std::vector<Xapian::doccount> sizes;
  for (const auto& db : dbs) sizes.push_back(Xapian::Database(db.string()).get_doccount());
  EXPECT_GE(sizes[0], 4 * 50u) << "four sealed databases merged into the first";
  for (std::size_t i = 1; i + 2 < sizes.size(); ++i) {
    EXPECT_GE(sizes[i], 50u) << "sealed before full: " << dbs[i];
    EXPECT_LT(sizes[i], 50u + 20u) << "grew on after it was full: " << dbs[i];
  }
  for (std::size_t i = sizes.size() - 2; i < sizes.size(); ++i) EXPECT_LT(sizes[i], 50u + 20u) << dbs[i];
  for (std::size_t i = 0; i + 2 < dbs.size(); ++i) {
    Xapian::Database db(dbs[i].string());
    EXPECT_EQ(db.get_metadata(std::string(schema::kMetaCompacted)), std::to_string(db.get_lastdocid()))
        << "a sealed database left uncompacted: " << dbs[i];
  }
  std::set<std::string> expected;
  for (int i = 0; i < 300; ++i) expected.insert(std::string("k").append(std::to_string(i)));
  EXPECT_EQ(ids_in(idx_), expected);
  EXPECT_EQ(database_of("k0"), 0) << "the first articles are in the first database";
  EXPECT_EQ(run_nsearch({"search", "--index", idx_.string(), "title:299", "--format", "ids"}).out, "k299\n");
  // A bare rebuild keeps the 2 shards (not one per database), now unsealed at the default size.
  ASSERT_EQ(index(idx_, {"--rebuild"}).exit_code, 0);
  EXPECT_EQ(databases().size(), 2u) << read_file(idx_ / "XAPIANDB");
  EXPECT_EQ(ids_in(idx_), expected);
}

TEST_F(Sealing, UpdatesAndRemovalsReachSealedDatabases) {
  ASSERT_EQ(run(synthetic_jsonl(300)).exit_code, 0);
  const int home = database_of("k0");
  const std::size_t before = databases().size();
  // k0 changed, k250-k299 gone, k300-k309 new.
  auto r = run(changed_jsonl(310, 250, 300));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto s = summary_of(r);
  EXPECT_EQ(s["added"], 10) << s;
  EXPECT_EQ(s["updated"], 1) << s;
  EXPECT_EQ(s["removed"], 50) << s;
  std::set<std::string> expected;
  for (int i = 0; i < 310; ++i)
    if (i < 250 || i >= 300) expected.insert(std::string("k").append(std::to_string(i)));
  EXPECT_EQ(ids_in(idx_), expected);  // also: every id once
  EXPECT_EQ(database_of("k0"), home) << "updated in place, not added to an open database";
  auto j = json::parse(run_nsearch({"show", "--index", idx_.string(), "k0", "--format", "json"}).out);
  EXPECT_EQ(j["title"], "عنوان معدل");
  EXPECT_GE(databases().size(), before);
}

// ---- Merged and compacted databases answer as the databases they replace --------------------------
class Merging : public Sealing {
 protected:
  // The same articles in one database per shard, never sealed.
  RunResult run_unsealed(const std::string& feed_text) {
    write_file(in_ / "feed.jsonl", feed_text);
    return index(one_, {"--shards", "1", in_.string()});
  }
  void expect_same_answers() {
    for (const std::string q : {"عنوان", "حفتر أنقرة", "\"خليفة حفتر\"", "title:عنوان"}) {
      for (const std::string dup : {"show", "collapse"}) {
        auto answer = [&](const fs::path& idx) {
          return run_nsearch({"search", "--index", idx.string(), "--duplicates", dup, "--facets", "source,month", "-n",
                              "30", "--format", "json", q});
        };
        auto merged = answer(idx_), one = answer(one_);
        EXPECT_EQ(merged.err, "") << q;
        EXPECT_EQ(merged.out, one.out) << q << " --duplicates " << dup;
      }
    }
  }
  fs::path one_ = tmp_ / "one";
};

TEST_F(Merging, AMergedIndexAnswersAsOneDatabaseBeforeAndAfterChanges) {
  ASSERT_EQ(run(synthetic_jsonl(300)).exit_code, 0);
  ASSERT_EQ(run_unsealed(synthetic_jsonl(300)).exit_code, 0);
  ASSERT_GE(Xapian::Database(databases().front().string()).get_doccount(), 200u) << "nothing was merged";
  expect_same_answers();
  // Removals from the merged database (k10-k19), an update there (k0), new articles. Every
  // article holds the title word عنوان: counting it in a database with removed articles is
  // what Xapian 1.4.22 reads as corrupt when no weight is computed (weighting.h).
  const std::string changed = changed_jsonl(320, 10, 20);
  auto r = run(changed);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(summary_of(r)["removed"], 10);
  ASSERT_EQ(run_unsealed(changed).exit_code, 0);
  EXPECT_EQ(ids_in(idx_), ids_in(one_));
  expect_same_answers();
}

TEST_F(Merging, WhatAKilledMergeLeftBehindIsRemoved) {
  ASSERT_EQ(run(synthetic_jsonl(120)).exit_code, 0);
  const fs::path generation = databases().front().parent_path();
  // A merge killed before its stub was written leaves its output; one killed after, its sources.
  fs::copy(databases().front(), generation / "900", fs::copy_options::recursive);
  fs::create_directories(generation / "901");
  write_file(generation / "901" / "postlist.glass", "half written");
  auto r = run(synthetic_jsonl(121));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_FALSE(fs::exists(generation / "900"));
  EXPECT_FALSE(fs::exists(generation / "901"));
  std::set<std::string> expected;
  for (int i = 0; i < 121; ++i) expected.insert(std::string("k").append(std::to_string(i)));
  EXPECT_EQ(ids_in(idx_), expected);
}

// Killed anywhere in runs whose ends merge databases (timed against an uninterrupted run of the
// same articles), the index stays whole and searchable, and the next run completes it.
TEST_F(Merging, KilledWhileMergingTheIndexStaysWholeAndSearchable) {
  const int n = 600;
  write_file(in_ / "feed.jsonl", synthetic_jsonl(n));
  const std::vector<std::string> args = {"index",          "--index", idx_.string(),  "--shards", "2",
                                         "--segment-size", "40",      "--batch-size", "20",       in_.string()};
  auto start = std::chrono::steady_clock::now();
  ASSERT_EQ(index(one_, {"--shards", "2", "--segment-size", "40", "--batch-size", "20", in_.string()}).exit_code, 0);
  const auto whole_run =
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
  std::set<std::string> expected;
  for (int i = 0; i < n; ++i) expected.insert(std::string("k").append(std::to_string(i)));
  std::mt19937 rng(11);
  for (int trial = 0; trial < 6; ++trial) {
    // The second half of a run, where the merges are, and a little after.
    const auto at = whole_run / 2 + std::chrono::milliseconds(rng() % (whole_run.count() * 3 / 5 + 1));
    pid_t pid = spawn_nsearch(args);
    std::this_thread::sleep_for(at);
    kill(pid, SIGKILL);
    waitpid(pid, nullptr, 0);
    if (!fs::exists(idx_ / "XAPIANDB")) continue;
    auto ids = ids_in(idx_);  // whole and unique
    EXPECT_LE(ids.size(), expected.size());
    auto found = run_nsearch({"search", "--index", idx_.string(), "--duplicates", "show", "--format", "json", "عنوان"});
    EXPECT_EQ(found.err, "") << "trial " << trial;
  }
  auto r = run_nsearch(args);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(ids_in(idx_), expected);
  for (const auto& entry : fs::directory_iterator(databases().front().parent_path())) {
    const auto dbs = databases();
    EXPECT_NE(std::find(dbs.begin(), dbs.end(), entry.path()), dbs.end()) << "left behind: " << entry.path();
  }
}

// ---- Lock, versions, missing index ----------------------------------------------------------------
TEST(Lock, SecondWriterFailsAtOnceWithItsOwnExitCode) {
  TempDir tmp;
  write_file(tmp / "in" / "a.txt", article("أ", "نص"));
  ASSERT_EQ(index(tmp / "idx", {(tmp / "in").string()}).exit_code, 0);
  int fd = ::open((tmp / "idx" / ".lock").c_str(), O_RDWR);
  ASSERT_EQ(flock(fd, LOCK_EX), 0);
  auto start = std::chrono::steady_clock::now();
  auto r = run_nsearch({"index", "--index", (tmp / "idx").string()});
  EXPECT_EQ(r.exit_code, 6);
  EXPECT_NE(r.err.find("locked by another writer"), std::string::npos) << r.err;
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
  // Searching is unaffected by the writer's lock.
  EXPECT_EQ(run_nsearch({"search", "--index", (tmp / "idx").string(), "نص", "--format", "ids"}).exit_code, 0);
  ::close(fd);
}

// The version before this one (the layout before its last change) is refused, with the hint.
TEST(Versions, IndexFromAnotherSchemaIsRefused) {
  TempDir tmp;
  write_file(tmp / "in" / "a.txt", article("أ", "نص"));
  ASSERT_EQ(index(tmp / "idx", {(tmp / "in").string()}).exit_code, 0);
  {
    Xapian::WritableDatabase db((tmp / "idx").string(), Xapian::DB_OPEN);
    db.set_metadata(std::string(schema::kMetaSchemaVersion), std::to_string(schema::kSchemaVersion - 1));
    db.commit();
  }
  auto r = run_nsearch({"search", "--index", (tmp / "idx").string(), "نص"});
  EXPECT_EQ(r.exit_code, 5);
  EXPECT_NE(r.err.find("nsearch index --rebuild"), std::string::npos) << r.err;
  auto w = run_nsearch({"index", "--index", (tmp / "idx").string()});
  EXPECT_EQ(w.exit_code, 5);
  EXPECT_EQ(run_nsearch({"index", "--index", (tmp / "idx").string(), "--rebuild"}).exit_code, 0);
  EXPECT_EQ(run_nsearch({"search", "--index", (tmp / "idx").string(), "نص", "--format", "ids"}).out, "in/a.txt\n");
}

TEST(Versions, MissingIndexHasItsOwnExitCode) {
  TempDir tmp;
  auto r = run_nsearch({"search", "--index", (tmp / "nothing").string(), "نص"});
  EXPECT_EQ(r.exit_code, 4);
  EXPECT_NE(r.err.find("nsearch index PATH"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace nsearch::test
