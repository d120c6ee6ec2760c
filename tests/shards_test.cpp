// Sharded indexes through the real binary: a sharded index, and one searched partly through
// xapian-tcpsrv, give the same answers as a single index of the same articles.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <thread>

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include "tests/test_support.h"

namespace nsearch::test {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// Real text: the seed articles' sentences, regrouped into many short articles with a spread
// of sources (two spellings of one), dates (some undated) and authors (some none).
std::string sentence_articles() {
  const std::vector<std::string> sentences = seed_sentences();
  const std::vector<std::string> sources = {"الجزيرة", "الجزيره", "وكالة الأناضول", "المشهد", ""};
  const std::vector<std::string> dates = {"2019-05", "2020-12-27", "2024", "2024-10-23", "", "2025-08-25T10:00:00Z"};
  const std::vector<std::string> authors = {"طرابلس - محمد الغامدي", "", "محمد الغامدي", "وكالات"};
  std::string out;
  for (std::size_t i = 0; i + 2 < sentences.size(); i += 2) {
    json a = {{"id", fmt::format("s{}", i)},
              {"title", sentences[i]},
              {"body", sentences[i + 1] + ". " + sentences[i + 2]},
              {"source", sources[i % sources.size()]},
              {"date", dates[i % dates.size()]},
              {"author", authors[(i / 2) % authors.size()]}};
    out += a.dump() + "\n";
  }
  return out;
}

const std::vector<std::vector<std::string>> kQueries = {
    {"حفتر"},
    {"صدام حفتر أنقرة"},
    {"جولر"},  // the seeds write غولر: another spelling of a name, found on every layout
    {"\"وزير الدفاع\""},
    {"تركيا OR ليبيا"},
    {"حفتر NOT أنقرة"},
    {"=الليبية"},
    {"title:حفتر"},
    {"طرابلس", "--facets", "source,year,month"},
    {"ليبيا", "--source", "الجزيرة", "--since", "2020"},
    {"ليبيا", "--sort", "newest"},
    {"طرابلس", "--sort", "newest", "--facets", "source,month"},
    {"ليبيا", "--sort", "oldest", "--limit", "30"},
    {"الحكومة الليبية", "--limit", "50", "--offset", "3"},
    {"ليبيا author:الغامدي", "--facets", "author,source"},
    {"طرابلس", "--facets", "author", "--limit", "30"},
};

// Hits as (id, score) with score ties put in id order, since shards number documents
// differently and Xapian breaks ties by document number.
std::vector<std::pair<std::string, std::string>> normalized_hits(const json& r) {
  std::vector<std::pair<double, std::string>> hits;
  for (const auto& h : r["hits"]) hits.emplace_back(h["score"].get<double>(), h["id"].get<std::string>());
  std::stable_sort(hits.begin(), hits.end(), [](const auto& a, const auto& b) {
    if (std::abs(a.first - b.first) > 1e-9) return false;  // keep the engine's order across scores
    return a.second < b.second;
  });
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& [score, id] : hits) out.emplace_back(id, std::to_string(score).substr(0, 8));
  return out;
}

// When a page ends inside a group of equal scores, which members made the page depends on
// document numbers: drop that group (the hits before it must still agree).
json without_tie_at_cut(json r) {
  auto& hits = r["hits"];
  bool page_full = r["total"].get<std::size_t>() > r["offset"].get<std::size_t>() + hits.size();
  if (!page_full || hits.empty()) return r;
  double last = hits.back()["score"].get<double>();
  json kept = json::array();
  for (const auto& h : hits) {
    if (std::abs(h["score"].get<double>() - last) > 1e-9) kept.push_back(h);
  }
  hits = kept;
  return r;
}

json search_json(const std::vector<std::string>& index_args, const std::vector<std::string>& query) {
  std::vector<std::string> args = {"search", "--format", "json"};
  if (std::find(query.begin(), query.end(), "--limit") == query.end()) args.insert(args.end(), {"--limit", "20"});
  args.insert(args.end(), index_args.begin(), index_args.end());
  args.insert(args.end(), query.begin(), query.end());
  auto r = run_nsearch(args);
  EXPECT_TRUE(r.exit_code == 0 || r.exit_code == 1) << r.err;
  return json::parse(r.out);
}

void expect_same_answers(const std::vector<std::string>& single, const std::vector<std::string>& sharded) {
  for (const auto& q : kQueries) {
    json a = search_json(single, q), b = search_json(sharded, q);
    SCOPED_TRACE(q.front());
    // Totals are Xapian's estimates unless exact; an estimate depends on how the match ran.
    if (!a["total_is_estimate"] && !b["total_is_estimate"]) {
      EXPECT_EQ(a["total"], b["total"]);
    }
    EXPECT_EQ(normalized_hits(without_tie_at_cut(a)), normalized_hits(without_tie_at_cut(b)));
    EXPECT_EQ(a["facets"], b["facets"]);
    std::map<std::string, json> snippets;
    for (const auto& h : a["hits"]) snippets[h["id"]] = h["snippet"];
    for (const auto& h : b["hits"]) {
      if (snippets.count(h["id"])) {
        EXPECT_EQ(snippets[h["id"]], h["snippet"]) << h["id"];
      }
    }
  }
}

