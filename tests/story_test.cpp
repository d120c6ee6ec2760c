// Stories through the real binary: copies of one article in several outlets collapse into one
// hit that names the first publisher, whatever the shard count, the input order or what was
// removed; `--duplicates show` and `show --story` list every member.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include "tests/test_support.h"

namespace nsearch::test {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

struct Piece {
  std::string id, source, date, title, body;
};

std::string jsonl(const std::vector<Piece>& pieces) {
  std::string out;
  for (const auto& p : pieces) {
    out +=
        json{{"id", p.id}, {"source", p.source}, {"date", p.date}, {"title", p.title}, {"body", p.body}}.dump() + "\n";
  }
  return out;
}

// Real sentences: a story's body is six of them, so different stories share no shingle.
std::string body_from(std::size_t first, std::size_t count = 6) {
  const std::vector<std::string> s = seed_sentences();
  std::string body;
  for (std::size_t i = first; i < first + count; ++i) body += s[i % s.size()] + ". ";
  return body;
}

// One wire story in three outlets (one copy with a sentence added), and unrelated articles.
std::vector<Piece> wire_story() {
  const std::string body = body_from(0);
  return {
      {"copy-b", "okaz", "2015-07-24", "نسخة ثانية", body},
      {"orig", "sabq", "2015-07-21 02:21:00", "الخبر الأول", body},
      {"copy-c", "alriyadh", "2015-07-25", "نسخة ثالثة", body + body_from(40, 1)},
      {"other-1", "okaz", "2015-07-22", "خبر آخر", body_from(12)},
      {"other-2", "sabq", "2015-07-23", "خبر ثالث", body_from(24)},
  };
}

// A word every copy of the story holds: the first word of its body.
std::string story_word() {
  std::string first = body_from(0, 1);
  return first.substr(0, first.find(' '));
}

json search_json(const std::string& index, const std::vector<std::string>& extra = {}) {
  std::vector<std::string> args = {"search", "--index", index, story_word(), "--format", "json", "--limit", "50"};
  args.insert(args.end(), extra.begin(), extra.end());
  auto r = run_nsearch(args);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return json::parse(r.out);
}

const json* hit_with(const json& result, const std::string& id) {
  for (const auto& h : result["hits"])
    if (h["id"] == id) return &h;
  return nullptr;
}

// Each article's story id, over every article of the index.
std::map<std::string, std::string> stories_of(const std::string& index) {
  auto r = run_nsearch({"search", "--index", index, "--since", "1900", "--duplicates", "show", "--format", "json",
                        "--limit", "1000", "--no-snippets"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  std::map<std::string, std::string> out;
  const json result = json::parse(r.out);
  for (const auto& h : result["hits"]) out[h["id"].get<std::string>()] = h["story"]["id"].get<std::string>();
  return out;
}

std::string index_pieces(const TempDir& t, const std::vector<Piece>& pieces,
                         const std::vector<std::string>& flags = {}) {
  write_file(t / "in" / "news.jsonl", jsonl(pieces));
  std::string index = (t / "idx").string();
  std::vector<std::string> args = {"index", "--index", index};
  args.insert(args.end(), flags.begin(), flags.end());
  args.push_back((t / "in").string());
  auto r = run_nsearch(args);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return index;
}

TEST(Stories, CopiesInOtherOutletsCollapseUnderTheFirstPublisher) {
  TempDir t;
  std::string index = index_pieces(t, wire_story());
  json r = search_json(index);
  std::set<std::string> story_hits;
  for (const auto& h : r["hits"])
    if (h["story"]["id"] == "orig") story_hits.insert(h["id"].get<std::string>());
  ASSERT_EQ(story_hits.size(), 1u) << r.dump(1);
  const json& story = (*hit_with(r, *story_hits.begin()))["story"];
  EXPECT_EQ(story["count"], 3);
  EXPECT_EQ(story["first"]["id"], "orig");
  EXPECT_EQ(story["first"]["source"], "sabq");
  EXPECT_EQ(story["members"], json({"orig", "copy-b", "copy-c"}));
  EXPECT_EQ(r["duplicates"], "collapse");
  EXPECT_LT(r["stories"].get<int>(), r["total"].get<int>());

  auto text = run_nsearch({"search", "--index", index, story_word(), "--no-pager"});
  EXPECT_NE(text.out.find("+2 more: "), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("(first: sabq, 2015-07-21 02:21"), std::string::npos) << text.out;
}

// A page shorter than the stories does not make their count an estimate while the matches
// are few: the count is the same for every page size.
TEST(Stories, FewMatchesCountStoriesExactlyWhateverThePage) {
  TempDir t;
  std::string index = index_pieces(t, wire_story());
  const std::string query = "title:خبر OR title:نسخة";  // every article: five, in three stories
  auto stories = [&](const std::string& limit) {
    auto r = run_nsearch({"search", "--index", index, query, "--format", "json", "--limit", limit});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return json::parse(r.out);
  };
  json all = stories("50"), one = stories("1");
  ASSERT_EQ(all["total"], 5) << all.dump(1);
  EXPECT_EQ(all["stories"], 3);
  EXPECT_EQ(all["hits"].size(), 3u);
  EXPECT_EQ(one["stories"], all["stories"]) << one.dump(1);
  EXPECT_EQ(one["stories_is_estimate"], false);
}

TEST(Stories, DuplicatesShowListsEveryArticle) {
  TempDir t;
  std::string index = index_pieces(t, wire_story());
  json collapsed = search_json(index), all = search_json(index, {"--duplicates", "show"});
  EXPECT_EQ(all["hits"].size(), collapsed["hits"].size() + 2);
  for (const char* id : {"orig", "copy-b", "copy-c"}) EXPECT_TRUE(hit_with(all, id)) << id;
  EXPECT_EQ(all["total"], collapsed["total"]);  // the total counts articles either way
  auto bad = run_nsearch({"search", "--index", index, story_word(), "--duplicates", "some"});
  EXPECT_EQ(bad.exit_code, 2);
}

// The ids `show ID --story` lists, first published first.
std::vector<std::string> members_of(const std::string& index, const std::string& id) {
  auto r = run_nsearch({"show", "--index", index, id, "--story", "--format", "json"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  const json story = json::parse(r.out);
  std::vector<std::string> ids;
  for (const auto& a : story["articles"]) ids.push_back(a["id"].get<std::string>());
  return ids;
}

// Indexes the wire story, then again without the article `gone`; returns the index.
std::string index_without(const TempDir& t, const std::string& gone) {
  std::vector<Piece> pieces = wire_story();
  std::string index = index_pieces(t, pieces);
  pieces.erase(std::find_if(pieces.begin(), pieces.end(), [&](const Piece& p) { return p.id == gone; }));
  write_file(t / "in" / "news.jsonl", jsonl(pieces));
  auto again = run_nsearch({"index", "--index", index});
  EXPECT_EQ(again.exit_code, 0) << again.err;
  return index;
}

TEST(Stories, StorySurvivesTheRemovalOfItsFirstMember) {
  TempDir t;
  std::string index = index_without(t, "orig");
  auto stories = stories_of(index);
  EXPECT_EQ(stories.count("orig"), 0u);
  EXPECT_EQ(stories["copy-b"], "copy-b");
  EXPECT_EQ(stories["copy-c"], "copy-b");
  EXPECT_EQ(stories["other-1"], "other-1");
  EXPECT_EQ(members_of(index, "copy-c"), (std::vector<std::string>{"copy-b", "copy-c"}));
}

TEST(Stories, RemovingAMemberLeavesItsStory) {
  TempDir t;
  std::string index = index_without(t, "copy-c");
  EXPECT_EQ(members_of(index, "orig"), (std::vector<std::string>{"orig", "copy-b"}));
  json hits = search_json(index);  // one hit: the story, as its best-ranked member
  ASSERT_EQ(hits["hits"].size(), 1u) << hits.dump();
  EXPECT_EQ(hits["hits"][0]["story"]["id"], "orig");
  EXPECT_EQ(hits["hits"][0]["story"]["count"], 2);
}

// Joining is not transitive: an earlier article that matches a member but not the story's
// first takes that member into a story of its own, and the first story no longer lists it.
TEST(Stories, AMemberTakenIntoAnEarlierStoryLeavesTheFirst) {
  TempDir t;
  std::vector<Piece> pieces = {
      {"first", "sabq", "2015-07-21", "الخبر", body_from(0, 8)},
      {"member", "okaz", "2015-07-22", "نسخة", body_from(0, 8) + body_from(40, 3)},
  };
  std::string index = index_pieces(t, pieces);
  ASSERT_EQ(members_of(index, "first"), (std::vector<std::string>{"first", "member"}));
  write_file(t / "more" / "earlier.jsonl",
             jsonl({{"earlier", "spa", "2015-07-20", "الوكالة", body_from(4, 4) + body_from(40, 3)}}));
  ASSERT_EQ(run_nsearch({"index", "--index", index, (t / "more").string()}).exit_code, 0);
  EXPECT_EQ(members_of(index, "member"), (std::vector<std::string>{"earlier", "member"}));
  EXPECT_EQ(members_of(index, "first"), std::vector<std::string>{"first"});
}

TEST(Stories, IncrementalAddJoinsAnExistingStory) {
  TempDir t;
  std::vector<Piece> pieces = wire_story();
  std::string index = index_pieces(t, pieces);
  // A later copy joins; an earlier one becomes the story's first, for every member.
  write_file(t / "more" / "later.jsonl", jsonl({{"copy-d", "alweeam", "2015-08-01", "نسخة رابعة", body_from(0)}}));
  ASSERT_EQ(run_nsearch({"index", "--index", index, (t / "more").string()}).exit_code, 0);
  auto stories = stories_of(index);
  EXPECT_EQ(stories["copy-d"], "orig");
  write_file(t / "more" / "earlier.jsonl", jsonl({{"wire", "spa", "2015-07-20", "الوكالة", body_from(0)}}));
  ASSERT_EQ(run_nsearch({"index", "--index", index}).exit_code, 0);
  stories = stories_of(index);
  for (const char* id : {"wire", "orig", "copy-b", "copy-c", "copy-d"}) EXPECT_EQ(stories[id], "wire") << id;
  EXPECT_EQ(members_of(index, "orig"), (std::vector<std::string>{"wire", "orig", "copy-b", "copy-c", "copy-d"}));
  EXPECT_EQ(stories["other-2"], "other-2");
}

TEST(Stories, ShardsRebuildsAndInputOrderGiveTheSameStories) {
  std::vector<Piece> pieces = wire_story();
  for (std::size_t i = 0; i < 30; ++i)  // more stories, some with a copy
    pieces.push_back({fmt::format("n{}", i), i % 2 ? "okaz" : "sabq", fmt::format("2016-01-{:02}", i % 28 + 1),
                      fmt::format("خبر {}", i), body_from(60 + 7 * (i / 2), 5)});
  TempDir one, four, reversed;
  auto single = stories_of(index_pieces(one, pieces, {"--shards", "1"}));
  std::string sharded_index = index_pieces(four, pieces, {"--shards", "4"});
  EXPECT_EQ(stories_of(sharded_index), single);
  std::reverse(pieces.begin(), pieces.end());
  EXPECT_EQ(stories_of(index_pieces(reversed, pieces, {"--batch-size", "3"})), single);
  ASSERT_EQ(run_nsearch({"index", "--index", sharded_index, "--rebuild"}).exit_code, 0);
  EXPECT_EQ(stories_of(sharded_index), single);
  std::set<std::string> distinct;
  for (const auto& [id, story] : single) distinct.insert(story);
  EXPECT_LT(distinct.size(), single.size());  // copies were joined
  EXPECT_GT(distinct.size(), 10u);            // and the rest were not
}

// Word-for-word copies weigh the same: the hit shown for their story, and their order with
// --duplicates show, is by publication, not by where the layout happened to put them.
TEST(Stories, CopiesOfEqualWeightShowTheFirstPublishedWhateverTheLayout) {
  const std::string body = body_from(0);
  std::vector<Piece> pieces;
  for (int day = 28; day >= 20; --day)  // indexed latest first
    pieces.push_back(
        {fmt::format("day-{}", day), day % 2 ? "okaz" : "sabq", fmt::format("2015-07-{}", day), "الخبر", body});
  std::vector<std::string> published;
  for (int day = 20; day <= 28; ++day) published.push_back(fmt::format("day-{}", day));
  for (const std::string shards : {"1", "4"}) {
    TempDir t;
    std::string index = index_pieces(t, pieces, {"--shards", shards});
    json all = search_json(index, {"--duplicates", "show"});
    ASSERT_EQ(all["hits"].size(), published.size()) << all.dump(1);
    std::vector<std::string> order;
    for (const auto& h : all["hits"]) {
      EXPECT_EQ(h["score"], all["hits"][0]["score"]) << "copies should weigh the same";
      order.push_back(h["id"]);
    }
    EXPECT_EQ(order, published) << shards << " shard(s)";
    json collapsed = search_json(index);
    ASSERT_EQ(collapsed["hits"].size(), 1u) << collapsed.dump(1);
    EXPECT_EQ(collapsed["hits"][0]["id"], "day-20") << shards << " shard(s)";
  }
}

// A rewrite that keeps six of the eleven sentences (a new lead and ending, as outlets rewrite
// a wire story) is the same story; one that keeps four of them is not.
TEST(Stories, ARewriteKeepingMostOfTheTextJoins) {
  TempDir t;
  const std::string original = body_from(100, 11);
  std::string index =
      index_pieces(t, {{"wire", "spa", "2015-07-20", "الوكالة", original},
                       {"rewrite", "okaz", "2015-07-21", "صياغة أخرى", body_from(100, 6) + body_from(200, 5)},
                       {"other", "sabq", "2015-07-22", "خبر آخر", body_from(100, 4) + body_from(300, 7)}});
  auto stories = stories_of(index);
  EXPECT_EQ(stories["rewrite"], "wire");
  EXPECT_EQ(stories["other"], "other");
}

// A caption or a link line under a headline, and a headline with no body, are shared by many
// different articles: they join only a copy with (nearly) the same headline, and a headline of
// a word or two and no body joins nothing.
TEST(Stories, CaptionsAndBareHeadlinesJoinOnlyTheirCopies) {
  TempDir t;
  auto link = [](const std::string& title) { return "رابط الخبر بصحيفة الوئام: " + title; };
  const std::string libya = "بالصور .. رمضان في ليبيا", palestine = "بالصور .. رمضان في فلسطين";
  std::string index = index_pieces(t, {{"gallery-1", "alweeam", "2015-07-21 02:26:37", libya, link(libya)},
                                       {"gallery-2", "alweeam", "2015-07-21 02:26:42", palestine, link(palestine)},
                                       {"gallery-3", "alwatan", "2015-07-22", libya, link(libya)},
                                       {"cartoon-1", "alriyadh", "2015-07-21", "كاريكاتير", ""},
                                       {"cartoon-2", "alriyadh", "2015-07-22", "كاريكاتير", ""}});
  auto stories = stories_of(index);
  EXPECT_EQ(stories["gallery-3"], "gallery-1");
  EXPECT_EQ(stories["gallery-2"], "gallery-2");
  EXPECT_EQ(stories["cartoon-1"], "cartoon-1");
  EXPECT_EQ(stories["cartoon-2"], "cartoon-2");
}

TEST(Stories, ShowStoryListsMembersFirstPublishedFirst) {
  TempDir t;
  std::string index = index_pieces(t, wire_story());
  auto text = run_nsearch({"show", "--index", index, "copy-c", "--story"});
  ASSERT_EQ(text.exit_code, 0) << text.err;
  auto orig = text.out.find("orig"), b = text.out.find("copy-b"), c = text.out.find("copy-c");
  ASSERT_NE(c, std::string::npos) << text.out;
  EXPECT_LT(orig, b);
  EXPECT_LT(b, c);
  EXPECT_NE(text.out.find("الخبر الأول"), std::string::npos);
  json j = json::parse(run_nsearch({"show", "--index", index, "copy-c", "--story", "--format", "json"}).out);
  EXPECT_EQ(j["count"], 3);
  EXPECT_EQ(j["articles"][0]["source"], "sabq");
  EXPECT_EQ(j["articles"][2]["title"], "نسخة ثالثة");
  json lone = json::parse(run_nsearch({"show", "--index", index, "other-1", "--story", "--format", "json"}).out);
  EXPECT_EQ(lone["count"], 1);
}

}  // namespace
}  // namespace nsearch::test
