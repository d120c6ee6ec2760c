// The searcher's two shortcuts on a real sharded index: ranking in docid slices on two handles
// and merging (ranked_parts.h) gives exactly the page of one pass, ties included; and a
// boolean query's matches read straight from the posting lists (match_bitmap.h) are exactly
// the documents Xapian's matcher visits.
#include <gtest/gtest.h>

#include <algorithm>

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include "common/analyzer.h"
#include "common/schema.h"
#include "searcher/index_set.h"
#include "searcher/match_bitmap.h"
#include "searcher/query_parser.h"
#include "searcher/ranked_parts.h"
#include "searcher/term_forms.h"
#include "tests/test_support.h"

namespace nsearch::test {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// Every article three times under different ids, so that many matches tie on weight and only
// the document number orders them.
std::string tied_articles() {
  const std::vector<std::string> sentences = seed_sentences();
  const std::vector<std::string> sources = {"الجزيرة", "وكالة الأناضول", "المشهد", ""};
  const std::vector<std::string> dates = {"2019-05", "2020-12-27", "2024", "", "2025-08-25"};
  std::string out;
  for (std::size_t i = 0; i + 1 < sentences.size(); ++i) {
    for (int copy = 0; copy < 3; ++copy) {
      json a = {{"id", fmt::format("a{}-{}", i, copy)},
                {"title", sentences[i]},
                {"body", sentences[i + 1]},
                {"source", sources[(i + copy) % sources.size()]},
                {"date", dates[i % dates.size()]}};
      out += a.dump() + "\n";
    }
  }
  return out;
}

const std::vector<std::string> kQueries = {
    "حفتر",
    "صدام حفتر أنقرة",
    "تركيا OR ليبيا",
    "حفتر NOT أنقرة",
    "حفتر AND ليبيا",
    "-حفتر",
    "title:حفتر",
    "source:الجزيرة ليبيا",
    "ليبيا date:2020..2024",
    "\"وزير الدفاع\"",
    "=الليبية",
    "source:المشهد",
    "الحكومة الليبية في طرابلس",
};

class SplitPasses : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    tmp_ = new TempDir();
    write_file(*tmp_ / "in" / "tied.jsonl", tied_articles());
    auto r =
        run_nsearch({"index", "-q", "--shards", "3", "--index", (*tmp_ / "idx").string(), (*tmp_ / "in").string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  static void TearDownTestSuite() { delete tmp_; }

  static IndexSet open() { return open_index_set({*tmp_ / "idx"}, false); }
  static Xapian::Query parse(const Xapian::Database& db, const std::string& text) {
    static const Analyzer analyzer(AnalyzerOptions::variant("default"));
    return parse_query(text, analyzer,
                       [&](std::string_view prefix, const Token& w) {
                         return indexed_forms(db, analyzer, prefix, w.normalized, w.term, FormSearch::LookUpCandidates);
                       })
        .query;
  }
  static inline TempDir* tmp_ = nullptr;
};

std::vector<RankedMatch> one_pass(const Xapian::Database& db, const Xapian::Query& q, const RankOrder& order,
                                  Xapian::doccount offset, Xapian::doccount limit) {
  Xapian::Enquire enquire(db);
  enquire.set_query(q);
  enquire.set_weighting_scheme(Xapian::DLHWeight());
  if (order.sort_slot) enquire.set_sort_by_value_then_relevance(*order.sort_slot, order.descending);
  if (!order.sort_slot && order.tie_slot) enquire.set_sort_by_relevance_then_value(*order.tie_slot, false);
  Xapian::MSet mset = enquire.get_mset(offset, limit);
  std::vector<RankedMatch> out;
  for (auto it = mset.begin(); it != mset.end(); ++it) out.push_back({*it, it.get_weight(), it.get_sort_key(), {}});
  return out;
}

TEST_F(SplitPasses, SlicesRankedOnTwoHandlesMergeIntoTheOnePassPage) {
  IndexSet a = open(), b = open();
  std::vector<RankOrder> orders(4);
  orders[1].sort_slot = schema::kSlotDateStart;
  orders[1].descending = true;
  orders[2].sort_slot = schema::kSlotOldestKey;
  orders[3].tie_slot = schema::kSlotMemberKey;  // as nsearch ranks by relevance
  std::size_t compared = 0;
  for (const auto& text : kQueries) {
    Xapian::Query q = parse(a.db, text);
    for (const RankOrder& order : orders) {
      for (auto [offset, limit] : {std::pair<Xapian::doccount, Xapian::doccount>{0, 10}, {0, 1000}, {7, 5}, {25, 10}}) {
        SCOPED_TRACE(fmt::format("{} order slot {} tie slot {} offset {}", text, order.sort_slot.value_or(99),
                                 order.tie_slot.value_or(99), offset));
        auto expected = one_pass(a.db, q, order, offset, limit);
        for (unsigned parts : {2u, 3u}) {
          std::vector<std::vector<RankedMatch>> sliced;
          for (unsigned p = 0; p < parts; ++p) {
            sliced.push_back(rank_part(p % 2 ? b.db : a.db, q, Xapian::DLHWeight(), order, offset + limit, p, parts));
          }
          auto got = merge_parts(std::move(sliced), order, offset, limit);
          ASSERT_EQ(got.size(), expected.size()) << parts << " parts";
          for (std::size_t i = 0; i < got.size(); ++i) {
            EXPECT_EQ(got[i].did, expected[i].did) << "rank " << i << ", " << parts << " parts";
            EXPECT_DOUBLE_EQ(got[i].weight, expected[i].weight);
          }
          compared += got.size();
        }
      }
    }
  }
  EXPECT_GT(compared, 1000u);  // the queries do match
}

std::vector<Xapian::docid> matcher_docids(const Xapian::Database& shard, const Xapian::Query& q) {
  Xapian::Enquire enquire(shard);
  enquire.set_query(q);
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  enquire.set_docid_order(Xapian::Enquire::ASCENDING);
  Xapian::MSet mset = enquire.get_mset(0, shard.get_doccount() + 1);
  std::vector<Xapian::docid> out(mset.begin(), mset.end());
  std::sort(out.begin(), out.end());
  return out;
}

TEST_F(SplitPasses, BitmapsHoldExactlyTheMatchersMatches) {
  IndexSet set = open();
  using Q = Xapian::Query;
  std::vector<Q> queries = {
      Q::MatchAll, Q::MatchNothing, Q(Q::OP_AND_MAYBE, parse(set.db, "ليبيا"), parse(set.db, "حفتر")),
      Q(Q::OP_SCALE_WEIGHT, parse(set.db, "تركيا أنقرة"), 0.0),
      Q(Q::OP_AND, parse(set.db, "ليبيا OR تركيا"), Q(Q::OP_AND_NOT, Q::MatchAll, parse(set.db, "حفتر")))};
  for (const auto& text : kQueries) queries.push_back(parse(set.db, text));
  std::size_t evaluated = 0, matched = 0;
  for (const Q& q : queries) {
    SCOPED_TRACE(q.get_description());
    bool positional = q.get_description().find("PHRASE") != std::string::npos;
    for (const auto& shard : set.shards) {
      auto bits = match_bitmap(shard, q);
      ASSERT_EQ(bits.has_value(), !positional);
      if (!bits) continue;
      std::vector<Xapian::docid> got;
      bits->for_each([&](Xapian::docid d) { got.push_back(d); });
      EXPECT_EQ(got, matcher_docids(shard, q));
      EXPECT_EQ(bits->count(), got.size());
      ++evaluated;
      matched += got.size();
    }
  }
  EXPECT_GT(evaluated, 40u);
  EXPECT_GT(matched, 200u);
  // What needs positions or values is left to the matcher.
  Q by_value(Q::OP_VALUE_GE, schema::kSlotDateStart, "2020");
  EXPECT_FALSE(match_bitmap(set.shards[0], Q(Q::OP_AND, parse(set.db, "ليبيا"), by_value)).has_value());
}

}  // namespace
}  // namespace nsearch::test
