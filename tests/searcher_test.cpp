// The searcher through the real binary, on an index built from corpus/ (plus one vocalized
// article for highlighting): the behaviours the search issue lists.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "common/open_index.h"
#include "searcher/clitic_forms.h"
#include "searcher/possessive_forms.h"
#include "searcher/term_forms.h"
#include "tests/test_support.h"

namespace nsearch::test {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;

class Search : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    tmp_ = new TempDir();
    write_file(*tmp_ / "extra" / "vocalized.txt",
               "---\ntitle: خبر مشكول\nsource: الجزيره\ndate: 2019-05\n---\nقال وَزِيرُ الدِّفَاعِ إنّ الجيش جاهز.\n");
    auto a = run_nsearch({"index", "--index", index_dir(), (source_dir() / "corpus").string()});
    ASSERT_EQ(a.exit_code, 0) << a.err;
  }
  static void TearDownTestSuite() { delete tmp_; }
  static std::string index_dir() { return (*tmp_ / "idx").string(); }

  static RunResult search(std::vector<std::string> args) {
    args.insert(args.begin(), {"search", "--index", index_dir()});
    return run_nsearch(args);
  }
  static std::vector<std::string> ids(std::vector<std::string> args) {
    args.insert(args.end(), {"--format", "ids"});
    auto r = search(args);
    std::vector<std::string> out;
    for (size_t p = 0, q; (q = r.out.find('\n', p)) != std::string::npos; p = q + 1)
      out.push_back(r.out.substr(p, q - p));
    return out;
  }
  static bool has(const std::vector<std::string>& v, const std::string& id) {
    return std::find(v.begin(), v.end(), id) != v.end();
  }
  static inline TempDir* tmp_ = nullptr;
};