class Shards : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    tmp_ = new TempDir();
    write_file(*tmp_ / "in" / "sentences.jsonl", sentence_articles());
    fs::copy(source_dir() / "corpus", *tmp_ / "in" / "corpus");
    for (const auto& [dir, shards] : {std::pair{"single", "1"}, {"sharded", "3"}}) {
      auto r = run_nsearch({"index", "--index", (*tmp_ / dir).string(), "--shards", shards, (*tmp_ / "in").string()});
      ASSERT_EQ(r.exit_code, 0) << r.err;
    }
  }
  static void TearDownTestSuite() { delete tmp_; }
  static std::string idx(const std::string& name) { return (*tmp_ / name).string(); }
  static inline TempDir* tmp_ = nullptr;
};

TEST_F(Shards, StubListsEveryShardAndStatsCountsThem) {
  std::string stub = read_file(*tmp_ / "sharded" / "XAPIANDB");
  EXPECT_EQ(std::count(stub.begin(), stub.end(), '\n'), 3) << stub;
  auto single = json::parse(run_nsearch({"stats", "--format", "json", "--index", idx("single")}).out);
  auto sharded = json::parse(run_nsearch({"stats", "--format", "json", "--index", idx("sharded")}).out);
  EXPECT_EQ(sharded["shards"], 3);
  EXPECT_EQ(sharded["databases"], 3);
  EXPECT_GT(single["documents"].get<int>(), 20);
  EXPECT_EQ(single["documents"], sharded["documents"]);
  EXPECT_EQ(single["sources"], sharded["sources"]);
}

TEST_F(Shards, SameAnswersAsTheSingleIndex) {
  expect_same_answers({"--index", idx("single")}, {"--index", idx("sharded")});
}

TEST_F(Shards, ShowAndSpellingWorkAcrossShards) {
  auto a = run_nsearch({"show", "--index", idx("sharded"), "--format", "json", "s10"});
  ASSERT_EQ(a.exit_code, 0) << a.err;
  EXPECT_EQ(json::parse(a.out)["id"], "s10");
  auto r = run_nsearch({"search", "--index", idx("sharded"), "--format", "json", "حفنر"});
  EXPECT_EQ(json::parse(r.out)["suggestion"], "حفتر") << r.out;
}

TEST_F(Shards, SeveralIndexOptionsSearchAsOne) {
  // The two halves of an index, given as two --index options, answer like the whole.
  TempDir t;
  write_file(t / "a" / "corpus.jsonl", sentence_articles());
  fs::create_directories(t / "b");
  fs::copy(source_dir() / "corpus", t / "b" / "corpus");
  ASSERT_EQ(run_nsearch({"index", "--index", (t / "ia").string(), (t / "a").string()}).exit_code, 0);
  ASSERT_EQ(run_nsearch({"index", "--index", (t / "ib").string(), (t / "b").string()}).exit_code, 0);
  json one = search_json({"--index", idx("single")}, {"حفتر"});
  json two = search_json({"--index", (t / "ia").string(), "--index", (t / "ib").string()}, {"حفتر"});
  EXPECT_EQ(normalized_hits(without_tie_at_cut(one)), normalized_hits(without_tie_at_cut(two)));
}

TEST(ShardsIncremental, UpdatesAndDeletesReachTheRightShard) {
  TempDir t;
  for (int i = 0; i < 12; ++i) {
    write_file(t / "in" / fmt::format("a{}.txt", i),
               fmt::format("---\ntitle: خبر {0}\n---\nنص الخبر عن طرابلس رقم {0}\n", i));
  }
  std::string index = (t / "idx").string();
  auto first = run_nsearch({"index", "--index", index, "--shards", "4", "--format", "json", (t / "in").string()});
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_EQ(json::parse(first.out)["added"], 12);

  write_file(t / "in" / "a3.txt", "---\ntitle: خبر معدل\n---\nنص جديد عن بنغازي\n");
  fs::remove(t / "in" / "a7.txt");
  auto again = run_nsearch({"index", "--index", index, "--format", "json"});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  json c = json::parse(again.out);
  EXPECT_EQ(c["updated"], 1);
  EXPECT_EQ(c["removed"], 1);
  EXPECT_EQ(c["unchanged"], 10);
  auto ids = run_nsearch({"search", "--index", index, "طرابلس", "--format", "ids", "--limit", "50"}).out;
  EXPECT_EQ(std::count(ids.begin(), ids.end(), '\n'), 10) << ids;
  EXPECT_EQ(run_nsearch({"search", "--index", index, "بنغازي", "--format", "ids"}).out, "in/a3.txt\n");
  EXPECT_EQ(json::parse(run_nsearch({"stats", "--format", "json", "--index", index}).out)["documents"], 11);
}

