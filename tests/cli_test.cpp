// The command line as people type it and the terminal they read it on, through the real
// binary: arguments, sources, limits, batch records, help; the text layout on a pseudo-terminal
// at 40, 80 and 120 columns.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <sstream>

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>
#include <nlohmann/json.hpp>

#include "searcher/text_layout.h"
#include "tests/test_support.h"

namespace nsearch::test {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// An article without a header: its first line is its title, and is not repeated in snippets.
const std::string kHeaderless =
    "اجتماع طارئ لمجلس الوزراء في طرابلس\n\n"
    "عقد مجلس الوزراء اجتماعا طارئا في طرابلس لبحث الكتابة الرسمية للكتاب الأبيض والكتابات الأخرى، "
    "وناقش الوزراء ملفات الاقتصاد والأمن.\n";

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

// The text without ANSI escapes and bidi controls.
std::string visible(std::string s) {
  for (std::size_t at; (at = s.find('\033')) != std::string::npos;) s.erase(at, s.find('m', at) - at + 1);
  for (const char* control : {"\u2068", "\u2069", "\u200E", "\u200F"}) {
    for (std::size_t at; (at = s.find(control)) != std::string::npos;) s.erase(at, std::string_view(control).size());
  }
  return s;
}

std::vector<std::string> words_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

class Cli : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    tmp_ = new TempDir();
    fs::copy(source_dir() / "corpus", *tmp_ / "in");
    write_file(*tmp_ / "in" / "headerless.txt", kHeaderless);
    write_file(*tmp_ / "in" / "baddate.txt", "---\ntitle: خبر بتاريخ غريب\ndate: someday\n---\nنص الخبر عن طرابلس.\n");
    auto a = run_nsearch({"index", "--index", index_dir(), (*tmp_ / "in").string()});
    ASSERT_EQ(a.exit_code, 0) << a.err;
    index_summary_ = new std::string(a.out);
  }
  static void TearDownTestSuite() {
    delete tmp_;
    delete index_summary_;
  }
  static std::string index_dir() { return (*tmp_ / "idx").string(); }
  static RunResult nsearch(std::vector<std::string> args, const std::string& stdin_text = "") {
    args.insert(args.begin(), {"--index", index_dir()});
    return run_nsearch(args, stdin_text);
  }
  static RunResult tty(std::vector<std::string> args, unsigned cols, unsigned rows = 500,
                       const std::vector<std::pair<std::string, std::string>>& env = {}) {
    args.insert(args.begin(), {"--index", index_dir()});
    return run_nsearch_tty(args, cols, rows, env);
  }
  static inline TempDir* tmp_ = nullptr;
  static inline std::string* index_summary_ = nullptr;
};

TEST_F(Cli, OptionsTakeOneValueWhereverTheyStand) {
  auto before = nsearch({"search", "--source", "الجزيرة", "حفتر", "--format", "ids"});
  auto after = nsearch({"حفتر", "--source", "الجزيرة", "--format", "ids"});
  auto implied = nsearch({"--source", "الجزيرة", "حفتر", "--format", "ids"});
  ASSERT_EQ(before.exit_code, 0) << before.err;
  EXPECT_EQ(before.out, "in/004_f090aae47d831c2d.txt\n");
  EXPECT_EQ(after.out, before.out);
  EXPECT_EQ(implied.out, before.out);
  // Repeated, OR-ed.
  auto two = lines_of(nsearch({"حفتر", "--source", "الجزيرة", "--source", "المشهد", "--format", "ids"}).out);
  EXPECT_EQ(std::set<std::string>({"in/000_aff02f4700e004a1.txt", "in/004_f090aae47d831c2d.txt"}),
            std::set<std::string>(two.begin(), two.end()));
}

