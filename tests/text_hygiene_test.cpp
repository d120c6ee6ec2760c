// Text as the reader wrote it: markup, entities, invisible characters and terminal controls
// cleaned at parse time (indexer/text_cleaner.h), and the time of day kept. The cleaner on its
// own, then through the real binary.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "indexer/text_cleaner.h"
#include "tests/test_support.h"

namespace nsearch::test {
namespace {

using nlohmann::json;

bool has_control(const std::string& s) {
  for (size_t i = 0; i < s.size(); ++i) {
    auto b = static_cast<unsigned char>(s[i]);
    if ((b < 0x20 && b != '\n' && b != '\t') || b == 0x7F) return true;
    if (b == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) < 0xA0) return true;  // C1
  }
  return false;
}

TEST(TextCleaner, DecodesEntitiesAndRemovesTags) {
  EXPECT_EQ(clean_text("&quot;الحريري&quot; &amp; &#8220;عون&#8221; &#x27;x&#39;"), "\"الحريري\" & “عون” 'x'");
  EXPECT_EQ(clean_text("<p>الفقرة <b>الأولى</b></p><p>الثانية<br/>الثالثة</p>"),
            "\nالفقرة الأولى\n\nالثانية\nالثالثة\n");
  EXPECT_EQ(clean_text("قبل<!-- تعليق -->بعد"), "قبلبعد");
  // Escaped markup is text; what is not a tag stays.
  EXPECT_EQ(clean_text("&lt;b&gt; 3 < 5 > 2 <عاجل> a<b"), "<b> 3 < 5 > 2 <عاجل> a<b");
  EXPECT_EQ(clean_text("&unknown; &#; & amp; &#150;"), "&unknown; &#; & amp; –");
}

TEST(TextCleaner, InvisibleCharactersNeverSplitOrGlueWords) {
  EXPECT_EQ(clean_text("صدام\u00A0حفتر"), "صدام حفتر");                    // NBSP separates
  EXPECT_EQ(clean_text("&nbsp;صدام&nbsp;حفتر"), " صدام حفتر");             // also as an entity
  EXPECT_EQ(clean_text("حف\u200Fتر \u202Bأنقرة\u202C"), "حفتر أنقرة");     // bidi marks removed
  EXPECT_EQ(clean_text("ال\u200Cكتاب\u00AD"), "الكتاب");                   // ZWNJ, soft hyphen
  EXPECT_EQ(clean_text("كلمة\u200Bكلمة \u200Bثالثة"), "كلمة كلمة ثالثة");  // ZWSP: a break
  EXPECT_EQ(clean_text("\uFEFFنص\u2066معزول\u2069"), "نصمعزول");
}

TEST(TextCleaner, TerminalControlsAreRemovedWhole) {
  EXPECT_EQ(clean_text("قبل\x1B]0;pwned\x07بعد"), "قبلبعد");      // OSC set title, BEL
  EXPECT_EQ(clean_text("قبل\x1B]0;pwned\x1B\\بعد"), "قبلبعد");    // OSC ... ST
  EXPECT_EQ(clean_text("\x1B[2J\x1B[1;31mأحمر\x1B[0m"), "أحمر");  // CSI
  EXPECT_EQ(clean_text("a\x1B"
                       "cb\x1B(Bc"),
            "abc");  // two-byte and nF escapes
  EXPECT_EQ(clean_text("a\xC2\x9B"
                       "2Jb\xC2\x9D"
                       "0;x\x07"
                       "c"),
            "abc");  // C1 CSI and OSC
  EXPECT_EQ(clean_text("a\x01\x1A\x7F\xC2\x85"
                       "b\r\nc\rd\te"),
            "a\nb\nc\nd\te");
  EXPECT_EQ(clean_text("&#27;[2Jx"), "x");  // a decoded escape sequence is removed like a raw one
  EXPECT_EQ(clean_line(" المصدر\n\tالثاني\x1B[2J "), "المصدر  الثاني");
  EXPECT_EQ(clean_id("\x1B]0;x\x07id-1\x1B[2J"), "id-1");
  const std::string plain = "نص عادي, with ASCII; “quotes” — and\nlines\tand tabs.";
  EXPECT_EQ(clean_text(plain), plain);
}

class Hygiene : public ::testing::Test {
 protected:
  RunResult index_lines(const std::vector<json>& records) {
    std::string text;
    for (const auto& r : records) text += r.dump() + "\n";
    write_file(tmp_ / "in" / "feed.jsonl", text);
    return run_nsearch({"index", "--index", idx(), (tmp_ / "in").string()});
  }
  RunResult nsearch(std::vector<std::string> args) {
    args.insert(args.begin() + 1, {"--index", idx()});
    return run_nsearch(args);
  }
  std::string idx() const { return (tmp_ / "idx").string(); }
  TempDir tmp_;
};

TEST_F(Hygiene, EntitiesAreDecodedSoTheirNamesAreNotWords) {
  auto r = index_lines({{{"id", "e1"}, {"title", "&quot;الحريري&quot; يعود"}, {"body", "نص&nbsp;الخبر <b>هنا</b>"}},
                        {{"id", "e2"}, {"title", "quot في العنوان"}, {"body", "نص آخر"}}});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(nsearch({"search", "quot", "--format", "ids"}).out, "e2\n");  // the word, not the entity
  EXPECT_EQ(nsearch({"search", "nbsp", "--format", "ids"}).exit_code, 1);
  auto shown = json::parse(nsearch({"show", "e1", "--format", "json"}).out);
  EXPECT_EQ(shown["title"], "\"الحريري\" يعود");
  EXPECT_EQ(shown["body"], "نص الخبر هنا");
  EXPECT_EQ(nsearch({"search", "\"نص الخبر\"", "--format", "ids"}).out, "e1\n");  // NBSP separated the words
}

TEST_F(Hygiene, EscapeSequencesNeverReachTheTerminal) {
  const std::string esc = "\x1B]0;pwned\x07\x1B[2J";
  auto r = index_lines({{{"id", "x1" + esc},
                         {"title", "عنوان " + esc + "خطير"},
                         {"body", "مستشفى " + esc + " طرابلس"},
                         {"source", "مصدر" + esc},
                         {"author", esc + "كاتب"},
                         {"url", "http://example.com/" + esc}}});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (const auto& format : {"text", "json", "jsonl", "ids", "trec"}) {
    auto s = nsearch({"search", "مستشفى", "--format", format});
    EXPECT_EQ(s.exit_code, 0) << s.err;
    EXPECT_FALSE(has_control(s.out)) << format << ": " << s.out;
  }
  auto shown = nsearch({"show", "x1"});
  ASSERT_EQ(shown.exit_code, 0) << shown.err;
  EXPECT_FALSE(has_control(shown.out)) << shown.out;
  auto j = json::parse(nsearch({"show", "x1", "--format", "json"}).out);
  EXPECT_EQ(j["title"], "عنوان خطير");
  EXPECT_EQ(j["source"], "مصدر");
  EXPECT_EQ(j["author"], "كاتب");
}

TEST_F(Hygiene, TimeOfDayIsKeptShownAndSorted) {
  auto r = index_lines(
      {{{"id", "noon"}, {"title", "ظهرا"}, {"body", "مستشفى"}, {"source", "was"}, {"date", "2015-07-21 12:00:00"}},
       {{"id", "dawn"}, {"title", "فجرا"}, {"body", "مستشفى"}, {"source", "was"}, {"date", "2015-07-21 02:52:00"}},
       {{"id", "night"},
        {"title", "ليلا"},
        {"body", "مستشفى"},
        {"source", "was"},
        {"date", "2015-07-21T23:10:05+03:00"}},
       {{"id", "eve"}, {"title", "أمس"}, {"body", "مستشفى"}, {"source", "was"}, {"date", "2015-07-20 23:59"}},
       {{"id", "day"}, {"title", "يوم"}, {"body", "مستشفى"}, {"source", "was"}, {"date", "2015-07-22"}}});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(nsearch({"search", "مستشفى", "--sort", "newest", "--format", "ids"}).out, "day\nnight\nnoon\ndawn\neve\n");
  EXPECT_EQ(nsearch({"search", "مستشفى", "--sort", "oldest", "--format", "ids"}).out, "eve\ndawn\nnoon\nnight\nday\n");
  auto hits = json::parse(nsearch({"search", "مستشفى", "--sort", "oldest", "--format", "json"}).out)["hits"];
  EXPECT_EQ(hits[1]["date"], "2015-07-21 02:52:00");
  EXPECT_EQ(hits[3]["date"], "2015-07-21 23:10:05+03:00");
  EXPECT_EQ(json::parse(nsearch({"show", "dawn", "--format", "json"}).out)["date"], "2015-07-21 02:52:00");
  EXPECT_NE(nsearch({"show", "dawn"}).out.find("date:   2015-07-21 02:52:00\n"), std::string::npos);
  EXPECT_NE(nsearch({"search", "فجرا"}).out.find("2015-07-21 02:52:00"), std::string::npos);
  // Filters and facets work on the day.
  EXPECT_EQ(nsearch({"search", "مستشفى", "--since", "2015-07-21", "--until", "2015-07-21", "--sort", "oldest",
                     "--format", "ids"})
                .out,
            "dawn\nnoon\nnight\n");
  EXPECT_EQ(nsearch({"search", "مستشفى date:2015-07-20", "--format", "ids"}).out, "eve\n");
  auto facets = json::parse(nsearch({"search", "مستشفى", "--facets", "month", "--format", "json"}).out)["facets"];
  EXPECT_EQ(facets["month"][0]["value"], "2015-07");
  EXPECT_EQ(facets["month"][0]["count"], 5);
  auto stats = json::parse(nsearch({"stats", "--format", "json"}).out);
  EXPECT_EQ(stats["date_from"], "2015-07-20");
  EXPECT_EQ(stats["date_to"], "2015-07-22");
  // The outlets' date ranges are days too, not slot values with a time.
  auto sources = json::parse(nsearch({"sources", "--format", "json"}).out)["sources"];
  ASSERT_EQ(sources.size(), 1u);
  EXPECT_EQ(sources[0]["date_from"], "2015-07-20");
  EXPECT_EQ(sources[0]["date_to"], "2015-07-22");
}

}  // namespace
}  // namespace nsearch::test
