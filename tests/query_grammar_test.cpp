// The query grammar, pinned as a table: query text -> the compiled query's description and the
// warnings of its repairs. The words are looked up in a real index built from corpus/, as the
// searcher does. Latin words the corpus lacks (alpha, beta, ...) keep the descriptions short:
// a word with no indexed form is its own term, which matches nothing.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "common/errors.h"
#include "common/open_index.h"
#include "searcher/prefix_forms.h"
#include "searcher/query_parser.h"
#include "searcher/term_forms.h"
#include "tests/test_support.h"

namespace nsearch::test {
namespace {

class QueryGrammar : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    tmp_ = new TempDir();
    auto r = run_nsearch({"index", "--index", (*tmp_ / "idx").string(), (source_dir() / "corpus").string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    db_ = new Xapian::Database(open_index_for_reading(*tmp_ / "idx"));
  }
  static void TearDownTestSuite() {
    delete db_;
    delete tmp_;
  }

  static ParsedQuery parse(const std::string& text) {
    static const Analyzer analyzer;
    return parse_query(
        text, analyzer,
        [&](std::string_view prefix, const Token& w) {
          return indexed_forms(*db_, analyzer, prefix, w.normalized, w.term);
        },
        [&](std::string_view prefix, const Token& w) { return prefix_forms(*db_, analyzer, prefix, w); });
  }
  static std::string warnings(const ParsedQuery& q) {
    std::string all;
    for (const auto& w : q.warnings) all += (all.empty() ? "" : " | ") + w;
    return all;
  }

  static inline TempDir* tmp_ = nullptr;
  static inline Xapian::Database* db_ = nullptr;
};

struct Row {
  const char* query;
  const char* description;  // Xapian::Query::get_description() of the compiled query
  const char* warnings;     // the repairs reported, " | " between them
};

// Every operator and field, and how each combines with the others.
const Row kGrammar[] = {
    // Words rank: any may match (docs/relevance.md).
    {"alpha", "Query(alpha)", ""},
    {"alpha beta", "Query((alpha OR beta))", ""},
    {"alpha AND beta", "Query((alpha AND beta))", ""},
    {"alpha OR beta", "Query((alpha OR beta))", ""},
    {"alpha NOT beta", "Query((alpha AND_NOT beta))", ""},
    {"alpha -beta", "Query((alpha AND_NOT beta))", ""},
    {"NOT alpha", "Query((<alldocuments> AND_NOT alpha))", ""},
    {"-alpha", "Query((<alldocuments> AND_NOT alpha))", ""},
    {"alpha OR -beta", "Query((alpha OR (<alldocuments> AND_NOT beta)))", ""},
    {"alpha NOT NOT beta", "Query((alpha OR beta))", ""},
    {"-(alpha beta)", "Query((<alldocuments> AND_NOT (alpha OR beta)))", ""},
    {"(alpha OR beta) gamma", "Query(((alpha OR beta) OR gamma))", ""},
    {"alpha AND (beta OR gamma)", "Query((alpha AND (beta OR gamma)))", ""},
    // Phrases, exact forms, prefixes.
    {"\"alpha beta\"", "Query((alpha PHRASE 2 beta))", ""},
    {"\"alpha\"", "Query(alpha)", ""},
    {"=alpha", "Query(alpha)", ""},
    {"=\"alpha beta\"", "Query((alpha PHRASE 2 beta))", ""},
    {"alph*", "Query(alph)", ""},  // no indexed word begins so: matches nothing, as a missing word
    // An indexed word: its forms with the same stem, weighed as one term.
    {"حفتر", "Query((حفتر SYNONYM (لحفتر SYNONYM وحفتر)))", ""},  // لحفتر: the clitic ل, joined by the vocabulary
    {"حفت*", "Query((حفتر SYNONYM وحفتر))", ""},
    // Fields.
    {"title:alpha", "Query(Salpha)", ""},
    {"title:حفتر", "Query(Sحفتر)", ""},
    {"title:\"alpha beta\"", "Query((Salpha PHRASE 2 Sbeta))", ""},
    {"title:alpha*", "Query(Salpha)", ""},
    {"source:alpha", "Query(XSalpha)", ""},
    {"source:\"alpha beta\"", "Query(XSalpha beta)", ""},
    {"date:2024", "Query(XY2024)", ""},
    {"date:2024-10-23", "Query(XD20241023)", ""},
    {"date:2024-10..2024-12", "Query((XM202410 OR XM202411 OR XM202412))", ""},
    {"date:..2020", "Query(VALUE_LE 1 20201231)", ""},
    {"date:2025..", "Query(VALUE_GE 0 20250101)", ""},
    {"author:alpha", "Query(XAalpha)", ""},
    {"author:\"alpha beta\"", "Query((XAalpha AND XAbeta))", ""},  // every word of the author
    {"author:\"alpha\" author:beta", "Query((XAalpha AND XAbeta))", ""},
    // Filters restrict the ranked part.
    {"alpha source:beta", "Query((alpha FILTER XSbeta))", ""},
    {"alpha date:2024", "Query((alpha FILTER XY2024))", ""},
    {"alpha author:beta", "Query((alpha FILTER XAbeta))", ""},
    // Stopwords leave ranking, unless nothing else is left.
    {"alpha في", "Query(alpha)", ""},
    {"في", "Query(في)", ""},
    // Text that only looks like a field is words.
    {"10:30", "Query((10 OR 30))", ""},
};

// Every repair: what is searched, and the warning that says what was changed.
const Row kRepairs[] = {
    {"\"alpha beta", "Query((alpha PHRASE 2 beta))", "unbalanced quote: the phrase was closed at the end of the query"},
    {"(alpha beta", "Query((alpha OR beta))", "unbalanced '(': closed at the end of the query"},
    {"alpha beta)", "Query((alpha OR beta))", "unbalanced ')': ignored"},
    {"al*pha", "Query(alpha)", "'*' works only at the end of a word (كتاب*): ignored elsewhere"},
    {"=al*pha", "Query(alpha)", "'*' works only at the end of a word (كتاب*): ignored elsewhere"},
    {"\"al*pha\"", "Query((al PHRASE 2 pha))", "'*' works only at the end of a word (كتاب*): ignored elsewhere"},
    {"foo:alpha", "Query((foo OR alpha))",
     "unknown field 'foo:' (fields are title:, source:, date:, author:); searched as words"},
    {"title: alpha", "Query(alpha)", "'title:' with nothing after it: ignored (write title:WORD, without a space)"},
    {"author: alpha", "Query(alpha)", "'author:' with nothing after it: ignored (write author:WORD, without a space)"},
    {"alpha NOT", "Query(alpha)", "NOT with nothing after it: ignored"},
    {"alpha AND", "Query(alpha)", ""},
    {"OR alpha", "Query(alpha)", ""},
    {"alpha OR", "Query(alpha)", ""},
    {"() alpha", "Query(alpha)", ""},
    {"alpha -", "Query(alpha)", ""},
    {"a1 a2 a3 a4 a5 a6 a7 a8 a9 a10 a11 a12 a13 a14 a15 a16 a17 a18 a19 a20 a21 a22 a23 a24 a25 a26 a27 a28 a29 "
     "a30 a31 a32 a33 a34",
     "Query((a1 OR a2 OR a3 OR a4 OR a5 OR a6 OR a7 OR a8 OR a9 OR a10 OR a11 OR a12 OR a13 OR a14 OR a15 OR a16 OR "
     "a17 OR a18 OR a19 OR a20 OR a21 OR a22 OR a23 OR a24 OR a25 OR a26 OR a27 OR a28 OR a29 OR a30 OR a31 OR a32))",
     "query longer than 32 words; the rest was ignored"},
};

void check(const Row& row, const ParsedQuery& q, const std::string& warnings) {
  EXPECT_EQ(q.query.get_description(), row.description) << row.query;
  EXPECT_EQ(warnings, row.warnings) << row.query;
}

TEST_F(QueryGrammar, EveryOperatorAndField) {
  for (const Row& row : kGrammar) {
    auto q = parse(row.query);
    check(row, q, warnings(q));
  }
}

TEST_F(QueryGrammar, EveryRepair) {
  for (const Row& row : kRepairs) {
    auto q = parse(row.query);
    check(row, q, warnings(q));
  }
}

// A pasted page: past kMaxQueryTokens words and operators the rest is cut before parsing.
TEST_F(QueryGrammar, TooManyTokensAreCut) {
  std::string text = "alpha";
  for (std::size_t i = 0; i < kMaxQueryTokens; ++i) text += " AND";
  text += " beta";
  auto q = parse(text);
  check({"", "Query(alpha)", "query longer than 512 words and operators; the rest was ignored"}, q, warnings(q));
}

// What has no sensible reading is an Error(ErrorCode::query) naming the problem.
TEST_F(QueryGrammar, Rejections) {
  const std::pair<const char*, const char*> rejected[] = {
      {"", "empty query: give at least one word, phrase or filter"},
      {"\"\"", "empty query: give at least one word, phrase or filter"},
      {"AND", "empty query: give at least one word, phrase or filter"},
      {"date:..", "date:.. needs at least one end, e.g. date:2020.. or date:..2020"},
      {"date:2024-13",
       "bad date '2024-13' in date:2024-13; use YYYY, YYYY-MM or YYYY-MM-DD, or a range A..B, ..B, A.."},
  };
  for (const auto& [text, message] : rejected) {
    try {
      parse(text);
      ADD_FAILURE() << "accepted: " << text;
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::query) << text;
      EXPECT_EQ(e.message(), message) << text;
    }
  }
}

// A prefix that begins more indexed words than the cap searches the most frequent ones, and
// says how many there were.
TEST_F(QueryGrammar, PrefixOverTheCapIsCutWithAWarning) {
  auto q = parse("ا*");
  ASSERT_EQ(q.warnings.size(), 1u);
  EXPECT_EQ(q.warnings[0].rfind("ا* begins ", 0), 0u) << q.warnings[0];
  EXPECT_NE(q.warnings[0].find("; searched the " + std::to_string(kMaxPrefixTerms) + " most frequent"),
            std::string::npos)
      << q.warnings[0];
  EXPECT_EQ(q.highlight.exact.size(), kMaxPrefixTerms);
}

}  // namespace
}  // namespace nsearch::test