TEST_F(Cli, DashWordOnItsOwnIsAnExclusion) {
  auto all = lines_of(nsearch({"حفتر", "--format", "ids"}).out);
  auto r = nsearch({"حفتر", "-أنقرة", "--format", "ids"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto some = lines_of(r.out);
  EXPECT_LT(some.size(), all.size());
  EXPECT_EQ(some, lines_of(nsearch({"حفتر -أنقرة", "--format", "ids"}).out));
  // A Latin word that begins like a short option (-n, -h) is a word when what follows the
  // letter is no value of it: excluded, not read as -n asa nor as --help.
  for (const char* word : {"-nasa", "-hamas"}) {
    auto latin = nsearch({"حفتر", word, "--format", "ids"});
    EXPECT_EQ(latin.exit_code, 0) << word << ": " << latin.err;
    EXPECT_EQ(lines_of(latin.out), all) << word;
  }
  EXPECT_EQ(lines_of(nsearch({"حفتر", "-n2", "--format", "ids"}).out).size(), 2u);
  // A misspelt option is still an error, not a word.
  auto typo = nsearch({"حفتر", "-limit", "3"});
  EXPECT_EQ(typo.exit_code, 2);
  EXPECT_EQ(typo.err, "nsearch: unknown option -limit for `nsearch search`; did you mean --limit?\n");
  auto unknown = nsearch({"حفتر", "--sourc", "الجزيرة"});
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_EQ(unknown.err, "nsearch: unknown option --sourc for `nsearch search`; did you mean --source?\n");
  auto missing = nsearch({"حفتر", "-n"});
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_EQ(missing.err, "nsearch: option -n needs a value; see `nsearch search --help`\n");
  EXPECT_EQ(nsearch({"حفتر", "--source", "--format", "ids"}).exit_code, 2);
}

TEST_F(Cli, LimitZeroCountsAndExitsZero) {
  auto r = nsearch({"حفتر", "-n", "0", "--facets", "source"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("5 results"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("source:"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("score"), std::string::npos) << r.out;  // no hits printed
  auto j = json::parse(nsearch({"حفتر", "-n", "0", "--format", "json"}).out);
  EXPECT_EQ(j["total"], 5);
  EXPECT_TRUE(j["hits"].empty());
  EXPECT_EQ(nsearch({"كلمةغيرموجودةابدا", "-n", "0"}).exit_code, 1);
}

TEST_F(Cli, NoSnippetsKeepsTitles) {
  auto r = nsearch({"حفتر", "--no-snippets", "--source", "الجزيرة"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("ووزير دفاع تركيا يتفقد قواته"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("أفاد مراسل"), std::string::npos) << r.out;  // the body
  auto j = json::parse(nsearch({"حفتر", "--format", "json", "--no-snippets"}).out);
  for (const auto& h : j["hits"]) EXPECT_EQ(h["snippet"], "");
}

TEST_F(Cli, SnippetNeverRepeatsTheTitle) {
  auto j = json::parse(nsearch({"طرابلس مجلس الوزراء", "--format", "json"}).out);
  bool found = false;
  for (const auto& h : j["hits"]) {
    if (h["id"] != "in/headerless.txt") continue;
    found = true;
    EXPECT_EQ(h["title"], "اجتماع طارئ لمجلس الوزراء في طرابلس");
    EXPECT_EQ(h["snippet"].get<std::string>().find("اجتماع طارئ"), std::string::npos) << h["snippet"];
  }
  EXPECT_TRUE(found);
}

TEST_F(Cli, JsonlLinesCarryATypeAndBatchRejectionsAreRecords) {
  auto r = nsearch({"--batch", "-", "--format", "jsonl"}, "q1\tقالن\nq4\tdate:2015-13\nq5\tsource:لاوجودله\n");
  EXPECT_EQ(r.exit_code, 2);
  std::vector<json> records;
  for (const auto& line : lines_of(r.out)) records.push_back(json::parse(line));
  ASSERT_FALSE(records.empty());
  std::set<std::string> errors;
  for (const auto& rec : records) {
    ASSERT_TRUE(rec.contains("type")) << rec.dump();
    EXPECT_TRUE(rec["type"] == "hit" || rec["type"] == "summary" || rec["type"] == "error") << rec.dump();
    if (rec["type"] == "error") {
      errors.insert(rec["qid"].get<std::string>());
      EXPECT_FALSE(rec["error"].get<std::string>().empty());
    }
  }
  EXPECT_EQ(errors, (std::set<std::string>{"q4", "q5"}));
  EXPECT_EQ(records.front()["qid"], "q1");
  EXPECT_NE(r.err.find("query q4: bad date '2015-13'"), std::string::npos) << r.err;
  auto json_batch = nsearch({"--batch", "-", "--format", "json"}, "a\tdate:2015-13\n");
  EXPECT_EQ(json_batch.exit_code, 2);
  auto rec = json::parse(json_batch.out);
  EXPECT_EQ(rec["type"], "error");
  EXPECT_EQ(rec["qid"], "a");
  EXPECT_EQ(rec["query"], "date:2015-13");
  // A batch of good queries: 0 with hits, 1 without.
  EXPECT_EQ(nsearch({"--batch", "-", "--format", "ids"}, "قالن\n").exit_code, 0);
  EXPECT_EQ(nsearch({"--batch", "-", "--format", "ids"}, "كلمةغيرموجودةابدا\n").exit_code, 1);
}

TEST_F(Cli, SourcesByKeyOrNameAndUnknownOnesNamed) {
  // Key (normalized) and display name find the same outlet, in every spelling.
  auto by_name = nsearch({"source:\"وكالة الأناضول\"", "--format", "ids"});
  auto by_key = nsearch({"--source", "وكاله الاناضول", "--format", "ids"});
  ASSERT_EQ(by_name.exit_code, 0) << by_name.err;
  EXPECT_EQ(by_name.out, "in/003_b84856964a7b5a3d.txt\n");
  EXPECT_EQ(by_key.out, by_name.out);  // options alone: every article they let through
  auto unknown = nsearch({"حفتر", "--source", "الجزيرةة"});
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_EQ(std::count(unknown.err.begin(), unknown.err.end(), '\n'), 1) << unknown.err;
  EXPECT_NE(unknown.err.find("unknown source 'الجزيرةة'; closest: الجزيرة"), std::string::npos) << unknown.err;
}

TEST_F(Cli, SourcesCommandListsCountsAndDates) {
  auto j = json::parse(nsearch({"sources", "--format", "json"}).out);
  EXPECT_EQ(j["format_version"], 1);
  std::map<std::string, json> by_name;
  for (const auto& s : j["sources"]) by_name[s["name"]] = s;
  ASSERT_TRUE(by_name.count("وكالة الأناضول"));
  EXPECT_EQ(by_name["وكالة الأناضول"]["key"], "وكاله الاناضول");
  EXPECT_EQ(by_name["وكالة الأناضول"]["articles"], 1);
  EXPECT_EQ(by_name["وكالة الأناضول"]["date_from"], "2025-10-01");  // dated 2025-10: the whole month
  EXPECT_EQ(by_name["وكالة الأناضول"]["date_to"], "2025-10-31");
  auto text = nsearch({"sources"});
  EXPECT_EQ(text.exit_code, 0);
  EXPECT_NE(text.out.find("2020-12-27  2020-12-27  الجزيرة"), std::string::npos) << text.out;
  EXPECT_EQ(text.out.find("\u2068"), std::string::npos) << "no bidi controls in a pipe";
  auto names = lines_of(nsearch({"sources", "--format", "names"}).out);
  EXPECT_NE(std::find(names.begin(), names.end(), "الجزيره"), names.end());  // key
  EXPECT_NE(std::find(names.begin(), names.end(), "الجزيرة"), names.end());  // name
}

TEST_F(Cli, SourceNamesFileNamesKeys) {
  TempDir t;
  write_file(t / "in" / "a.txt", "---\ntitle: خبر من الرياض\nsource: alriyadh\n---\nنص عن الميزانية.\n");
  write_file(t / "names.tsv", "# outlets\nAlriyadh\tالرياض\n\nunknownkey\tمجهول\n");
  std::string idx = (t / "idx").string();
  ASSERT_EQ(run_nsearch({"index", "--index", idx, (t / "in").string()}).exit_code, 0);
  EXPECT_EQ(run_nsearch({"--index", idx, "الميزانية", "--source", "الرياض"}).exit_code, 2);  // not named yet
  auto named = run_nsearch({"index", "--index", idx, "--source-names", (t / "names.tsv").string()});
  ASSERT_EQ(named.exit_code, 0) << named.err;
  auto r = run_nsearch({"--index", idx, "الميزانية", "--source", "الرياض", "--format", "json", "--facets", "source"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto j = json::parse(r.out);
  EXPECT_EQ(j["total"], 1);
  EXPECT_EQ(j["facets"]["source"][0]["value"], "الرياض");
  EXPECT_EQ(run_nsearch({"--index", idx, "الميزانية", "--source", "alriyadh", "--format", "ids"}).out, "in/a.txt\n");
  // A rebuild (what a new schema asks for) keeps the names given once.
  ASSERT_EQ(run_nsearch({"index", "--index", idx, "--rebuild"}).exit_code, 0);
  EXPECT_EQ(run_nsearch({"--index", idx, "الميزانية", "--source", "الرياض", "--format", "ids"}).out, "in/a.txt\n");
  write_file(t / "bad.tsv", "alriyadh الرياض\n");
  auto bad = run_nsearch({"index", "--index", idx, "--source-names", (t / "bad.tsv").string()});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("bad.tsv:1: expected KEY<TAB>NAME"), std::string::npos) << bad.err;
}

// Escape sequences and bidi overrides in an article never reach the terminal as such.
TEST_F(Cli, ArticleControlCharactersAreNotPrinted) {
  TempDir t;
  write_file(t / "in" / "esc.txt",
             "---\ntitle: خبر \033[2J\033]0;x\007 عن طرابلس\n---\nنص \033[31mأحمر\033[0m عن طرابلس و\u202e عكس.\n");
  std::string idx = (t / "idx").string();
  ASSERT_EQ(run_nsearch({"index", "--index", idx, (t / "in").string()}).exit_code, 0);
  for (const char* bidi : {"isolate", "visual", "logical"}) {
    auto r = run_nsearch_tty({"--index", idx, "طرابلس", "--bidi", bidi}, 80, 100);
    ASSERT_EQ(r.exit_code, 0) << r.out;
    EXPECT_EQ(r.out.find("\033[2J"), std::string::npos) << bidi;
    EXPECT_EQ(r.out.find('\007'), std::string::npos) << bidi;
    EXPECT_EQ(r.out.find("\u202e"), std::string::npos) << bidi;
    // The parser removed them before the article was stored (indexer/text_cleaner.h); the
    // printer's own guard has nothing left to replace.
    EXPECT_EQ(r.out.find("\uFFFD"), std::string::npos) << bidi;
  }
  auto show = run_nsearch({"show", "--index", idx, "esc.txt"});
  EXPECT_EQ(show.out.find("\033[31m"), std::string::npos) << show.out;
}

TEST_F(Cli, HitsShowTheOutletsDisplayName) {
  TempDir t;
  write_file(t / "in" / "a.txt", "---\ntitle: خبر\nsource: alriyadh\n---\nنص عن الميزانية.\n");
  write_file(t / "names.tsv", "alriyadh\tالرياض\n");
  std::string idx = (t / "idx").string();
  ASSERT_EQ(run_nsearch({"index", "--index", idx, "--source-names", (t / "names.tsv").string(), (t / "in").string()})
                .exit_code,
            0);
  auto j = json::parse(run_nsearch({"--index", idx, "الميزانية", "--format", "json"}).out);
  EXPECT_EQ(j["hits"][0]["source"], "alriyadh");  // the article's own
  EXPECT_EQ(j["hits"][0]["source_name"], "الرياض");
  EXPECT_NE(run_nsearch({"--index", idx, "الميزانية"}).out.find("1. الرياض · "), std::string::npos);
}

TEST_F(Cli, LimitsAndRepairsWarnOnOneLineEach) {
  auto warned = [&](std::vector<std::string> args, const std::string& warning) {
    auto r = nsearch(args);
    EXPECT_NE(r.err.find(warning), std::string::npos) << args[0] << ": " << r.err;
    return r;
  };
  std::string page;
  for (int i = 0; i < 2000; ++i) page += "حفتر \"أنقرة طرابلس\" ";
  auto long_query = warned({page, "--format", "ids"}, "words and operators; the rest was ignored");
  EXPECT_EQ(long_query.exit_code, 0);
  std::string phrase = "\"";
  for (int i = 0; i < 2000; ++i) phrase += "وزير الدفاع ";
  warned({phrase + "\"", "--format", "ids"}, "query longer than 32 words; the rest was ignored");
  auto title_alone = warned({"title: حفتر", "--format", "ids"}, "'title:' with nothing after it");
  auto only_title = nsearch({"title:"});
  EXPECT_EQ(only_title.exit_code, 2);
  EXPECT_NE(only_title.err.find("empty query: give at least one word, phrase or filter ('title:' with nothing"),
            std::string::npos)
      << only_title.err;
  EXPECT_EQ(title_alone.exit_code, 0);
  EXPECT_EQ(lines_of(title_alone.out).size(), 5u);  // حفتر searched, not the word "title"
  warned({"حف*تر", "--format", "ids"}, "'*' works only at the end of a word");
  auto dates = warned({"حفتر", "--since", "2025", "--until", "2020"}, "since 2025 is later than until 2020");
  EXPECT_EQ(dates.exit_code, 1);
  EXPECT_EQ(std::count(dates.err.begin(), dates.err.end(), '\n'), 1) << dates.err;
}

TEST_F(Cli, TrailingStarIsAPrefixSearch) {
  // الكتابة، للكتاب، والكتابات: all begin with كتاب once their proclitics are off.
  auto r = nsearch({"كتاب*", "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto j = json::parse(r.out);
  ASSERT_EQ(j["total"], 1);
  EXPECT_EQ(j["hits"][0]["id"], "in/headerless.txt");
  std::set<std::string> marked;
  std::string snippet = j["hits"][0]["snippet"];
  for (const auto& h : j["hits"][0]["highlights"])
    marked.insert(snippet.substr(h["start"].get<size_t>(), h["end"].get<size_t>() - h["start"].get<size_t>()));
  EXPECT_EQ(marked, (std::set<std::string>{"الكتابة", "للكتاب", "والكتابات"}));
  EXPECT_EQ(nsearch({"كتاب", "--format", "ids"}).out, "in/headerless.txt\n");
  EXPECT_EQ(nsearch({"title:طار*", "--format", "ids"}).out, "in/headerless.txt\n");
}

TEST_F(Cli, IndexSummarySaysOneWarning) {
  EXPECT_NE(index_summary_->find(", 1 warning in "), std::string::npos) << *index_summary_;
}

TEST_F(Cli, HelpTopics) {
  auto formats = run_nsearch({"help", "formats"});
  EXPECT_EQ(formats.exit_code, 0);
  EXPECT_NE(formats.out.find("\"format_version\": 1"), std::string::npos) << formats.out;
  EXPECT_NE(formats.out.find("\"type\": \"error\""), std::string::npos);
  auto codes = run_nsearch({"help", "exit-codes"});
  EXPECT_NE(codes.out.find("2  usage error"), std::string::npos) << codes.out;
  EXPECT_NE(run_nsearch({"help", "query"}).out.find("كتاب*"), std::string::npos);
  auto none = run_nsearch({"help", "nothing"});
  EXPECT_EQ(none.exit_code, 2);
  EXPECT_NE(none.err.find("topics: query, formats, exit-codes"), std::string::npos);
}

// docs/query-syntax.md holds `nsearch help TOPIC` verbatim between markers (scripts/gen-docs).
TEST_F(Cli, QuerySyntaxDocIsTheHelpText) {
  std::string doc = read_file(source_dir() / "docs" / "query-syntax.md");
  for (std::string topic : {"query", "formats", "exit-codes"}) {
    std::string begin = "<!-- nsearch help " + topic + " -->\n```text\n", end = "```\n<!-- end -->";
    std::size_t at = doc.find(begin);
    ASSERT_NE(at, std::string::npos) << topic;
    at += begin.size();
    EXPECT_EQ(doc.substr(at, doc.find(end, at) - at), run_nsearch({"help", topic}).out)
        << "docs/query-syntax.md is stale: run scripts/gen-docs";
  }
}

// docs/ is for users: a page per command (every one `nsearch --help` lists), no page over 250
// lines, and no section named for the day it was measured (that history is bench/results/).
// Whether text holds a date (2025-10-23) or a time of day (9:30): what dates a lab-notebook
// heading. By hand: GCC 12 warns inside <regex> in the sanitizer build.
bool holds_date_or_time(std::string_view text) {
  auto digits = [&](std::size_t at, std::size_t n) {
    if (at + n > text.size()) return false;
    for (std::size_t i = at; i < at + n; ++i)
      if (text[i] < '0' || text[i] > '9') return false;
    return true;
  };
  auto is = [&](std::size_t at, char c) { return at < text.size() && text[at] == c; };
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (digits(i, 4) && is(i + 4, '-') && digits(i + 5, 2) && is(i + 7, '-') && digits(i + 8, 2)) return true;
    if (digits(i, 1) && is(i + 1, ':') && digits(i + 2, 2)) return true;
  }
  return false;
}

TEST_F(Cli, DocsHaveAPagePerCommandAndNoLabNotes) {
  std::istringstream help(run_nsearch({"--help"}).out);
  std::string line;
  while (std::getline(help, line) && line != "Subcommands:") {
  }
  std::size_t commands = 0;
  while (std::getline(help, line) && line.rfind("  ", 0) == 0) {
    std::string name = line.substr(2, line.find(' ', 2) - 2);
    EXPECT_TRUE(fs::exists(source_dir() / "docs" / "commands" / (name + ".md")))
        << "no docs/commands/" << name << ".md";
    ++commands;
  }
  EXPECT_GE(commands, 8u);
  for (const auto& entry : fs::recursive_directory_iterator(source_dir() / "docs")) {
    if (entry.path().extension() != ".md") continue;
    std::istringstream doc(read_file(entry.path()));
    std::size_t lines = 0;
    while (std::getline(doc, line)) {
      ++lines;
      EXPECT_FALSE(line.rfind('#', 0) == 0 && holds_date_or_time(line)) << entry.path() << ": " << line;
    }
    EXPECT_LE(lines, 250u) << entry.path();
  }
}

// ---- On a terminal -----------------------------------------------------------------------

class Terminal : public Cli, public ::testing::WithParamInterface<unsigned> {};

// Every line fits, and title and snippet lines break only between words.
TEST_P(Terminal, TextFitsTheWidthAndWrapsBetweenWords) {
  unsigned cols = GetParam();
  auto r = tty({"حفتر", "-n", "5", "--color", "always"}, cols);
  ASSERT_EQ(r.exit_code, 0) << r.out;
  std::set<std::string> words;
  for (const auto& entry : fs::directory_iterator(*tmp_ / "in")) {
    words.insert("in/" + entry.path().filename().string());  // ids (root name / file), on wrapped metadata lines
    for (const auto& w : words_of(read_file(entry.path()))) words.insert(w);
  }
  // A snippet cut at "…" may start or end inside punctuation: there, part of a word will do.
  auto part_of_a_word = [&](const std::string& w) {
    return std::any_of(words.begin(), words.end(),
                       [&](const std::string& x) { return x.find(w) != std::string::npos; });
  };
  std::size_t text_lines = 0;
  for (const auto& line : lines_of(r.out)) {
    std::string v = visible(line);
    EXPECT_LE(display_width(v), cols) << v;
    if (v.rfind("   ", 0) != 0 || v.find(" · ") != std::string::npos) continue;  // title and snippet lines
    ++text_lines;
    for (auto w : words_of(v)) {
      bool cut = w.find("…") != std::string::npos;
      for (std::size_t at; (at = w.find("…")) != std::string::npos;) w.erase(at, std::string_view("…").size());
      if (w.empty() || w == "score" || w.find_first_not_of("0123456789.-") == std::string::npos) continue;
      EXPECT_TRUE(words.count(w) || (cut && part_of_a_word(w))) << "'" << w << "' is not a whole word, in: " << v;
    }
  }
  EXPECT_GT(text_lines, 10u);
}

// A bidi terminal gets logical text: each line marked with its direction, each metadata field
// isolated, so the Arabic outlet cannot pull the date and the id out of place.
TEST_P(Terminal, MetadataFieldsAreIsolated) {
  auto r = tty({"حفتر", "--source", "المشهد"}, GetParam());
  ASSERT_EQ(r.exit_code, 0) << r.out;
  auto lines = lines_of(r.out);
  ASSERT_FALSE(lines.empty());
  EXPECT_EQ(lines[0].rfind("\u200F\u20681.\u2069 \u2068المشهد\u2069 · \u20682024-10-23\u2069 · ", 0), 0u) << lines[0];
}

// A terminal without bidi gets visual order: right-to-left lines aligned right, the rank at
// the right end, Arabic reversed and shaped (NFKC folds the shapes back), no controls.
TEST_P(Terminal, VisualOrderForTerminalsWithoutBidi) {
  unsigned cols = GetParam();
  for (auto env : {std::vector<std::pair<std::string, std::string>>{},
                   std::vector<std::pair<std::string, std::string>>{{"XTERM_VERSION", "XTerm(379)"}},
                   std::vector<std::pair<std::string, std::string>>{{"TMUX", "/tmp/tmux-0/default,1,0"}}}) {
    std::vector<std::string> args = {"حفتر", "--source", "المشهد"};
    if (env.empty()) args.insert(args.end(), {"--bidi", "visual"});
    auto r = tty(args, cols, 500, env);
    ASSERT_EQ(r.exit_code, 0) << r.out;
    auto lines = lines_of(r.out);
    ASSERT_GE(lines.size(), 3u);
    for (const char* control : {"\u2068", "\u2069", "\u200F", "\u200E"})
      EXPECT_EQ(r.out.find(control), std::string::npos);
    std::string meta = lines[0];
    EXPECT_EQ(display_width(meta), cols) << meta;  // aligned right
    EXPECT_EQ(meta.substr(meta.size() - 2), "1.") << meta;
    icu::UnicodeString folded;
    UErrorCode status = U_ZERO_ERROR;
    icu::Normalizer2::getNFKCInstance(status)->normalize(icu::UnicodeString::fromUTF8(meta), folded, status);
    std::string s;
    folded.toUTF8String(s);
    EXPECT_NE(s.find("دهشملا"), std::string::npos) << s;  // المشهد, reversed
    EXPECT_NE(s.find("2024-10-23"), std::string::npos) << s;
    EXPECT_EQ(s.find("المشهد"), std::string::npos) << s;
  }
}

INSTANTIATE_TEST_SUITE_P(Columns, Terminal, ::testing::Values(40u, 80u, 120u));

TEST_F(Cli, LongOutputOnATerminalGoesThroughThePagerNeverInAPipe) {
  std::vector<std::pair<std::string, std::string>> pager{{"PAGER", "sed s/^/PAGED:/"}};
  auto paged = tty({"حفتر"}, 80, 10, pager);
  EXPECT_EQ(paged.exit_code, 0);
  EXPECT_NE(paged.out.find("PAGED:"), std::string::npos) << paged.out;
  auto fits = tty({"قالن", "--no-snippets"}, 80, 100, pager);
  EXPECT_EQ(fits.out.find("PAGED:"), std::string::npos) << fits.out;
  auto off = tty({"حفتر", "--no-pager"}, 80, 10, pager);
  EXPECT_EQ(off.out.find("PAGED:"), std::string::npos);
  setenv("PAGER", "sed s/^/PAGED:/", 1);
  auto piped = nsearch({"حفتر"});
  unsetenv("PAGER");
  EXPECT_EQ(piped.out.find("PAGED:"), std::string::npos);
  EXPECT_EQ(piped.out.find("\u2068"), std::string::npos) << "logical text in a pipe";
}

}  // namespace
}  // namespace nsearch::test
