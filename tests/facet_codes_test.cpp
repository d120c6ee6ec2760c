// Facet counts from the per-shard facet codes (common/facet_codes.h) against Xapian's own
// ValueCountMatchSpy over the value slots, on a real index changed the ways re-runs change it.
#include <gtest/gtest.h>

#include <cstdlib>
#include <map>
#include <thread>

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include "common/facet_codes.h"
#include "common/schema.h"
#include "searcher/index_set.h"
#include "searcher/match_counter.h"
#include "tests/test_support.h"

namespace nsearch::test {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// Sources, dates and authors spread over the seed sentences; `round` changes them, as a
// corrected feed would.
std::string articles(int first, int count, int round) {
  const std::vector<std::string> sentences = seed_sentences();
  const std::vector<std::string> sources = {"الجزيرة", "وكالة الأناضول", "المشهد", "", "العربية"};
  const std::vector<std::string> dates = {"2019-05", "2020-12-27", "2024", "", "2025-08-25", "1999-01"};
  const std::vector<std::string> authors = {"أبها - عبدالله الهاجري:", "", "محمد الغامدي", "الرياض - واس"};
  std::string out;
  for (int i = first; i < first + count; ++i) {
    json a = {{"id", fmt::format("a{}", i)},
              {"title", sentences[i % sentences.size()]},
              {"body", sentences[(i + 1) % sentences.size()]},
              {"source", sources[(i + round) % sources.size()]},
              {"date", dates[(i * 7 + round) % dates.size()]},
              {"author", authors[(i * 3 + round) % authors.size()]}};
    out += a.dump() + "\n";
  }
  return out;
}

// The author facet is not in the codes: it is counted from its slot in the same pass.
const std::vector<std::string> kFacets = {"source", "year", "month", "author"};

// The reference: one unweighted pass over the combined database with ValueCountMatchSpy.
std::vector<std::map<std::string, Xapian::doccount>> from_values(const Xapian::Database& db, const Xapian::Query& q) {
  Xapian::Enquire enquire(db);
  enquire.set_query(q);
  Xapian::ValueCountMatchSpy spies[] = {
      Xapian::ValueCountMatchSpy(schema::kSlotSource), Xapian::ValueCountMatchSpy(schema::kSlotYear),
      Xapian::ValueCountMatchSpy(schema::kSlotMonth), Xapian::ValueCountMatchSpy(schema::kSlotAuthor)};
  for (auto& s : spies) enquire.add_matchspy(&s);
  enquire.get_mset(0, 0, db.get_doccount());
  std::vector<std::map<std::string, Xapian::doccount>> out;
  for (auto& s : spies) {
    out.emplace_back();
    for (auto v = s.values_begin(); v != s.values_end(); ++v) out.back()[*v] = v.get_termfreq();
  }
  return out;
}

bool codes_current(const Xapian::Database& shard) {
  return shard.get_metadata(std::string(schema::kMetaFacetStamp)) == std::to_string(shard.get_lastdocid());
}

// The counting pass on one thread.
MatchCount count_on_one_thread(const IndexSet& set, const Xapian::Query& q) {
  MatchCounter counter(kFacets, set.shards.size());
  counter.count_with(set, q);
  return counter.result();
}

// The counting pass as the searcher runs it: a second thread and this one, each on its own
// opening of the index, taking shards as they come.
MatchCount count_on_two_threads(const fs::path& index, const Xapian::Query& q) {
  IndexSet mine = open_index_set({index}, false), other = open_index_set({index}, false);
  MatchCounter counter(kFacets, mine.shards.size());
  std::thread helper([&, copy = Xapian::Query::unserialise(q.serialise())] { counter.count_with(other, copy); });
  counter.count_with(mine, q);
  helper.join();
  return counter.result();
}

void expect_codes_agree_with_values(const fs::path& index, std::vector<bool> expect_codes_current) {
  IndexSet set = open_index_set({index}, false);
  std::vector<bool> current;
  for (const auto& shard : set.shards) current.push_back(codes_current(shard));
  EXPECT_EQ(current, expect_codes_current);
  for (const Xapian::Query& q : {Xapian::Query::MatchAll, Xapian::Query("حفتر"), Xapian::Query("ليبيا"),
                                 Xapian::Query(Xapian::Query::OP_OR, Xapian::Query("تركيا"), Xapian::Query("أنقرة"))}) {
    SCOPED_TRACE(q.get_description());
    MatchCount counted = count_on_one_thread(set, q);
    auto expected = from_values(set.db, q);
    MatchCount shared = count_on_two_threads(index, q);
    EXPECT_EQ(shared.total, counted.total);
    ASSERT_EQ(shared.facets.size(), counted.facets.size());
    for (std::size_t i = 0; i < shared.facets.size(); ++i)
      EXPECT_EQ(shared.facets[i].values, counted.facets[i].values) << kFacets[i];
    ASSERT_EQ(counted.facets.size(), kFacets.size());
    for (std::size_t i = 0; i < kFacets.size(); ++i) {
      std::map<std::string, Xapian::doccount> got(counted.facets[i].values.begin(), counted.facets[i].values.end());
      EXPECT_EQ(got, expected[i]) << kFacets[i];
    }
    Xapian::Enquire all(set.db);
    all.set_query(q);
    EXPECT_EQ(counted.total, all.get_mset(0, 0, set.db.get_doccount()).get_matches_estimated());
  }
}

TEST(FacetCodes, PackAndUnpack) {
  std::uint32_t code = 7u << facet_codes::kDateBits | facet_codes::date_code(9999, 12);
  EXPECT_EQ(facet_codes::source_of(code), 7u);
  EXPECT_EQ(facet_codes::year_of(facet_codes::date_of(code)), 9999);
  EXPECT_EQ(facet_codes::month_of(facet_codes::date_of(code)), 12);
  std::vector<std::uint32_t> codes = {0, code, 1};
  std::string chunk = facet_codes::encode(codes.data(), codes.size());
  EXPECT_EQ(facet_codes::decode_at(chunk, 1), code);
  EXPECT_EQ(facet_codes::decode_at(chunk, 2), 1u);
  EXPECT_EQ(facet_codes::decode_at(chunk, 3), 0u);  // past the end
  EXPECT_EQ(facet_codes::split_sources(facet_codes::join_sources({"a b", "c"})),
            (std::vector<std::string>{"a b", "c"}));
}

TEST(FacetCodes, AgreeWithTheValueSlotsThroughAddsChangesAndDeletes) {
  TempDir tmp;
  fs::path in = tmp / "in", idx = tmp / "idx";
  write_file(in / "one.jsonl", articles(0, 40, 0));
  write_file(in / "two.jsonl", articles(40, 30, 0));
  ASSERT_EQ(run_nsearch({"index", "-q", "--shards", "3", "--index", idx.string(), in.string()}).exit_code, 0);
  expect_codes_agree_with_values(idx, {true, true, true});

  // A re-run: one file rewritten with other sources and dates (same ids: replaced in place),
  // one file gone (deleted), one new file with a source not seen before.
  write_file(in / "one.jsonl", articles(0, 40, 1));
  fs::remove(in / "two.jsonl");
  write_file(in / "three.jsonl", articles(70, 25, 2) +
                                     json{{"id", "new-source"},
                                          {"title", "حفتر في أنقرة"},
                                          {"body", "زيارة"},
                                          {"source", "مصدر جديد"},
                                          {"date", "2026-11"}}
                                         .dump() +
                                     "\n");
  auto r = run_nsearch({"index", "-q", "--index", idx.string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  expect_codes_agree_with_values(idx, {true, true, true});
}

TEST(FacetCodes, ShardsMergedByXapianCompactFallBackToTheValueSlots) {
  if (std::system("command -v xapian-compact >/dev/null 2>&1") != 0) {
    GTEST_SKIP() << "SKIPPED LOUDLY: xapian-compact (Debian package xapian-tools) is not installed";
  }
  TempDir tmp;
  write_file(tmp / "in" / "a.jsonl", articles(0, 90, 0));
  fs::path idx = tmp / "idx";
  ASSERT_EQ(run_nsearch({"index", "-q", "--shards", "3", "--index", idx.string(), (tmp / "in").string()}).exit_code, 0);
  // Merging renumbers the documents, so the codes no longer fit them.
  const auto shards = databases_of(idx);
  ASSERT_EQ(shards.size(), 3u);
  std::string cmd = fmt::format("xapian-compact -q '{}' '{}' '{}' >/dev/null", shards[0].string(), shards[1].string(),
                                (tmp / "merged").string());
  ASSERT_EQ(std::system(cmd.c_str()), 0);
  expect_codes_agree_with_values(tmp / "merged", {false});
  // Beside a shard whose codes are current, each is counted its own way.
  write_file(tmp / "mixed", fmt::format("glass {}\nglass {}\n", (tmp / "merged").string(), shards[2].string()));
  expect_codes_agree_with_values(tmp / "mixed", {false, true});
}

}  // namespace
}  // namespace nsearch::test
