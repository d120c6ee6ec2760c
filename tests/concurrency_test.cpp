// Searching while indexing, through the real binary: several `nsearch search` processes (and
// one long --batch that keeps its database open) query continuously while `nsearch index`
// rewrites every article twice, committing every 150 articles. Every search must succeed with
// whole, consistent articles or fail with the documented transient message; none may crash.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <mutex>
#include <set>
#include <thread>

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include "tests/test_support.h"

namespace nsearch::test {
namespace {

using nlohmann::json;

// Every article carries its version in the title and at the end of the body ("v1" … "v3"):
// an article mixing two versions would be a partially written one.
std::string corpus(int version, int articles) {
  const std::vector<std::string> sentences = seed_sentences();
  std::string out;
  for (int i = 0; i < articles; ++i) {
    const std::string& a = sentences[i % sentences.size()];
    const std::string& b = sentences[(i * 7 + 3) % sentences.size()];
    json j = {{"id", fmt::format("c{}", i)},
              {"title", fmt::format("خبر رقم {} v{}", i, version)},
              {"body", fmt::format("{}. {}. طرابلس v{}", a, b, version)},
              {"source", i % 2 ? "الجزيرة" : "المشهد"},
              {"date", fmt::format("20{:02d}-0{}", 10 + i % 15, 1 + i % 9)}};
    out += j.dump() + "\n";
  }
  return out;
}

std::string version_of(const std::string& text) {
  std::size_t v = text.rfind(" v");
  return v == std::string::npos ? "" : text.substr(v + 1);
}

// Checks one JSON result; returns "" when it is consistent, else what is wrong.
std::string check_result(const json& r) {
  // The total and the hits come from the same revision: a page with room for every match
  // holds every match.
  std::size_t total = r["total"], limit = r["limit"];
  if (total <= limit && r["hits"].size() != total) {
    return fmt::format("{} hits for a total of {} (limit {})", r["hits"].size(), total, limit);
  }
  std::set<std::string> ids;
  for (const auto& h : r["hits"]) {
    std::string id = h["id"];
    if (!ids.insert(id).second) return "duplicate hit " + id;
    std::string tv = version_of(h["title"]), bv = version_of(h["snippet"]);
    if (tv.empty() || tv != bv) return "hit " + id + " mixes versions: title " + tv + ", body " + bv;
  }
  return "";
}

TEST(Concurrency, SearchesDuringIndexingSeeWholeArticlesOrATransientError) {
  constexpr int kArticles = 1500;
  TempDir t;
  std::string index = (t / "idx").string();
  write_file(t / "in" / "news.jsonl", corpus(1, kArticles));
  // Sealed every 300 articles: the updates below are written into sealed databases too.
  ASSERT_EQ(
      run_nsearch({"index", "--index", index, "--batch-size", "150", "--segment-size", "300", (t / "in").string()})
          .exit_code,
      0);

  std::atomic<bool> indexing{true};
  std::atomic<int> searches{0}, transient{0};
  std::vector<std::string> failures;
  std::mutex failures_mutex;
  auto fail = [&](const std::string& what) {
    std::lock_guard lock(failures_mutex);
    failures.push_back(what);
  };

  std::thread writer([&] {
    for (int version = 2; version <= 3; ++version) {
      write_file(t / "in" / "news.jsonl", corpus(version, kArticles));
      auto r = run_nsearch({"index", "--index", index, "--batch-size", "150"});
      if (r.exit_code != 0)
        fail("index run " + std::to_string(version) + " exited " + std::to_string(r.exit_code) + ": " + r.err);
    }
    indexing = false;
  });

  std::vector<std::thread> readers;
  for (int k = 0; k < 3; ++k) {
    readers.emplace_back([&, k] {
      // Snippets as long as the body: the whole body is compared with the title. A version's
      // articles change in number with every commit: all of them fit on the page.
      const std::vector<std::string> page = {"--limit", "40", "--snippet-length", "5000"};
      const std::vector<std::string> every = {"--limit", "2000", "--snippet-length", "5000"};
      const std::vector<std::vector<std::string>> queries = {{"طرابلس"},      {"خبر رقم"},
                                                             {"\"خبر رقم\""}, {"طرابلس", "--facets", "source,year"},
                                                             {"v2"},          {"v3", "--facets", "source"}};
      for (int n = 0; indexing || n < 2; ++n) {
        const auto& q = queries[(n + k) % queries.size()];
        std::vector<std::string> args = {"search", "--index", index, "--format", "json", "--duplicates", "show"};
        const auto& sizes = q.front().front() == 'v' ? every : page;
        args.insert(args.end(), sizes.begin(), sizes.end());
        args.insert(args.end(), q.begin(), q.end());
        auto r = run_nsearch(args);
        ++searches;
        if (r.exit_code == 7 && r.err.find("the index changed while being read") != std::string::npos) {
          ++transient;
          continue;
        }
        // 1: no matches, as for v3 before the first commit of version 3.
        if (r.exit_code != 0 && r.exit_code != 1) {
          fail("search exited " + std::to_string(r.exit_code) + ": " + r.err);
          continue;
        }
        std::string problem = check_result(json::parse(r.out, nullptr, false));
        if (!problem.empty()) fail(problem);
      }
    });
  }
  // One process that keeps the database open across many queries: it must reopen, not fail.
  std::string batch;
  for (int i = 0; i < 400; ++i) batch += fmt::format("b{}\tطرابلس خبر\n", i);
  write_file(t / "batch.tsv", batch);
  auto long_reader = run_nsearch(
      {"search", "--index", index, "--format", "jsonl", "--limit", "20", "--batch", (t / "batch.tsv").string()});

  writer.join();
  for (auto& r : readers) r.join();
  EXPECT_EQ(long_reader.exit_code, 0) << long_reader.err;
  int lines = 0;
  for (std::size_t p = 0, q; (q = long_reader.out.find('\n', p)) != std::string::npos; p = q + 1, ++lines) {
    json r = json::parse(long_reader.out.substr(p, q - p), nullptr, false);
    ASSERT_FALSE(r.is_discarded()) << "line " << lines;
  }
  EXPECT_GT(lines, 0);
  for (const auto& f : failures) ADD_FAILURE() << f;
  EXPECT_GT(searches.load(), 10);
  std::printf("searches during indexing: %d, transient failures: %d\n", searches.load(), transient.load());

  // After the last run: every article at version 3, each exactly once.
  auto all =
      run_nsearch({"search", "--index", index, "--format", "ids", "--limit", "5000", "--duplicates", "show", "v3"});
  EXPECT_EQ(std::count(all.out.begin(), all.out.end(), '\n'), kArticles);
  auto old = run_nsearch({"search", "--index", index, "--format", "ids", "v2 OR v1"});
  EXPECT_EQ(old.exit_code, 1) << old.out;
}

}  // namespace
}  // namespace nsearch::test
