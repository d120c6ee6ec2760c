#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "common/dates.h"

namespace nsearch {
namespace {

TEST(Dates, KeepsPrecision) {
  auto y = parse_date("2025");
  ASSERT_TRUE(y);
  EXPECT_EQ(y->text(), "2025");
  EXPECT_EQ(y->first_day(), "20250101");
  EXPECT_EQ(y->last_day(), "20251231");
  auto m = parse_date("2025-10");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->text(), "2025-10");
  EXPECT_EQ(m->first_day(), "20251001");
  EXPECT_EQ(m->last_day(), "20251031");
  EXPECT_EQ(m->month_key(), "2025-10");
  EXPECT_EQ(parse_date("2024-02")->last_day(), "20240229");
  EXPECT_EQ(parse_date("2023-02")->last_day(), "20230228");
}

TEST(Dates, KeepsTimesAndZonesAsWritten) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"2015-07-21 02:51:32", "2015-07-21 02:51:32"},
      {"2015-07-21T02:51:32", "2015-07-21 02:51:32"},
      {"2015-07-21T02:51:32Z", "2015-07-21 02:51:32Z"},
      {"2015-07-21T02:51:32+03:00", "2015-07-21 02:51:32+03:00"},
      {"2015-07-21T02:51:32.123-0500", "2015-07-21 02:51:32-0500"},
      {"2015-07-21 02:51", "2015-07-21 02:51"},
      {" 2015-07-21 ", "2015-07-21"}};
  for (const auto& [in, shown] : cases) {
    auto d = parse_date(in);
    ASSERT_TRUE(d) << in;
    EXPECT_EQ(d->text(), shown) << in;
    EXPECT_EQ(d->first_day(), "20150721") << in;
    auto again = parse_date(d->text());  // the document data stores text(): it must read back the same
    ASSERT_TRUE(again) << d->text();
    EXPECT_EQ(again->text(), shown);
  }
  EXPECT_EQ(parse_date("2015-07-21 02:51:32")->sort_key(), "20150721025132");
  EXPECT_EQ(parse_date("2015-07-21 02:51")->sort_key(), "20150721025100");
  EXPECT_EQ(parse_date("2015-07-21")->sort_key(), "20150721");
  EXPECT_LT(parse_date("2015-07-21 02:51")->sort_key(), parse_date("2015-07-21 13:05:00")->sort_key());
}

TEST(Dates, RejectsNonsense) {
  for (const char* s : {"", "yesterday", "2025-13", "2025-02-30", "2023-02-29", "25-10-01", "2025/10/01", "2025-10-01x",
                        "2025-10-01 25:00", "0000"}) {
    EXPECT_FALSE(parse_date(s)) << s;
  }
}

}  // namespace
}  // namespace nsearch