TEST(ShardsIncremental, ShardCountChangesOnlyWithRebuild) {
  TempDir t;
  std::string index = (t / "idx").string();
  ASSERT_EQ(run_nsearch({"index", "--index", index, "--shards", "1", (source_dir() / "corpus").string()}).exit_code, 0);
  auto refused = run_nsearch({"index", "--index", index, "--shards", "3"});
  EXPECT_EQ(refused.exit_code, 2);
  EXPECT_NE(refused.err.find("--rebuild --shards 3"), std::string::npos) << refused.err;
  auto rebuilt = run_nsearch({"index", "--index", index, "--rebuild", "--shards", "3"});
  ASSERT_EQ(rebuilt.exit_code, 0) << rebuilt.err;
  json s = json::parse(run_nsearch({"stats", "--format", "json", "--index", index}).out);
  EXPECT_EQ(s["shards"], 3);
  EXPECT_EQ(s["documents"], 5);
}

// ---- Remote shards through xapian-tcpsrv --------------------------------------------------

int free_port() {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  socklen_t len = sizeof addr;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  ::close(fd);
  return ntohs(addr.sin_port);
}

bool port_open(int port) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  bool ok = ::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
  ::close(fd);
  return ok;
}

class ShardServer {
 public:
  ShardServer(const fs::path& db, int port) : port_(port) {
    pid_ = fork();
    if (pid_ == 0) {
      ::setpgid(0, 0);  // on SIGTERM the server signals its whole process group
      std::string p = std::to_string(port);
      execlp("xapian-tcpsrv", "xapian-tcpsrv", "--quiet", "--interface", "127.0.0.1", "--port", p.c_str(), db.c_str(),
             static_cast<char*>(nullptr));
      _exit(127);
    }
    for (int i = 0; i < 100 && !port_open(port_); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  ~ShardServer() { stop(); }
  void stop() {
    if (pid_ <= 0) return;
    ::kill(pid_, SIGTERM);
    ::waitpid(pid_, nullptr, 0);
    pid_ = -1;
  }
  bool up() const { return port_open(port_); }

 private:
  int port_;
  pid_t pid_ = -1;
};

TEST_F(Shards, LocalPlusRemoteShardAnswersLikeTheSingleIndex) {
  if (std::system("command -v xapian-tcpsrv >/dev/null 2>&1") != 0) {
    GTEST_SKIP() << "SKIPPED LOUDLY: xapian-tcpsrv (Debian package xapian-tools) is not installed";
  }
  TempDir t;
  std::string two = (t / "two").string();
  ASSERT_EQ(run_nsearch({"index", "--index", two, "--shards", "2", (*tmp_ / "in").string()}).exit_code, 0);
  int port = free_port();
  const auto shards = databases_of(t / "two");
  ASSERT_EQ(shards.size(), 2u);
  ShardServer server(shards[1], port);
  ASSERT_TRUE(server.up()) << "xapian-tcpsrv did not start on port " << port;
  fs::path stub = t / "mixed.stub";
  write_file(stub, "glass " + shards[0].string() + "\nremote 127.0.0.1:" + std::to_string(port) + "\n");

  expect_same_answers({"--index", idx("single")}, {"--index", stub.string()});
  auto a = run_nsearch({"show", "--index", stub.string(), "--format", "json", "s10"});
  EXPECT_EQ(a.exit_code, 0) << a.err;

  // Corrections come from term frequencies, which a remote shard answers too.
  auto spelled = run_nsearch({"search", "--index", stub.string(), "--format", "json", "حفنر"});
  EXPECT_EQ(json::parse(spelled.out)["suggestion"], "حفتر") << spelled.out;
  EXPECT_EQ(spelled.err, "") << spelled.err;

  server.stop();
  auto down = run_nsearch({"search", "--index", stub.string(), "حفتر"});
  EXPECT_EQ(down.exit_code, 7);
  EXPECT_NE(down.err.find("127.0.0.1:" + std::to_string(port)), std::string::npos) << down.err;
  EXPECT_NE(down.err.find("--allow-partial"), std::string::npos) << down.err;
  EXPECT_EQ(down.err.find('\n'), down.err.size() - 1) << "one line: " << down.err;

  auto partial = run_nsearch({"search", "--index", stub.string(), "--allow-partial", "--format", "json", "حفتر"});
  EXPECT_EQ(partial.exit_code, 0) << partial.err;
  json p = json::parse(partial.out);
  EXPECT_EQ(p["partial"], true);
  EXPECT_GT(p["total"].get<int>(), 0);
  EXPECT_LT(p["total"], search_json({"--index", idx("single")}, {"حفتر"})["total"]);
}

}  // namespace
}  // namespace nsearch::test