TEST_F(Search, DefaultCommandRanksTheAnkaraArticleFirst) {
  auto r = run_nsearch({"--index", index_dir(), "صدام حفتر أنقرة", "--format", "ids"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.substr(0, r.out.find('\n')), "corpus/002_531c9af4ea5c5933.txt");
}

TEST_F(Search, PhraseAcrossShadda) {
  auto v = ids({"\"جزيرة الحنة\""});
  EXPECT_EQ(v, (std::vector<std::string>{"corpus/001_183260085f83e7c3.txt"}));
}

TEST_F(Search, PhraseAcrossAttachedWaw) {
  EXPECT_TRUE(has(ids({"\"صدام حفتر\""}), "corpus/000_aff02f4700e004a1.txt"));  // "وصدام حفتر" in 000
}

TEST_F(Search, ExactPhraseTakesEachWordAsWritten) {
  // Only 000 writes وصدام حفتر; the phrase without = also finds صدام حفتر in 001 and 002.
  EXPECT_EQ(ids({"=\"وصدام حفتر\""}), (std::vector<std::string>{"corpus/000_aff02f4700e004a1.txt"}));
  EXPECT_EQ(ids({"\"وصدام حفتر\""}).size(), 3u);
  auto text = search({"=\"صدام حفتر\"", "--color", "never", "--limit", "1"});
  EXPECT_NE(text.out.find("**صدام حفتر**"), std::string::npos) << text.out;  // one span
  // In a field too: 000's title has وصدام, never صدام alone.
  const std::vector<std::string> k000{"corpus/000_aff02f4700e004a1.txt"};
  EXPECT_EQ(ids({"title:صدام"}), k000);
  EXPECT_TRUE(ids({"title:=صدام"}).empty());
  EXPECT_EQ(ids({"title:\"الطرابلسي صدام\""}), k000);
  EXPECT_TRUE(ids({"title:=\"الطرابلسي صدام\""}).empty());
  EXPECT_EQ(ids({"title:=\"الطرابلسي وصدام\""}), k000);
}

TEST_F(Search, NameNotConflatedWithSaid) {
  auto v = ids({"قالن"});
  EXPECT_EQ(std::set<std::string>(v.begin(), v.end()),
            (std::set<std::string>{"corpus/001_183260085f83e7c3.txt", "corpus/003_b84856964a7b5a3d.txt"}));
}

TEST_F(Search, PhraseOfThreeWords) {
  // 002 holds the phrase too ("لقاء مع وزير الدفاع التركي"); 001 has only "وزارة الدفاع التركية".
  auto v = ids({"\"وزير الدفاع التركي\""});
  EXPECT_EQ(std::set<std::string>(v.begin(), v.end()),
            (std::set<std::string>{"corpus/000_aff02f4700e004a1.txt", "corpus/002_531c9af4ea5c5933.txt",
                                   "corpus/004_f090aae47d831c2d.txt"}));
}

TEST_F(Search, SourceFieldAndFlagAgree) {
  EXPECT_EQ(ids({"source:الجزيرة"}), (std::vector<std::string>{"corpus/004_f090aae47d831c2d.txt"}));
  EXPECT_EQ(ids({"حفتر", "--source", "الجزيره"}), (std::vector<std::string>{"corpus/004_f090aae47d831c2d.txt"}));
  EXPECT_EQ(ids({"source:\"ميدل إيست أون لاين\""}), (std::vector<std::string>{"corpus/002_531c9af4ea5c5933.txt"}));
}

TEST_F(Search, DateFieldsAndFlags) {
  auto v = ids({"date:2025"});
  EXPECT_EQ(std::set<std::string>(v.begin(), v.end()),
            (std::set<std::string>{"corpus/001_183260085f83e7c3.txt", "corpus/002_531c9af4ea5c5933.txt",
                                   "corpus/003_b84856964a7b5a3d.txt"}));
  EXPECT_EQ(ids({"date:2025-10"}), (std::vector<std::string>{"corpus/003_b84856964a7b5a3d.txt"}));
  // A month-precise date is not inside half a month.
  EXPECT_TRUE(ids({"date:2025-10-01..2025-10-15"}).empty());
  EXPECT_EQ(ids({"date:..2020"}), (std::vector<std::string>{"corpus/004_f090aae47d831c2d.txt"}));
  EXPECT_EQ(ids({"حفتر", "--since", "2025-05", "--until", "2025-09"}),
            (std::vector<std::string>{"corpus/001_183260085f83e7c3.txt"}));
}

TEST_F(Search, SortNewestAndOldest) {
  EXPECT_EQ(ids({"حفتر", "--sort", "newest"}),
            (std::vector<std::string>{"corpus/003_b84856964a7b5a3d.txt", "corpus/001_183260085f83e7c3.txt",
                                      "corpus/002_531c9af4ea5c5933.txt", "corpus/000_aff02f4700e004a1.txt",
                                      "corpus/004_f090aae47d831c2d.txt"}));
  EXPECT_EQ(ids({"حفتر", "--sort", "oldest"}).front(), "corpus/004_f090aae47d831c2d.txt");
}

TEST_F(Search, JsonShapeAndFacets) {
  auto r = search({"حفتر", "--facets", "source,month", "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto j = json::parse(r.out);
  EXPECT_EQ(j["format_version"], 1);
  EXPECT_EQ(j["query"], "حفتر");
  EXPECT_TRUE(j["parsed_query"].is_string());
  EXPECT_EQ(j["total"], 5);
  EXPECT_EQ(j["total_is_estimate"], false);
  EXPECT_EQ(j["offset"], 0);
  EXPECT_EQ(j["limit"], 10);
  EXPECT_TRUE(j["suggestion"].is_null());
  ASSERT_EQ(j["hits"].size(), 5u);
  for (const auto& h : j["hits"]) {
    for (const char* key : {"rank", "id", "title", "source", "date", "score", "snippet"})
      EXPECT_TRUE(h.contains(key)) << key;
    EXPECT_TRUE(h["score"].is_number());
    EXPECT_TRUE(h["rank"].is_number_integer());
  }
  std::map<std::string, int> sources;
  for (const auto& f : j["facets"]["source"]) sources[f["value"]] = f["count"];
  EXPECT_EQ(sources, (std::map<std::string, int>{
                         {"الجزيرة", 1}, {"المشهد", 1}, {"ميدل إيست أون لاين", 1}, {"وكالة الأناضول", 1}}));
  std::map<std::string, int> months;
  for (const auto& f : j["facets"]["date"]) months[f["value"]] = f["count"];
  EXPECT_EQ(months, (std::map<std::string, int>{
                        {"2020-12", 1}, {"2024-10", 1}, {"2025-04", 1}, {"2025-08", 1}, {"2025-10", 1}}));
}

TEST_F(Search, JsonlAndTrecFormats) {
  auto r = search({"قالن", "--format", "jsonl"});
  std::vector<json> lines;
  for (size_t p = 0, q; (q = r.out.find('\n', p)) != std::string::npos; p = q + 1)
    lines.push_back(json::parse(r.out.substr(p, q - p)));
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines.back()["type"], "summary");
  auto b = run_nsearch({"search", "--index", index_dir(), "--batch", "-", "--format", "trec"}, "q1\tقالن\nحفتر\n");
  EXPECT_EQ(b.out.rfind("q1 Q0 corpus/", 0), 0u) << b.out;
  EXPECT_NE(b.out.find("q1 Q0 corpus/001_183260085f83e7c3.txt "), std::string::npos) << b.out;
  EXPECT_NE(b.out.find("\n2 Q0 "), std::string::npos) << b.out;  // bare query numbered by its line
}

// Ids and TREC output read neither snippets nor stories; the hits must be the same ones, in
// the same order, as the JSON that reads both. A story of one names its own article.
TEST_F(Search, IdsListTheHitsTheJsonLists) {
  for (const char* q : {"حفتر", "ليبيا", "قالن أنقرة", "\"القيادة العامة\""}) {
    auto r = search({q, "-n", "20", "--format", "json"});
    ASSERT_EQ(r.exit_code, 0) << q << r.err;
    std::vector<std::string> from_json;
    const json result = json::parse(r.out);
    for (const auto& h : result["hits"]) {
      from_json.push_back(h["id"]);
      ASSERT_TRUE(h["story"].is_object()) << q;
      if (h["story"]["count"] == 1) {
        EXPECT_EQ(h["story"]["id"], h["id"]) << q;
        EXPECT_EQ(h["story"]["members"], json::array({h["id"]})) << q;
      }
    }
    EXPECT_FALSE(from_json.empty()) << q;
    EXPECT_EQ(ids({q, "-n", "20"}), from_json) << q;
  }
}

TEST_F(Search, SnippetHighlightLandsOnTheDiacritizedWord) {
  auto add = run_nsearch({"index", "--index", index_dir(), (*tmp_ / "extra").string()});
  ASSERT_EQ(add.exit_code, 0) << add.err;
  auto r = search({"الدفاع", "--source", "الجزيرة", "--format", "json"});
  auto j = json::parse(r.out);
  bool found = false;
  for (const auto& h : j["hits"]) {
    if (h["id"] != "extra/vocalized.txt") continue;
    found = true;
    std::string snippet = h["snippet"];
    ASSERT_EQ(h["highlights"].size(), 1u);
    size_t s = h["highlights"][0]["start"], e = h["highlights"][0]["end"];
    EXPECT_EQ(snippet.substr(s, e - s), "الدِّفَاعِ");
  }
  EXPECT_TRUE(found) << r.out;
  auto text = search({"\"وزير الدفاع\"", "--source", "الجزيرة", "--color", "never"});
  EXPECT_NE(text.out.find("**وَزِيرُ الدِّفَاعِ**"), std::string::npos) << text.out;  // a phrase is one span
}

TEST_F(Search, NoHitsExitCodeIsOne) {
  auto r = search({"كلمةغيرموجودةابدا"});
  EXPECT_EQ(r.exit_code, 1);
}

TEST_F(Search, OnlyStopwordsStillSearch) {
  auto r = search({"في من على", "--format", "ids"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_FALSE(r.out.empty());
}

TEST_F(Search, QuestionWithMissingWordsStillRanks) {
  auto r = search({"متى وقع اتفاق وقف إطلاق النار في طرابلس؟", "--format", "ids"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_FALSE(r.out.empty());
}

TEST_F(Search, MalformedQueriesAreRepairedOrRejectedInOneLine) {
  auto quote = search({"\"جزيرة الحنة", "--format", "ids"});
  EXPECT_EQ(quote.exit_code, 0);
  EXPECT_NE(quote.err.find("unbalanced quote"), std::string::npos) << quote.err;
  auto paren = search({"(حفتر OR قالن", "--format", "ids"});
  EXPECT_EQ(paren.exit_code, 0);
  EXPECT_NE(paren.err.find("unbalanced '('"), std::string::npos) << paren.err;
  auto field = search({"foo:bar حفتر", "--format", "ids"});
  EXPECT_EQ(field.exit_code, 0);
  EXPECT_NE(field.err.find("unknown field 'foo:'"), std::string::npos) << field.err;
  // Found by the query fuzzer: a NOT with nothing after it read past the end of the query.
  for (std::string q : {"حفتر AND NOT", "حفتر NOT", "(حفتر NOT) OR قالن"}) {
    auto r = search({q, "--format", "ids"});
    EXPECT_EQ(r.exit_code, 0) << q << ": " << r.err;
    EXPECT_NE(r.err.find("NOT with nothing after it"), std::string::npos) << q << ": " << r.err;
  }
  auto date = search({"date:2025-13"});
  EXPECT_EQ(date.exit_code, 2);
  EXPECT_EQ(std::count(date.err.begin(), date.err.end(), '\n'), 1) << date.err;
  EXPECT_NE(date.err.find("bad date '2025-13'"), std::string::npos) << date.err;
}

TEST_F(Search, BooleanOperators) {
  EXPECT_EQ(ids({"قالن AND حفتر"}).size(), 2u);
  EXPECT_EQ(ids({"قالن -طرابلس"}).size(), 0u);
  EXPECT_EQ(ids({"(قالن OR نوفا) NOT بنغازي"}).size(), 0u);
  EXPECT_EQ(ids({"=قالن"}).size(), 2u);
  EXPECT_EQ(ids({"title:حفتر"}).size(), 3u);
}

TEST_F(Search, VeryLongQuery) {
  std::string q;
  while (q.size() < 10000) q += "حفتر أنقرة طرابلس ";
  auto r = search({q, "--format", "ids"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_FALSE(r.out.empty());
}

TEST_F(Search, LatinScriptQuery) {
  EXPECT_EQ(ids({"Saha EXPO"}), (std::vector<std::string>{"corpus/000_aff02f4700e004a1.txt"}));
}

// A news item with this title and body, from الجزيرة on a day of January 2020.
std::string news_item(const std::string& title, const std::string& body, int day = 5) {
  return "---\ntitle: " + title + "\nsource: الجزيرة\ndate: 2020-01-" + (day < 10 ? "0" : "") + std::to_string(day) +
         "\n---\n" + body + "\n";
}

TEST_F(Search, DidYouMean) {
  auto r = search({"حفنر", "--format", "json"});
  EXPECT_EQ(json::parse(r.out)["suggestion"], "حفتر");
  for (const char* typo : {"حتفر", "حفتتر"}) {  // neighbours swapped; a letter doubled
    EXPECT_EQ(json::parse(search({typo, "--format", "json"}).out)["suggestion"], "حفتر") << typo;
  }
  auto two = search({"صدم حفتر", "--format", "json"});
  EXPECT_EQ(json::parse(two.out)["suggestion"], "صدام حفتر");
  auto autofix = search({"حفنر", "--spelling", "auto", "--format", "ids"});
  EXPECT_EQ(autofix.exit_code, 0);
  EXPECT_NE(autofix.err.find("showing results for 'حفتر'"), std::string::npos) << autofix.err;
}

// A word a few articles hold, one letter away from a word ten times as many hold, gets a
// suggestion though the query has hits (كرونا beside كورونا in the news corpus).
TEST(DidYouMean, AFarMoreCommonNeighbourIsSuggestedWithFewHits) {
  TempDir tmp;
  fs::copy(source_dir() / "corpus", tmp / "in");
  const char* cities[] = {"الرياض", "جدة", "الدمام", "مكة", "المدينة", "أبها", "تبوك", "حائل", "جازان", "نجران"};
  for (int i = 0; i < 10; ++i) {  // كورونا and الكورونا: a word, not a name to respell
    std::string virus = i % 2 ? "كورونا" : "الكورونا";
    write_file(
        tmp / "in" / ("covid" + std::to_string(i) + ".txt"),
        news_item("إصابات جديدة", "سجلت وزارة الصحة إصابات جديدة بفيروس " + virus + " في " + cities[i] + ".", i + 1));
  }
  write_file(tmp / "in" / "typo.txt", news_item("حالة جديدة", "سجلت مدينة العلا حالة إصابة بفيروس كرونا.", 20));
  auto a = run_nsearch({"index", "--index", (tmp / "idx").string(), (tmp / "in").string()});
  ASSERT_EQ(a.exit_code, 0) << a.err;
  auto r = run_nsearch({"search", "--index", (tmp / "idx").string(), "كرونا", "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  json j = json::parse(r.out);
  EXPECT_EQ(j["total"], 1) << r.out;
  EXPECT_EQ(j["suggestion"], "كورونا") << r.out;
  auto common = run_nsearch({"search", "--index", (tmp / "idx").string(), "كورونا", "--format", "json"});
  EXPECT_TRUE(json::parse(common.out)["suggestion"].is_null()) << common.out;
}

TEST_F(Search, ShowByIdAndPrefix) {
  // The whole id, a unique prefix of it, and an article file's id without its root's name.
  for (const char* id :
       {"corpus/002_531c9af4ea5c5933.txt", "corpus/002_531c9af4ea5c5933", "002_531c9af4ea5c5933.txt"}) {
    auto r = run_nsearch({"show", "--index", index_dir(), id});
    EXPECT_EQ(r.exit_code, 0) << id << ": " << r.err;
    EXPECT_NE(r.out.find("ميدل إيست أون لاين"), std::string::npos) << id;
  }
  auto nope = run_nsearch({"show", "--index", index_dir(), "nope"});
  EXPECT_EQ(nope.exit_code, 1);
  EXPECT_EQ(nope.err, "nsearch: no article with id 'nope'\n");
  auto several = run_nsearch({"show", "--index", index_dir(), "corpus/00"});
  EXPECT_EQ(several.exit_code, 1);
  EXPECT_NE(several.err.find("'corpus/00' matches several articles: corpus/000_aff02f4700e004a1.txt, "),
            std::string::npos)
      << several.err;
}

TEST_F(Search, HelpQueryAndExamples) {
  EXPECT_NE(run_nsearch({"help", "query"}).out.find("date:2024-01..2024-06"), std::string::npos);
  for (const char* cmd : {"index", "search", "analyze", "stats", "show"}) {
    auto h = run_nsearch({cmd, "--help"});
    EXPECT_EQ(h.exit_code, 0) << cmd;
    EXPECT_NE(h.out.find("Examples:"), std::string::npos) << cmd;
  }
  EXPECT_NE(run_nsearch({"--help"}).out.find("Examples:"), std::string::npos);
}

// --weighting is the ablation bench's switch: another scheme changes the scores, and a name it
// does not know is a usage error that lists the ones it does.
TEST_F(Search, WeightingSwitchChangesScoresAndRejectsUnknownNames) {
  auto scores = [&](const char* weight) {
    std::vector<std::string> args = {"--index", index_dir(), "حفتر أنقرة", "--format", "json"};
    if (weight) args.insert(args.end(), {"--weighting", weight});
    return run_nsearch(args);
  };
  auto dlh = scores(nullptr), bm25 = scores("bm25:1.2,0.75"), bad = scores("okapi");
  ASSERT_EQ(dlh.exit_code, 0) << dlh.err;
  ASSERT_EQ(bm25.exit_code, 0) << bm25.err;
  auto first_score = [](const RunResult& r) { return json::parse(r.out)["hits"][0]["score"].get<double>(); };
  EXPECT_NE(first_score(dlh), first_score(bm25));
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("'okapi' is not a weighting"), std::string::npos) << bad.err;
  EXPECT_NE(bad.err.find("bm25[:K1,B]"), std::string::npos) << bad.err;
}

// corpus/ plus a few short news items, indexed once for a suite.
class CorpusPlus : public ::testing::Test {
 protected:
  // items: file name and text, front matter included.
  static void index_with(const std::vector<std::pair<std::string, std::string>>& items) {
    tmp_ = new TempDir();
    fs::copy(source_dir() / "corpus", *tmp_ / "in");
    for (const auto& [name, text] : items) write_file(*tmp_ / "in" / name, text);
    auto a = run_nsearch({"index", "--index", index_dir(), (*tmp_ / "in").string()});
    ASSERT_EQ(a.exit_code, 0) << a.err;
  }
  static void TearDownTestSuite() {
    delete tmp_;
    tmp_ = nullptr;
  }
  static std::string index_dir() { return (*tmp_ / "idx").string(); }
  static std::vector<std::string> ranked(const std::string& query) {
    auto r = run_nsearch({"search", "--index", index_dir(), query, "--format", "ids", "-n", "100"});
    EXPECT_LE(r.exit_code, 1) << r.err;
    std::vector<std::string> out;
    for (size_t p = 0, q; (q = r.out.find('\n', p)) != std::string::npos; p = q + 1)
      out.push_back(r.out.substr(p, q - p));
    return out;
  }
  static std::set<std::string> ids(const std::string& query) {
    auto r = ranked(query);
    return {r.begin(), r.end()};
  }
  static inline TempDir* tmp_ = nullptr;
};

// Clitics joined by the vocabulary: corpus/ plus short news items in which أمل (hope), كامل
// (whole) and بأمل (with hope) stand apart, as they do in the news corpus, and بوتين (a name,
// seen after a preposition: ببوتين, لبوتين) stays apart from وتين (the aorta).
class Clitics : public CorpusPlus {
 protected:
  static void SetUpTestSuite() {
    index_with(
        {{"hope.txt",
          news_item("أمل في الحوار", "أعرب المبعوث عن أمل في استئناف الحوار، وقال إن الأمل ما زال قائما.", 5)},
         {"whole.txt",
          news_item("انسحاب كامل", "طالبت الحكومة بانسحاب كامل للقوات، ورأت أن الانسحاب الكامل شرط للحوار.", 6)},
         {"with_hope.txt", news_item("وفد يصل", "وصل الوفد الليبي بأمل لقاء المسؤولين بأنقرة.", 7)},
         {"putin_call.txt",
          news_item("اتصال هاتفي", "أجرى الرئيس اتصالا هاتفيا ببوتين، وقال بوتين إن الحوار مستمر.", 8)},
         {"putin_letter.txt", news_item("رسالة إلى موسكو", "بعث الوزير رسالة لبوتين تتناول الحوار.", 9)},
         {"aorta.txt",
          news_item("جراحة دقيقة", "أصلح الأطباء الوتين، وهو أكبر شريان في الجسم، وقالوا إن وتين المريض سليم.", 10)}});
  }
};

TEST_F(Clitics, AWordAfterACliticFindsTheWord) {
  auto ankara = ids("أنقرة");
  EXPECT_EQ(ankara.size(), 4u);  // three seed articles and with_hope.txt (بأنقرة)
  EXPECT_TRUE(ankara.count("in/with_hope.txt"));
  EXPECT_EQ(ids("بأنقرة"), ankara);
  EXPECT_EQ(ids("لحفتر"), ids("حفتر"));
  // The name rules read the word without its clitic: بأمل is native, as أمل (الأمل) is.
  auto r = run_nsearch({"analyze", "--index", index_dir(), "--forms", "بأمل"});
  EXPECT_NE(r.out.find("not a name here"), std::string::npos) << r.out;
}

TEST_F(Clitics, WordsThatOnlyBeginAlikeStayApart) {
  // بأمل is ب + أمل (الأمل is indexed, البأمل is not); كامل is a word (الكامل is indexed).
  EXPECT_EQ(ids("أمل"), (std::set<std::string>{"in/hope.txt", "in/with_hope.txt"}));
  EXPECT_EQ(ids("كامل"), (std::set<std::string>{"in/whole.txt"}));
  EXPECT_EQ(ids("بطاطس"), std::set<std::string>{});
  // بوتين could be ب + وتين (الوتين is indexed), but a preposition precedes it in two articles.
  EXPECT_EQ(ids("بوتين"), (std::set<std::string>{"in/putin_call.txt", "in/putin_letter.txt"}));
  EXPECT_EQ(ids("وتين"), std::set<std::string>{"in/aorta.txt"});
}

TEST_F(Clitics, TheJoinedFormIsHighlighted) {
  auto r = run_nsearch({"search", "--index", index_dir(), "أنقرة", "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  bool found = false;
  json j = json::parse(r.out);
  for (const auto& h : j["hits"]) {
    if (h["id"] != "in/with_hope.txt") continue;
    found = true;
    std::string snippet = h["snippet"];
    ASSERT_EQ(h["highlights"].size(), 1u) << snippet;
    size_t s = h["highlights"][0]["start"], e = h["highlights"][0]["end"];
    EXPECT_EQ(snippet.substr(s, e - s), "بأنقرة");
  }
  EXPECT_TRUE(found) << r.out;
}

// Names in other spellings: corpus/ spells غولر, قالن (and once كالين), إلقاي/إلكاي; four short
// news items hold native words that differ by the same letters (جزيرة/غزيرة, قانون/كانون).
class Names : public CorpusPlus {
 protected:
  static void SetUpTestSuite() {
    index_with(
        {{"island.txt", news_item("وصول الوفد", "وصل الوفد إلى جزيرة مالطا، وتقع الجزيرة في البحر المتوسط.")},
         {"rain.txt", news_item("أمطار", "هطلت أمطار غزيرة على المدينة، وتسببت الأمطار الغزيرة في فيضانات.")},
         {"law.txt", news_item("قانون الانتخابات", "أقر البرلمان قانون الانتخابات، وينص القانون على إجراء الاقتراع.")},
         {"month.txt", news_item("موعد الاقتراع", "تجري الانتخابات في كانون الثاني المقبل.")}});
  }
};

// Words derived by a suffix the stemmer leaves (the dual, the feminine, the nisba): corpus/ plus
// Lucene's ArabicStemFilter test words, each in an item of its own, a name with its nisba, and
// الرياض (Riyadh) beside الرياضة and الرياضية (sport, sporting), which only share letters.
class Derived : public CorpusPlus {
 protected:
  static void SetUpTestSuite() {
    std::vector<std::pair<std::string, std::string>> items = {
        {"egypt.txt", news_item("زيارة", "زار الوفد مصر الأسبوع الماضي.")},
        {"egyptian.txt", news_item("تصريح", "قال المسؤول المصري إن المحادثات مستمرة.")},
        {"riyadh.txt", news_item("وصول", "وصل الوفد إلى الرياض مساء أمس.")},
        {"sport.txt", news_item("أندية", "تعمل الوزارة على تطوير الرياضة والأندية الرياضية.")}};
    for (const auto& w : kLucenePairs) items.push_back({w + ".txt", news_item("خبر", "كتب " + w + " في تقريره.")});
    // ساهدة and ساهده are one word after normalization, in two articles: a derived word joins
    // a word at least as common as itself, so ساهد is in two as well.
    items.push_back({"ساهد-2.txt", news_item("خبر آخر", "وصل ساهد أمس.")});
    index_with(items);
  }
  // ArabicStemFilter's words whose suffix the stemmer leaves; each stems to ساهد there.
  static inline const std::vector<std::string> kLucenePairs = {"ساهد",  "ساهدان", "ساهدية", "ساهديه",
                                                               "ساهدة", "ساهده",  "ساهدي",  "ساهدهات"};
};

TEST_F(Derived, LucenesSuffixPairsAreJoined) {
  // Every article, copies of one story included (ساهدة and ساهده read alike).
  auto found = [](const std::string& word) {
    auto r =
        run_nsearch({"search", "--index", index_dir(), word, "--format", "ids", "-n", "100", "--duplicates", "show"});
    EXPECT_LE(r.exit_code, 1) << r.err;
    return r.out;
  };
  std::string base = found("ساهد");
  for (const auto& w : kLucenePairs) EXPECT_NE(base.find("in/" + w + ".txt"), std::string::npos) << w;
  // Back to ساهد from the derived words in as many articles as it (two), not from the rarer
  // ones: the base of a rare word may be another, common word.
  for (const auto& w : {"ساهدة", "ساهدية"}) EXPECT_NE(found(w).find("in/ساهد.txt"), std::string::npos) << w;
  EXPECT_EQ(found("ساهدان").find("in/ساهد.txt"), std::string::npos);
}

TEST_F(Derived, ANameFindsItsNisbaAndBack) {
  EXPECT_TRUE(ids("مصر").count("in/egyptian.txt"));
  EXPECT_TRUE(ids("المصري").count("in/egypt.txt"));
  EXPECT_EQ(ranked("مصر").front(), "in/egypt.txt");  // the word as written first
}

TEST_F(Derived, AWordThatTakesTheArticleKeepsItsMatches) {
  // رياض is written only as الرياض, so it is no name: الرياضة and الرياضية add weight to an
  // article that holds الرياض, and find nothing alone.
  EXPECT_EQ(ids("الرياض"), std::set<std::string>{"in/riyadh.txt"});
  EXPECT_FALSE(ids("الرياضة").count("in/riyadh.txt"));
  EXPECT_EQ(ids("=الرياض"), std::set<std::string>{"in/riyadh.txt"});
}

// Nouns with an attached pronoun: حكومة in three items, with the article, with his and with her;
// رياضة (sport) beside الرياض, where رياض + ه only shares letters (الرياضة is indexed).
class Possessives : public CorpusPlus {
 protected:
  static void SetUpTestSuite() {
    index_with({{"government.txt", news_item("خطة", "أعلنت الحكومة خطة جديدة للنقل.")},
                {"his.txt", news_item("تصريح", "قال الرئيس إن حكومته ستعلن خطة للنقل.")},
                {"her.txt", news_item("مؤتمر", "قالت الوزيرة إن حكومتها تدرس خطة للنقل.")},
                {"riyadh.txt", news_item("وصول", "وصل الوفد إلى الرياض مساء أمس.")},
                {"sport.txt", news_item("المشي", "تحدث الوزير عن الرياضة في المدارس، وقال إن رياضه المشي مفيدة.")}});
  }
};

TEST_F(Possessives, ANounFindsItWithAPronoun) {
  auto found = ids("حكومة");  // the seed articles write الحكومة too
  for (const char* id : {"in/government.txt", "in/his.txt", "in/her.txt"}) EXPECT_TRUE(found.count(id)) << id;
  EXPECT_FALSE(found.count("in/riyadh.txt"));
  EXPECT_EQ(ids("الحكومة"), found);
}

TEST_F(Possessives, ThePronounAsTypedRanksFirstAndFindsTheNoun) {
  auto his = ranked("حكومته");
  ASSERT_FALSE(his.empty());
  EXPECT_EQ(his.front(), "in/his.txt");
  EXPECT_EQ(std::set<std::string>(his.begin(), his.end()), ids("حكومة"));
  EXPECT_EQ(ranked("=حكومته"), std::vector<std::string>{"in/his.txt"});
}

TEST_F(Possessives, ANounOfItsOwnIsNoPronounForm) {
  // رياضه is held with the article as often as without: a word, not رياض + ه.
  EXPECT_EQ(ids("رياض"), std::set<std::string>{"in/riyadh.txt"});
  EXPECT_FALSE(ids("رياضه").count("in/riyadh.txt"));
}

// Words that begin with و of their own (وكالة: الوكالة is indexed), beside الإله (god), which
// وكالة would reach as و + ك + اله, التي, which اله would reach as اله + ي, and الآلي
// (automatic), whose stem is إلى's.
class OwnWaw : public CorpusPlus {
 protected:
  static void SetUpTestSuite() {
    index_with({{"the_agency.txt", news_item("وصول", "ذكرت الوكالة أن الوفد وصل إلى المدينة التي شهدت الاجتماع.")},
                {"agency.txt", news_item("اجتماع", "قالت وكالة الأنباء إن الاجتماع انتهى.")},
                {"god.txt", news_item("أساطير", "كان رع إله الشمس عند المصريين القدماء، وكان الإله الأعظم.")},
                {"robot.txt", news_item("روبوت", "طور المهندسون نظام التحكم الآلي في المصنع.")},
                {"agencies.txt", news_item("تغطية", "نقلت وكالات الأنباء الخبر، وتابعت الوكالات التطورات.")}});
  }
};

TEST_F(OwnWaw, AWordKeepsItsWawAndFindsItWithTheArticle) {
  auto agency = ids("وكالة");
  EXPECT_TRUE(agency.count("in/the_agency.txt"));
  EXPECT_TRUE(agency.count("in/agency.txt"));
  EXPECT_FALSE(agency.count("in/god.txt"));
  auto the_agency = ids("الوكالة");
  EXPECT_TRUE(the_agency.count("in/agency.txt"));
  EXPECT_FALSE(the_agency.count("in/god.txt"));
  // كالين (a name in the seeds) stems to كال, as وكالات would without its و.
  EXPECT_FALSE(ids("كالين").count("in/agencies.txt"));
  auto r = run_nsearch({"analyze", "--index", index_dir(), "--forms", "والوكالة"});
  EXPECT_NE(r.out.find("not a name here"), std::string::npos) << r.out;
}

TEST_F(OwnWaw, AFunctionWordIsNoFormOfAnotherWord) {
  // الآلي stems to الي, which is also إلى (to), written in most articles.
  EXPECT_EQ(ids("الآلي"), std::set<std::string>{"in/robot.txt"});
  // Nor is another word a form of a function word, alone or in a phrase.
  EXPECT_FALSE(ids("إلى").count("in/robot.txt"));
  EXPECT_FALSE(ids("\"التحكم إلى\"").count("in/robot.txt"));
  EXPECT_EQ(ids("\"إلى المدينة\""), std::set<std::string>{"in/the_agency.txt"});
}

TEST_F(OwnWaw, AFormFarMoreCommonThanItsNounIsAnotherWord) {
  EXPECT_EQ(ids("إله"), std::set<std::string>{"in/god.txt"});  // not every article holding التي
}

// Lucene's public test pairs for ArabicStemFilter (21) and ArabicNormalizationFilter (14): the
// input and the form Lucene reduces it to. Each word is an article of its own (one for each
// distinct word: ساهد once, as each of its derived words); both must find each other, as they do
// in Lucene by sharing a term.
class LucenePairs : public CorpusPlus {
 protected:
  static void SetUpTestSuite() {
    std::vector<std::pair<std::string, std::string>> items;
    for (const auto& [in, out] : kPairs) {
      for (const auto& w : {in, out}) {
        if (!file_of_.count(w)) file_of_[w] = fmt::format("w{}.txt", file_of_.size());
      }
    }
    for (const auto& [w, file] : file_of_) items.push_back({file, news_item("خبر", "كتب " + w + " في تقريره.")});
    // ساهدة and ساهده (ساهدية and ساهديه) are one word after normalization, in two articles; a
    // derived word joins a word at least as common as itself, so ساهد is in two as well.
    items.push_back({"ساهد-2.txt", news_item("خبر آخر", "وصل ساهد أمس.")});
    index_with(items);
  }
  static inline std::map<std::string, std::string> file_of_;
  static std::string found(const std::string& word) {
    auto r =
        run_nsearch({"search", "--index", index_dir(), word, "--format", "ids", "-n", "200", "--duplicates", "show"});
    EXPECT_LE(r.exit_code, 1) << r.err;
    return r.out;
  }
  static inline const std::vector<std::pair<std::string, std::string>> kPairs = {// ArabicStemFilter
                                                                                 {"الحسن", "حسن"},
                                                                                 {"والحسن", "حسن"},
                                                                                 {"بالحسن", "حسن"},
                                                                                 {"كالحسن", "حسن"},
                                                                                 {"فالحسن", "حسن"},
                                                                                 {"للاخر", "اخر"},
                                                                                 {"وحسن", "حسن"},
                                                                                 {"زوجها", "زوج"},
                                                                                 {"ساهدان", "ساهد"},
                                                                                 {"ساهدات", "ساهد"},
                                                                                 {"ساهدون", "ساهد"},
                                                                                 {"ساهدين", "ساهد"},
                                                                                 {"ساهديه", "ساهد"},
                                                                                 {"ساهدية", "ساهد"},
                                                                                 {"ساهده", "ساهد"},
                                                                                 {"ساهدة", "ساهد"},
                                                                                 {"ساهدي", "ساهد"},
                                                                                 {"وساهدون", "ساهد"},
                                                                                 {"ساهدهات", "ساهد"},
                                                                                 {"الو", "الو"},
                                                                                 {"English", "English"},
                                                                                 // ArabicNormalizationFilter
                                                                                 {"آجن", "اجن"},
                                                                                 {"أحمد", "احمد"},
                                                                                 {"إعاذ", "اعاذ"},
                                                                                 {"بنى", "بني"},
                                                                                 {"فاطمة", "فاطمه"},
                                                                                 {"روبرـــــت", "روبرت"},
                                                                                 {"مَبنا", "مبنا"},
                                                                                 {"علِي", "علي"},
                                                                                 {"بُوات", "بوات"},
                                                                                 {"ولداً", "ولدا"},
                                                                                 {"ولدٍ", "ولد"},
                                                                                 {"ولدٌ", "ولد"},
                                                                                 {"نلْسون", "نلسون"},
                                                                                 {"هتميّ", "هتمي"}};
};

// The form Lucene reduces a word to finds the word: all 35. Back from the word to that form:
// all but a derived word whose base is more common than itself (ساهدان, ساهدي: one article
// against ساهد's two), which by the rule of derived_forms.h may be another word.
TEST_F(LucenePairs, AllThirtyFiveJoin) {
  ASSERT_EQ(kPairs.size(), 35u);
  const std::set<std::string> rarer_than_their_base = {"ساهدان", "ساهدي"};
  int there_count = 0, back_count = 0;
  for (const auto& [in, out] : kPairs) {
    bool there = found(out).find("in/" + file_of_[in]) != std::string::npos;
    bool back = found(in).find("in/" + file_of_[out]) != std::string::npos;
    EXPECT_TRUE(there) << out << " does not find " << in;
    EXPECT_EQ(back, !rarer_than_their_base.count(in)) << in << " and " << out;
    there_count += there;
    back_count += back;
  }
  EXPECT_EQ(there_count, 35);
  EXPECT_EQ(back_count, 33);
}

// The sound feminine plural ات: الرياضات (sports) is the plural of الرياضة, not of الرياض
// (Riyadh), which only shares its letters; الملكات of الملكة, not of الملك. القرارات is the plural
// of القرار: no القرارة is indexed, so it stays with it.
class Plurals : public CorpusPlus {
 protected:
  static void SetUpTestSuite() {
    index_with({{"riyadh.txt", news_item("وصول", "وصل الوفد إلى الرياض مساء أمس.")},
                {"sport.txt", news_item("أندية", "تعمل الوزارة على تطوير الرياضة في المدارس.")},
                {"sports.txt", news_item("بطولة", "تشمل البطولة عددا من الرياضات الجماعية.")},
                {"king.txt", news_item("استقبال", "استقبل الملك الوفد في القصر.")},
                {"queen.txt", news_item("زيارة", "زارت الملكة المعرض أمس.")},
                {"queens.txt", news_item("حفل", "حضرت الملكات الحفل السنوي.")},
                {"decision.txt", news_item("مجلس", "أصدر المجلس القرار بالإجماع.")},
                {"decisions.txt", news_item("جلسة", "ناقشت الجلسة القرارات الأخيرة.")}});
  }
};

TEST_F(Plurals, AFeminineLookAlikesPluralIsNotTheWords) {
  EXPECT_EQ(ids("الرياض"), std::set<std::string>{"in/riyadh.txt"});
  EXPECT_FALSE(ids("الملك").count("in/queens.txt"));
  // The plural as typed finds itself.
  EXPECT_TRUE(ids("الرياضات").count("in/sports.txt"));
  EXPECT_TRUE(ids("الملكات").count("in/queens.txt"));
}

TEST_F(Plurals, AMasculinePluralStaysWithItsWord) {
  auto decision = ids("القرار");  // corpus/ 004 holds it too
  EXPECT_TRUE(decision.count("in/decision.txt") && decision.count("in/decisions.txt"));
}

constexpr const char* k000 = "in/000_aff02f4700e004a1.txt";
constexpr const char* k001 = "in/001_183260085f83e7c3.txt";
constexpr const char* k002 = "in/002_531c9af4ea5c5933.txt";
constexpr const char* k003 = "in/003_b84856964a7b5a3d.txt";
constexpr const char* k004 = "in/004_f090aae47d831c2d.txt";

TEST_F(Names, ANameFindsItsOtherSpellings) {
  EXPECT_EQ(ids("جولر"), (std::set<std::string>{k000, k002, k004}));  // all spelled غولر
  EXPECT_EQ(ids("جولر"), ids("غولر"));
  auto kalin = ids("كالين");
  EXPECT_TRUE(kalin.count(k001) && kalin.count(k003));  // 001 spells it قالن only
  EXPECT_EQ(ids("قالن"), (std::set<std::string>{k001, k003}));
}

TEST_F(Names, TheSpellingAsWrittenRanksFirst) {
  auto kalin = ranked("كالين");
  ASSERT_FALSE(kalin.empty());
  EXPECT_EQ(kalin[0], k003);  // the only article that writes كالين
  auto r = run_nsearch({"search", "--index", index_dir(), "جولر", "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  json j = json::parse(r.out);
  for (const auto& h : j["hits"]) {
    std::string snippet = h["snippet"];
    ASSERT_FALSE(h["highlights"].empty()) << snippet;
    size_t s = h["highlights"][0]["start"], e = h["highlights"][0]["end"];
    EXPECT_NE(snippet.substr(s, e - s).find("غولر"), std::string::npos) << snippet;
  }
}

TEST_F(Names, AnExactWordTakesNoOtherSpelling) {
  EXPECT_EQ(ids("=جولر"), std::set<std::string>{});
  EXPECT_EQ(ids("=كالين"), std::set<std::string>{k003});
}

TEST_F(Names, NativeWordsThatDifferByTheSameLettersStayApart) {
  // Each takes the article (الجزيرة, الغزيرة, القانون), so none of them is a name.
  EXPECT_FALSE(ids("جزيرة").count("in/rain.txt"));
  EXPECT_FALSE(ids("غزيرة").count("in/island.txt"));
  EXPECT_FALSE(ids("قانون").count("in/month.txt"));
  // كانون takes no article here, but its respelling قانون does.
  auto kanun = ids("كانون");
  EXPECT_TRUE(kanun.count("in/month.txt"));
  EXPECT_FALSE(kanun.count("in/law.txt"));
}

TEST_F(Names, AnalyzeShowsTheSpellingsAWordFindsAndWhy) {
  auto r = run_nsearch({"analyze", "--index", index_dir(), "--forms", "جولر قانون"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("also spelled غولر (ج→غ)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("قانون: "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("not a name here"), std::string::npos) << r.out;
  auto j = run_nsearch({"analyze", "--index", index_dir(), "--forms", "--format", "json", "كالين"});
  ASSERT_EQ(j.exit_code, 0) << j.err;
  json doc = json::parse(j.out);
  ASSERT_EQ(doc["words"].size(), 1u);
  EXPECT_TRUE(doc["words"][0]["name"].get<bool>());
  bool qalin = false;
  for (const auto& v : doc["words"][0]["variants"]) qalin |= v["word"] == "قالن";
  EXPECT_TRUE(qalin) << j.out;
}

// On five articles DLH gives nothing to a word most of them hold; each such word still counts,
// so an article holding all three words ranks above those holding fewer of them that DLH
// also scored 0, and no hit scores 0.
TEST(SmallCollection, EveryMatchedWordCounts) {
  TempDir tmp;
  auto a = run_nsearch({"index", "--index", (tmp / "idx").string(), (source_dir() / "corpus").string()});
  ASSERT_EQ(a.exit_code, 0) << a.err;
  auto r = run_nsearch({"search", "--index", (tmp / "idx").string(), "صدام حفتر أنقرة", "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto hits = json::parse(r.out)["hits"];
  ASSERT_EQ(hits.size(), 5u);
  std::vector<std::string> order;
  for (const auto& h : hits) {
    EXPECT_GT(h["score"].get<double>(), 0.0) << h["id"];
    order.push_back(h["id"]);
  }
  auto at = [&](const std::string& id) { return std::find(order.begin(), order.end(), id) - order.begin(); };
  // 001 holds all three words, 003 حفتر and أنقرة, 004 only حفتر.
  EXPECT_LT(at("corpus/001_183260085f83e7c3.txt"), at("corpus/003_b84856964a7b5a3d.txt"));
  EXPECT_LT(at("corpus/003_b84856964a7b5a3d.txt"), at("corpus/004_f090aae47d831c2d.txt"));
}

// The index holds words unstemmed; a stem's forms are looked up (local) or all candidates are
// kept (remote). The indexed ones must be the same either way, and every form must stem back
// to the word's stem.
TEST_F(Search, BothWaysOfFindingAWordsFormsAgree) {
  Xapian::Database db = open_index_for_reading(index_dir());
  Analyzer analyzer;
  std::size_t with_several = 0, clitic_joined = 0;
  for (const auto& tok : analyzer.analyze("الليبية حفتر أنقرة الدفاع التركي قوات وزير الحكومة طرابلس اتفاق")) {
    for (std::string prefix : {"", "S"}) {
      WordForms local = indexed_forms(db, analyzer, prefix, tok.normalized, tok.term, FormSearch::LookUpCandidates);
      WordForms remote = indexed_forms(db, analyzer, prefix, tok.normalized, tok.term, FormSearch::AllCandidates);
      // The same list either way (the synonym tree's shape depends on it), only marked differently.
      EXPECT_EQ(local.terms, remote.terms) << tok.normalized;
      EXPECT_EQ(local.variants, remote.variants) << tok.normalized;
      EXPECT_EQ(local.derived, remote.derived) << tok.normalized;
      std::vector<std::string> looked_up = local.held_forms(), kept;
      for (const auto& f : remote.held_forms()) {
        if (db.term_exists(f)) kept.push_back(f);
      }
      EXPECT_EQ(looked_up, kept) << tok.normalized << " prefix '" << prefix << "'";
      // A word beginning with و that takes the article (وزير: الوزير) is stemmed with its و.
      std::string term = tok.term;
      if (tok.normalized.starts_with("و") && db.term_exists(prefix + "ال" + tok.normalized))
        term = analyzer.stem("ال" + tok.normalized);
      for (const auto& f : looked_up) {
        std::string form = f.substr(prefix.size());
        if (analyzer.stem(form) == term || form == term) continue;
        // Otherwise a clitic form (لحفتر, بقوات) or a noun with a pronoun (قواتنا, بحكومته) the
        // vocabulary joins to one of the word's forms.
        auto rest = clitic_rest(db, analyzer, prefix, form);
        std::string word = rest ? *rest : form;
        if (analyzer.stem(word) != term) {
          auto noun = possessed_noun(db, prefix, word);
          ASSERT_TRUE(noun.has_value()) << f;
          word = *noun;
        }
        EXPECT_EQ(analyzer.stem(word), term) << f;
        clitic_joined += rest.has_value();
      }
      with_several += looked_up.size() > 1;
    }
  }
  EXPECT_GT(with_several, 3u);  // the corpus has ال/و/plural forms of several of these words
  EXPECT_GT(clitic_joined, 0u);
}

// A word's synonym is a tree fixed by its candidate forms alone: a form the index lacks is
// left out without moving the others, so looked-up forms (local) and all candidates (remote)
// give the same frequency estimates, and so the same weights, on every shard layout.
TEST(SynonymTree, ShapeDependsOnTheWordNotOnWhichFormsAreIndexed) {
  WordForms all{{"a", "b", "c", "d", "e"}, {true, true, true, true, true}, {}, {}, {}, {}};
  EXPECT_EQ(forms_query(all, Xapian::Query::OP_SYNONYM).get_description(),
            "Query(((a SYNONYM b) SYNONYM (c SYNONYM (d SYNONYM e))))");
  WordForms some{all.terms, {true, false, true, false, true}, {}, {}, {}, {}};
  EXPECT_EQ(forms_query(some, Xapian::Query::OP_SYNONYM).get_description(), "Query((a SYNONYM (c SYNONYM e)))");
  EXPECT_EQ(forms_query(some, Xapian::Query::OP_OR).get_description(), "Query((a OR c OR e))");
  WordForms none{all.terms, {false, false, false, false, false}, {}, {}, {}, {}};
  EXPECT_TRUE(forms_query(none, Xapian::Query::OP_SYNONYM).empty());
}

// Whole titles: an entry titled with two of the query's words, beside a short report that
// holds all three in its body and weighs more (DLH: 10.58 against 8.45) until the entry's
// whole-title match raises it (10.98).
class WholeTitles : public CorpusPlus {
 protected:
  static void SetUpTestSuite() {
    index_with({{"entry.txt", news_item("جامعة القرى",
                                        "جامعة حكومية في مكة، تضم كليات للطب والهندسة والشريعة والتربية واللغة "
                                        "العربية، ويدرس فيها نحو ثلاثين ألف طالب وطالبة في ثلاثة مواقع.")},
                {"report.txt", news_item("طلاب الجامعة يحتفلون بتخريج دفعة جديدة",
                                         "احتفلت جامعة القرى بتخريج طلابها، وقال مديرها إن الجامعة تأسست قبل "
                                         "أربعين عاما.")}});
  }
};

TEST_F(WholeTitles, AnArticleTitledWithTheQueryRanksFirst) {
  EXPECT_EQ(ranked("متى تأسست جامعة القرى").front(), "in/entry.txt");
}

TEST_F(WholeTitles, PagesAgreeWithTheWholeList) {
  const char* query = "متى تأسست جامعة القرى";
  const auto all = ranked(query);
  ASSERT_GE(all.size(), 3u);
  std::vector<std::string> paged;
  for (std::size_t offset = 0; offset < all.size(); ++offset) {
    auto r = run_nsearch(
        {"search", "--index", index_dir(), query, "--format", "ids", "-n", "1", "--offset", std::to_string(offset)});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    paged.push_back(r.out.substr(0, r.out.find('\n')));
  }
  EXPECT_EQ(paged, all);
}

}  // namespace
}  // namespace nsearch::test
