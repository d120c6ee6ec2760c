// The author field (one entry of common/fields.h) through the real binary, on an index of JSON
// Lines articles and front-matter .txt files with authors: `author:` filters by the author's
// words, and the author facet counts by the normalized author, shown as first written, in text
// and JSON.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include "tests/test_support.h"

namespace nsearch::test {
namespace {

using nlohmann::json;

// Bylines as SaudiNewsNet gives them: a dateline and a name, an agency, a name alone, none.
struct Byline {
  std::string written;
  std::string normalized;  // as the author facet shows it: the analyzer's words
};
const std::vector<Byline> kBylines = {
    {"أبها - عبدالله الهاجري:", "ابها عبدالله الهاجري"}, {"محمد الغامدي", "محمد الغامدي"}, {"", ""},
    {"جدة - محمد الغامدي", "جده محمد الغامدي"},          {"الرياض - واس", "الرياض واس"},
};

class Author : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    tmp_ = new TempDir();
    const std::vector<std::string> sentences = seed_sentences();
    std::string jsonl;
    for (std::size_t i = 0; i + 1 < sentences.size(); i += 2) {
      const Byline& b = kBylines[(i / 2) % kBylines.size()];
      std::string id = fmt::format("n{}", i);
      jsonl += json{{"id", id},          {"title", sentences[i]}, {"body", sentences[i + 1]},
                    {"source", "الوطن"}, {"date", "2015-07-21"},  {"author", b.written}}
                   .dump() +
               "\n";
      expected_[b.normalized].insert(id);
    }
    // Front matter, as a newsroom's folder of articles has it.
    write_file(*tmp_ / "in" / "txt" / "a.txt", "---\ntitle: " + sentences[0] +
                                                   "\nsource: الوطن\ndate: 2015-07-22\nauthor: محمد الغامدي\n---\n" +
                                                   sentences[3] + "\n");
    expected_["محمد الغامدي"].insert("txt/a.txt");
    write_file(*tmp_ / "in" / "news.jsonl", jsonl);
    auto r = run_nsearch(
        {"index", "--index", index(), (*tmp_ / "in" / "news.jsonl").string(), (*tmp_ / "in" / "txt").string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  static void TearDownTestSuite() { delete tmp_; }

  static std::string index() { return (*tmp_ / "idx").string(); }
  // Every article that matches (no story collapsed), or the first `limit`.
  static RunResult search(std::vector<std::string> args, const std::string& limit = "1000") {
    args.insert(args.begin(), {"search", "--index", index(), "--duplicates", "show", "--limit", limit});
    return run_nsearch(args);
  }
  static std::set<std::string> ids(const std::vector<std::string>& args) {
    std::vector<std::string> all = args;
    all.insert(all.end(), {"--format", "ids"});
    auto r = search(all);
    EXPECT_TRUE(r.exit_code == 0 || r.exit_code == 1) << r.err;
    std::set<std::string> out;
    std::size_t start = 0;
    for (std::size_t nl; (nl = r.out.find('\n', start)) != std::string::npos; start = nl + 1)
      out.insert(r.out.substr(start, nl - start));
    return out;
  }
  // The articles whose author has every one of these normalized words.
  static std::set<std::string> by_words(const std::vector<std::string>& words) {
    std::set<std::string> out;
    for (const auto& [author, articles] : expected_) {
      bool all = !author.empty();
      for (const auto& w : words) all &= (" " + author + " ").find(" " + w + " ") != std::string::npos;
      if (all) out.insert(articles.begin(), articles.end());
    }
    return out;
  }

  static inline TempDir* tmp_ = nullptr;
  static inline std::map<std::string, std::set<std::string>> expected_;  // normalized author -> ids
  static std::string written(const std::string& normalized) {
    for (const auto& b : kBylines) {
      if (b.normalized == normalized) return b.written;
    }
    return normalized;
  }
};

TEST_F(Author, AWordOfTheAuthorFindsEveryArticleWithIt) {
  std::set<std::string> found = ids({"author:الغامدي"});
  EXPECT_EQ(found, by_words({"الغامدي"}));
  EXPECT_TRUE(found.count("txt/a.txt")) << "the front matter's author";
  EXPECT_EQ(ids({"author:واس"}), by_words({"واس"}));
}

TEST_F(Author, AQuotedAuthorNeedsEveryWordNormalized) {
  EXPECT_EQ(ids({"author:\"عبدالله الهاجري\""}), by_words({"عبدالله", "الهاجري"}));
  EXPECT_EQ(ids({"author:\"جدة محمد الغامدي\""}), by_words({"جده", "محمد", "الغامدي"}));  // ة as ه
  EXPECT_FALSE(by_words({"عبدالله", "الهاجري"}).empty());
  auto none = search({"author:\"محمد الهاجري\""});
  EXPECT_EQ(none.exit_code, 1) << none.out;
}

TEST_F(Author, FiltersWordsAndIsNotRanked) {
  auto r = search({"--format", "json", "author:الغامدي OR author:واس"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  json all = json::parse(r.out);
  EXPECT_EQ(all["total"], by_words({"الغامدي"}).size() + by_words({"واس"}).size());
  for (const auto& h : all["hits"]) EXPECT_EQ(h["score"], 0.0) << "a filter alone weighs nothing";
  json words = json::parse(search({"--format", "json", "ليبيا"}).out);
  json filtered = json::parse(search({"--format", "json", "ليبيا author:الغامدي"}).out);
  ASSERT_GT(filtered["total"].get<int>(), 0);
  EXPECT_LT(filtered["total"], words["total"]);
  std::set<std::string> by_him = by_words({"الغامدي"});
  for (const auto& h : filtered["hits"]) {
    EXPECT_TRUE(by_him.count(h["id"])) << h["id"];
    EXPECT_GT(h["score"].get<double>(), 0.0) << "the words still rank";
  }
}

TEST_F(Author, FacetCountsArticlesByNormalizedAuthorShownAsWritten) {
  auto r = search({"--format", "json", "--since", "2015", "--facets", "author"}, "0");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::map<std::string, std::size_t> counted;
  const json result = json::parse(r.out);
  for (const auto& v : result["facets"]["author"]) counted[v["value"]] = v["count"];
  std::map<std::string, std::size_t> expected;
  for (const auto& [author, articles] : expected_) {
    if (!author.empty()) expected[written(author)] = articles.size();
  }
  EXPECT_EQ(counted, expected);
  // A facet value, given back to author:, finds the articles it counted (and any author with
  // more words besides: محمد الغامدي is in جده محمد الغامدي).
  EXPECT_EQ(ids({"author:\"أبها - عبدالله الهاجري:\""}), expected_["ابها عبدالله الهاجري"]);
  EXPECT_EQ(ids({"author:\"محمد الغامدي\""}).size(),
            expected_["محمد الغامدي"].size() + expected_["جده محمد الغامدي"].size());
}

TEST_F(Author, FacetInTextAndBesideOtherFacets) {
  auto r = search({"--since", "2015", "--facets", "source,author", "--no-pager"}, "0");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("author:"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find(fmt::format("الرياض - واس ({})", expected_["الرياض واس"].size())), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("source:"), std::string::npos) << r.out;
  auto bad = search({"x", "--facets", "writer"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("use source, year, month or author"), std::string::npos) << bad.err;
}

TEST_F(Author, ShowGivesTheAuthorAsWritten) {
  auto r = run_nsearch({"show", "--index", index(), "--format", "json", "txt/a.txt"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(json::parse(r.out)["author"], "محمد الغامدي");
}

}  // namespace
}  // namespace nsearch::test
