// `nsearch analyze` through the real binary.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "tests/test_support.h"

namespace nsearch::test {
namespace {

TEST(AnalyzeCli, JsonHasSpansAndFlags) {
  auto r = run_nsearch({"analyze", "--format", "json", "وبالكتاب إلى 2024"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j["tokens"].size(), 3u);
  EXPECT_EQ(j["tokens"][0]["start"], 0);
  EXPECT_EQ(j["tokens"][0]["end"], 16);
  EXPECT_EQ(j["tokens"][0]["term"], "كتاب");
  EXPECT_EQ(j["tokens"][1]["stopword"], true);
  EXPECT_EQ(j["tokens"][2]["number"], true);
}

TEST(AnalyzeCli, TermsGiveOneLinePerInputLine) {
  auto r = run_nsearch({"analyze", "--terms"}, "والكتاب فلسطينيين\n\n،،\nSaha\n");
  EXPECT_EQ(r.out, "كتاب فلسطيني\n\n\nsaha\n");
}

TEST(AnalyzeCli, TableByDefaultFromStdin) {
  auto r = run_nsearch({"analyze"}, "الحنّة");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("حنه"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace nsearch::test
