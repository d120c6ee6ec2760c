// date: filters are compiled to boolean terms (whole years, months, days) where they can be;
// on a real index they must select exactly the articles the value-slot containment test does.
#include <gtest/gtest.h>

#include <set>

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include "common/dates.h"
#include "common/schema.h"
#include "searcher/index_set.h"
#include "searcher/query_parser.h"
#include "tests/test_support.h"

namespace nsearch::test {
namespace {

std::set<Xapian::docid> matches(const Xapian::Database& db, const Xapian::Query& q) {
  Xapian::Enquire enquire(db);
  enquire.set_query(q);
  std::set<Xapian::docid> out;
  Xapian::MSet m = enquire.get_mset(0, db.get_doccount());
  for (auto it = m.begin(); it != m.end(); ++it) out.insert(*it);
  return out;
}

TEST(DateFilter, TermsSelectWhatTheValueSlotsSelect) {
  TempDir tmp;
  // Every precision, around year, month and leap-day edges.
  const std::vector<std::string> dates = {"2019",       "2020",    "2020-02",    "2020-02-28", "2020-02-29",
                                          "2020-03-01", "2020-12", "2020-12-31", "2021-01-01", "2021",
                                          "2021-06-15", "",        "2019-12-31"};
  const std::vector<std::string> sentences = seed_sentences();
  std::string lines;
  for (std::size_t i = 0; i < dates.size() * 3; ++i) {
    lines += nlohmann::json{{"id", fmt::format("d{}", i)},
                            {"title", sentences[i % sentences.size()]},
                            {"body", sentences[(i + 1) % sentences.size()]},
                            {"date", dates[i % dates.size()]}}
                 .dump() +
             "\n";
  }
  write_file(tmp / "in" / "dates.jsonl", lines);
  ASSERT_EQ(run_nsearch({"index", "-q", "--index", (tmp / "idx").string(), (tmp / "in").string()}).exit_code, 0);
  Xapian::Database db = open_index_set({tmp / "idx"}, false).db;
  for (const auto& [lo, hi] : std::vector<std::pair<std::string, std::string>>{{"2020", "2020"},
                                                                               {"2019", "2021"},
                                                                               {"2020-02", "2020-02"},
                                                                               {"2020-02-29", "2020-03-01"},
                                                                               {"2020-02-15", "2021-01-10"},
                                                                               {"2019-12-31", "2020-02-28"},
                                                                               {"2020-01", "2020-12"},
                                                                               {"2021-06-15", "2021-06-15"},
                                                                               {"2021", ""},
                                                                               {"", "2020-02"},
                                                                               {"2000", "2030"}}) {
    SCOPED_TRACE(lo + ".." + hi);
    std::vector<Xapian::Query> slots;
    if (!lo.empty())
      slots.emplace_back(Xapian::Query::OP_VALUE_GE, schema::kSlotDateStart, parse_date(lo)->first_day());
    if (!hi.empty()) slots.emplace_back(Xapian::Query::OP_VALUE_LE, schema::kSlotDateEnd, parse_date(hi)->last_day());
    auto expected = matches(db, Xapian::Query(Xapian::Query::OP_AND, slots.begin(), slots.end()));
    Xapian::Query filter = date_filter(lo + ".." + hi);
    EXPECT_EQ(matches(db, filter), expected);
    EXPECT_FALSE(expected.empty());
  }
  // A year range compiles to year terms, not value ranges.
  EXPECT_NE(date_filter("2019..2021").get_description().find("XY2020"), std::string::npos);
}

}  // namespace
}  // namespace nsearch::test
