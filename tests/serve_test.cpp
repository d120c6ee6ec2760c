// `nsearch serve` through the real binary on a real index: the JSON API against the CLI's own
// JSON for the same request, errors and their status codes, a hostile article escaped on
// every page, the server following new commits, and the page in headless Chromium driven over
// WebDriver (chromedriver): highlights, a facet click, a hostile title that never runs.
#include <gtest/gtest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <thread>

#include <nlohmann/json.hpp>

#include "tests/test_support.h"

namespace nsearch::test {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// Hostile in every field the pages show: markup (as entities, which the indexer decodes into
// the stored title and body; the outlet is kept as written), event handlers, a bidi override,
// a javascript: URL. Each payload would set window.__pwned if it ran.
const std::string kHostile =
    "---\n"
    "title: &lt;script&gt;window.__pwned=1&lt;/script&gt;&lt;img src=x onerror=\"window.__pwned=2\"&gt; "
    "\u202Eالزرافة البنفسجية\n"
    "source: <b onmouseover=\"window.__pwned=3\">منفذ</b>\n"
    "date: 2025-01-02\n"
    "url: javascript:window.__pwned=4\n"
    "---\n"
    "خبر عن الزرافة البنفسجية في حديقة طرابلس &lt;script&gt;window.__pwned=5&lt;/script&gt; "
    "و&lt;img src=x onerror=window.__pwned=6&gt; وشاهدها الزوار صباح الأحد \u202Eمقلوب.\n";

const std::string kHafter = "حفتر";

std::string encoded(const std::string& s) {
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == ',')
      out += char(c);
    else
      out += "%" + std::string(1, "0123456789ABCDEF"[c >> 4]) + "0123456789ABCDEF"[c & 15];
  }
  return out;
}

std::size_t count_of(const std::string& html, const std::string& needle) {
  std::size_t n = 0;
  for (std::size_t at = 0; (at = html.find(needle, at)) != std::string::npos; ++at) ++n;
  return n;
}

std::string stripped_error(const std::string& stderr_text) {
  std::string s = stderr_text;
  if (s.rfind("nsearch: ", 0) == 0) s = s.substr(9);
  while (!s.empty() && s.back() == '\n') s.pop_back();
  return s;
}

class Serve : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    tmp_ = new TempDir();
    fs::copy(source_dir() / "corpus", *tmp_ / "in");
    write_file(*tmp_ / "in" / "hostile.txt", kHostile);
    // A copy of the Al Jazeera article in another outlet, a day later, with a byline: one story
    // of two.
    std::string copy = read_file(*tmp_ / "in" / "004_f090aae47d831c2d.txt");
    copy.replace(copy.find("source: الجزيرة"), std::string("source: الجزيرة").size(),
                 "source: عربي 21\nauthor: إسطنبول - محمد الغامدي");
    copy.replace(copy.find("date: 2020-12-27"), std::string("date: 2020-12-27").size(), "date: 2020-12-28");
    write_file(*tmp_ / "in" / "copy.txt", copy);
    auto r = run_nsearch({"index", "--index", index(), in()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    server_ = new ServeProcess({"--index", index()});
    ASSERT_GT(server_->port(), 0) << server_->banner();
  }
  static void TearDownTestSuite() {
    if (server_) {
      EXPECT_EQ(server_->stop(), 0) << "SIGTERM ends the server cleanly";
    }
    delete server_;
    delete tmp_;
  }
  static std::string index() { return (*tmp_ / "idx").string(); }
  static std::string in() { return (*tmp_ / "in").string(); }
  static httplib::Client client() {
    httplib::Client c("127.0.0.1", server_->port());
    c.set_read_timeout(30, 0);
    return c;
  }
  static httplib::Result get(const std::string& path) { return client().Get(path.c_str()); }
  static std::string hostile_id() {
    auto r = run_nsearch({"search", "--index", index(), "الزرافة", "--format", "ids"});
    return r.out.substr(0, r.out.find('\n'));
  }

  static TempDir* tmp_;
  static ServeProcess* server_;
};
TempDir* Serve::tmp_ = nullptr;
ServeProcess* Serve::server_ = nullptr;

TEST_F(Serve, SaysWhereItListensAndThatItIsLoopback) {
  EXPECT_NE(server_->banner().find("http://127.0.0.1:" + std::to_string(server_->port()) + "/"), std::string::npos)
      << server_->banner();
  EXPECT_NE(server_->banner().find("this machine only"), std::string::npos) << server_->banner();
}

TEST_F(Serve, ApiSearchIsTheCliJsonByteForByte) {
  struct Case {
    std::string query;
    std::vector<std::string> args;
  };
  const std::vector<Case> cases = {
      {"q=" + encoded(kHafter) + "&facets=source,month", {kHafter, "--facets", "source,month"}},
      {"q=" + encoded(kHafter) + "&source=" + encoded("الجزيرة") + "&source=" + encoded("المشهد") +
           "&sort=newest&limit=1&offset=1&duplicates=show",
       {kHafter, "--source", "الجزيرة", "--source", "المشهد", "--sort", "newest", "--limit", "1", "--offset", "1",
        "--duplicates", "show"}},
      {"since=2025&until=2025-12&facets=year", {"--since", "2025", "--until", "2025-12", "--facets", "year"}},
      {"q=" + encoded("\"صدام حفتر\"") + "&snippet_length=80", {"\"صدام حفتر\"", "--snippet-length", "80"}},
      {"q=" + encoded(kHafter + " author:الغامدي") + "&facets=author,source",
       {kHafter + " author:الغامدي", "--facets", "author,source"}},
  };
  for (const auto& c : cases) {
    std::vector<std::string> args{"search", "--index", index(), "--format", "json"};
    args.insert(args.end(), c.args.begin(), c.args.end());
    auto cli = run_nsearch(args);
    ASSERT_EQ(cli.exit_code, 0) << cli.err;
    auto res = get("/api/search?" + c.query);
    ASSERT_TRUE(res) << c.query;
    EXPECT_EQ(res->status, 200) << c.query << "\n" << res->body;
    EXPECT_EQ(res->get_header_value("Content-Type"), "application/json; charset=utf-8");
    EXPECT_EQ(res->body, cli.out) << c.query;
    EXPECT_GT(json::parse(res->body)["total"].get<int>(), 0) << c.query;
  }
  json authors = json::parse(get("/api/search?q=" + encoded(kHafter) + "&facets=author")->body)["facets"]["author"];
  EXPECT_EQ(authors, json::parse(R"([{"value": "إسطنبول - محمد الغامدي", "count": 1}])")) << authors;
}

TEST_F(Serve, ApiArticleSourcesAndAnalyzeAreTheCliJson) {
  std::string id = "in/002_531c9af4ea5c5933.txt";
  auto show = run_nsearch({"show", "--index", index(), id, "--format", "json"});
  ASSERT_EQ(show.exit_code, 0) << show.err;
  auto res = get("/api/articles/" + encoded(id));
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->body, show.out);
  auto story = run_nsearch({"show", "--index", index(), id, "--story", "--format", "json"});
  res = get("/api/articles/" + encoded(id) + "?story=1");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->body, story.out);
  auto sources = run_nsearch({"sources", "--index", index(), "--format", "json"});
  res = get("/api/sources");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->body, sources.out);
  auto analyze = run_nsearch({"analyze", "--format", "json", "وبالكتاب والكتاب"});
  res = get("/api/analyze?text=" + encoded("وبالكتاب والكتاب"));
  ASSERT_TRUE(res);
  EXPECT_EQ(res->body, analyze.out);
}

TEST_F(Serve, ApiErrorsCarryTheCliMessageAndStatus) {
  struct Case {
    std::string path;
    std::vector<std::string> cli;  // the same request on the command line ({} when it has none)
    int status;
    std::string says;  // part of the message, when no CLI request matches
  };
  const std::vector<Case> cases = {
      {"/api/search?q=x&sort=sideways", {"search", "x", "--sort", "sideways"}, 400, ""},
      {"/api/search?q=" + encoded(kHafter) + "&source=nosuch", {"search", kHafter, "--source", "nosuch"}, 400, ""},
      {"/api/search?q=x&facets=colour", {"search", "x", "--facets", "colour"}, 400, ""},
      {"/api/search?q=x&since=yesterday", {"search", "x", "--since", "yesterday"}, 400, ""},
      {"/api/articles/nope", {"show", "nope"}, 404, ""},
      {"/api/search?q=x&limit=1001", {}, 400, "from 0 to 1000"},
      {"/api/search?q=x&limit=ten", {}, 400, "limit must be a whole number"},
      {"/api/search?q=" + std::string(1001, 'a'), {}, 400, "q is too long"},
      {"/api/search?q=x&pad=" + std::string(8100, 'a'), {}, 400, "request too long"},
      {"/api/search", {}, 400, "nothing to search"},
      {"/api/analyze", {}, 400, "text is required"},
      {"/api/nothing", {}, 404, "nothing here"},
  };
  for (const auto& c : cases) {
    auto res = get(c.path);
    ASSERT_TRUE(res) << c.path.substr(0, 80);
    EXPECT_EQ(res->status, c.status) << c.path.substr(0, 80) << "\n" << res->body;
    json j = json::parse(res->body);
    EXPECT_EQ(j["status"], c.status);
    std::string message = j["error"];
    if (!c.cli.empty()) {
      std::vector<std::string> args = c.cli;
      args.insert(args.begin() + 1, {"--index", index()});
      auto cli = run_nsearch(args);
      EXPECT_NE(cli.exit_code, 0);
      EXPECT_EQ(message, stripped_error(cli.err)) << c.path;
    } else {
      EXPECT_NE(message.find(c.says), std::string::npos) << message;
    }
  }
}

TEST_F(Serve, NoIndexIs503WithTheCliMessage) {
  ServeProcess missing({"--index", (*tmp_ / "absent").string()});
  ASSERT_GT(missing.port(), 0) << missing.banner();
  httplib::Client c("127.0.0.1", missing.port());
  auto cli = run_nsearch({"search", "--index", (*tmp_ / "absent").string(), "x"});
  ASSERT_EQ(cli.exit_code, 4);
  for (const char* path : {"/api/search?q=x", "/api/sources", "/api/articles/x"}) {
    auto res = c.Get(path);
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 503) << path;
    EXPECT_EQ(json::parse(res->body)["error"], stripped_error(cli.err)) << path;
  }
  auto page = c.Get("/?q=x");
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 503);
  EXPECT_NE(page->body.find("<form"), std::string::npos) << "the form stays";
  EXPECT_EQ(missing.stop(), 0);
}

// The hostile article's payloads appear only as text, on the results page and its own page.
void expect_inert(const std::string& html) {
  for (const char* live : {"<script>window", "<img src=x", "<b onmouseover", "href=\"javascript:", "\u202E"})
    EXPECT_EQ(html.find(live), std::string::npos) << "unescaped: " << live;
  EXPECT_NE(html.find("&lt;script&gt;window.__pwned=1&lt;/script&gt;"), std::string::npos);
  EXPECT_NE(html.find("onerror=&quot;window.__pwned=2&quot;"), std::string::npos);
}

TEST_F(Serve, PagesEscapeAHostileArticle) {
  auto res = get("/?q=" + encoded("الزرافة"));
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_NE(res->get_header_value("Content-Security-Policy").find("script-src 'self'"), std::string::npos);
  EXPECT_NE(res->body.find("<html lang=\"ar\" dir=\"rtl\">"), std::string::npos);
  EXPECT_NE(res->body.find("<mark>الزرافة</mark>"), std::string::npos);
  expect_inert(res->body);
  res = get("/article/" + encoded(hostile_id()) + "?q=" + encoded("الزرافة"));
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200) << hostile_id();
  expect_inert(res->body);
  EXPECT_NE(res->body.find("javascript:window.__pwned=4"), std::string::npos) << "the URL shown as text";
  EXPECT_EQ(res->body.find("<a class=\"url\""), std::string::npos) << "and never a link";
  EXPECT_NE(res->body.find("<mark>الزرافة</mark>"), std::string::npos);
  // A query that is itself markup stays text in the form and the title.
  res = get("/?q=" + encoded("\"><script>window.__pwned=7</script>"));
  ASSERT_TRUE(res);
  EXPECT_EQ(res->body.find("<script>window"), std::string::npos);
}

TEST_F(Serve, ACollapsedStoryOpensOntoItsOtherMembers) {
  json api = json::parse(get("/api/search?q=" + encoded("أكار"))->body);
  ASSERT_EQ(api["hits"].size(), 1u) << "the copy is collapsed under the first";
  ASSERT_EQ(api["hits"][0]["story"]["count"], 2);
  std::string first = api["hits"][0]["id"], other;
  for (const auto& m : api["hits"][0]["story"]["members"])
    if (m != first) other = m;
  auto res = get("/?q=" + encoded("أكار"));
  ASSERT_TRUE(res);
  // In the page's own words, the dates isolated left to right inside the right-to-left line.
  auto story = res->body.find("<details class=\"story\"><summary>+1 أخرى");
  ASSERT_NE(story, std::string::npos) << res->body;
  EXPECT_NE(res->body.find("(الأولى: <bdi>", story), std::string::npos) << res->body;
  EXPECT_NE(res->body.find("<time dir=\"ltr\">", story), std::string::npos) << res->body;
  EXPECT_NE(res->body.find("href=\"/article/" + encoded(other), story), std::string::npos) << other;
  // duplicates=show lists both, with no story line.
  res = get("/?q=" + encoded("أكار") + "&duplicates=show");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->body.find("<details class=\"story\">"), std::string::npos);
  EXPECT_NE(res->body.find("href=\"/article/" + encoded(first)), std::string::npos);
  EXPECT_NE(res->body.find("href=\"/article/" + encoded(other)), std::string::npos);
}

TEST_F(Serve, TheFilterFormWorksWithoutScript) {
  const std::string outlet = "الجزيرة";
  auto res = get("/?q=" + encoded(kHafter) + "&source=" + encoded(outlet));
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200);
  const std::string& html = res->body;
  EXPECT_NE(html.find("value=\"" + outlet + "\" checked>"), std::string::npos) << "the ticked outlet stays ticked";
  EXPECT_NE(html.find("value=\"المشهد\">"), std::string::npos) << "and the others can still be ticked";
  json api = json::parse(get("/api/search?q=" + encoded(kHafter) + "&source=" + encoded(outlet))->body);
  const std::size_t hits = count_of(html, "<article class=\"hit\">");
  EXPECT_EQ(hits, api["hits"].size());
  EXPECT_EQ(count_of(html, "<bdi class=\"outlet\">" + outlet + "</bdi>"), hits);
}

TEST_F(Serve, SigintEndsItCleanly) {
  ServeProcess other({"--index", index()});
  ASSERT_GT(other.port(), 0);
  httplib::Client c("127.0.0.1", other.port());
  auto res = c.Get("/api/sources");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(other.stop(SIGINT), 0);
}

TEST_F(Serve, ServesNothingButItsAssets) {
  auto css = get("/assets/style.css");
  ASSERT_TRUE(css);
  EXPECT_EQ(css->status, 200);
  EXPECT_EQ(css->get_header_value("Content-Type"), "text/css; charset=utf-8");
  for (const char* path : {"/assets/../CMakeLists.txt", "/assets/%2e%2e/%2e%2e/CMakeLists.txt", "/etc/passwd",
                           "/assets/", "/CMakeLists.txt", "/assets/style.css/../../README.md"}) {
    auto res = get(path);
    ASSERT_TRUE(res) << path;
    EXPECT_EQ(res->status, 404) << path;
    EXPECT_EQ(res->body.find("nsearch:"), std::string::npos);
    EXPECT_FALSE(res->get_header_value("Content-Security-Policy").empty()) << path;
  }
}

TEST_F(Serve, FollowsTheIndexAsNewRevisionsAreCommitted) {
  const std::string word = "الكركدن";
  auto before = get("/api/search?q=" + encoded(word));
  ASSERT_TRUE(before);
  EXPECT_EQ(json::parse(before->body)["total"], 0);
  auto sources_before = get("/api/sources");  // read once: a server may keep it for the revision
  ASSERT_TRUE(sources_before);
  EXPECT_EQ(sources_before->body.find("مرصد السهول"), std::string::npos);
  write_file(*tmp_ / "in" / "new.txt", "---\ntitle: خبر جديد\ndate: 2025-02-03\nsource: مرصد السهول\n---\nشوهد " +
                                           word + " في السهول الليبية للمرة الأولى منذ عقود.\n");
  auto r = run_nsearch({"index", "--index", index(), in()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto after = get("/api/search?q=" + encoded(word));
  ASSERT_TRUE(after);
  EXPECT_EQ(json::parse(after->body)["total"], 1);
  EXPECT_EQ(after->body, run_nsearch({"search", "--index", index(), word, "--format", "json"}).out);
  auto sources_after = get("/api/sources");
  ASSERT_TRUE(sources_after);
  EXPECT_NE(sources_after->body.find("مرصد السهول"), std::string::npos);
  EXPECT_EQ(sources_after->body, run_nsearch({"sources", "--index", index(), "--format", "json"}).out);
}

// Over 1,000 matches the story count is Xapian's estimate: 1,200 articles, 100 stories of 5
// copies that rank first and 700 lone articles, are about 900 stories to it, 800 in truth.
// Another page is linked only when one follows.
TEST(ServePages, NextOnlyWhenAnotherPageFollows) {
  TempDir tmp;
  const std::vector<std::string> words = {"سوق",   "نفط",  "طاقة", "مدينة", "قرية", "طريق", "جسر",  "مدرسة",
                                          "جامعة", "طبيب", "دواء", "بحر",   "جبل",  "نهر",  "مطار", "ميناء"};
  std::uint32_t seed = 7;
  std::string feed;
  for (int s = 0; s < 800; ++s) {
    const bool copied = s < 100;
    std::string body;
    for (int k = 0; k < 40; ++k) {  // each story its own 40 words
      seed = seed * 1664525u + 1013904223u;
      body += words[(seed >> 16) % words.size()] + " ";
    }
    for (int k = 0; k < (copied ? 10 : 1); ++k) body += " خبر";
    for (int c = 0; c < (copied ? 5 : 1); ++c)
      feed += json{{"id", "s" + std::to_string(s) + "-" + std::to_string(c)},
                   {"title", "عنوان " + std::to_string(s)},
                   {"body", body},
                   {"source", "outlet" + std::to_string(c)},
                   {"date", "2024-01-0" + std::to_string(c + 1)}}
                  .dump() +
              "\n";
  }
  write_file(tmp / "in" / "stories.jsonl", feed);
  const std::string idx = (tmp / "idx").string();
  auto r = run_nsearch({"index", "--index", idx, (tmp / "in").string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto counted = json::parse(run_nsearch({"search", "--index", idx, "خبر", "--format", "json", "-n", "0"}).out);
  ASSERT_EQ(counted["total"], 1200);
  ASSERT_TRUE(counted["stories_is_estimate"]) << "the case this test is about";
  ServeProcess server({"--index", idx});
  ASSERT_GT(server.port(), 0) << server.banner();
  httplib::Client c("127.0.0.1", server.port());
  c.set_read_timeout(30, 0);
  auto page = [&](int offset) {
    auto res = c.Get(("/?q=" + encoded("خبر") + "&offset=" + std::to_string(offset)).c_str());
    EXPECT_TRUE(res && res->status == 200);
    return res ? res->body : std::string();
  };
  auto hits = [](const std::string& html) { return count_of(html, "<article class=\"hit\">"); };
  const std::string last = page(790);
  EXPECT_EQ(hits(last), 10u);
  EXPECT_EQ(last.find("rel=\"next\""), std::string::npos) << "the 800th story is the last";
  const std::string before = page(780);
  EXPECT_NE(before.find("rel=\"next\""), std::string::npos);
  EXPECT_EQ(hits(page(800)), 0u);
}

// A server started on a small index keeps up as the index seals databases and lists new ones
// (one article per database here), and when --rebuild swaps in a new generation.
TEST(ServeFollowing, NewDatabasesAndARebuild) {
  TempDir tmp;
  fs::copy(source_dir() / "corpus", tmp / "in");
  const std::string idx = (tmp / "idx").string(), in = (tmp / "in").string();
  auto index = [&](std::vector<std::string> extra) {
    std::vector<std::string> args{"index", "--index", idx, "--shards", "1", "--segment-size", "1", "--batch-size", "1"};
    args.insert(args.end(), extra.begin(), extra.end());
    return run_nsearch(args);
  };
  auto r = index({in});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string listed_at_start = read_file(tmp / "idx" / "XAPIANDB");
  ServeProcess server({"--index", idx});
  ASSERT_GT(server.port(), 0) << server.banner();
  httplib::Client c("127.0.0.1", server.port());
  c.set_read_timeout(30, 0);
  const std::string word = "حفتر";
  auto served = [&] {
    auto res = c.Get(("/api/search?duplicates=show&q=" + encoded(word)).c_str());
    return res ? json::parse(res->body)["total"].get<int>() : -1;
  };
  auto cli = [&] {
    auto res = run_nsearch({"search", "--index", idx, "--duplicates", "show", "--format", "json", word});
    return json::parse(res.out)["total"].get<int>();
  };
  const int at_start = served();
  ASSERT_GT(at_start, 0);
  // Copies under other titles land in databases the stub did not list when the server opened it.
  const std::string seed = read_file(tmp / "in" / "001_183260085f83e7c3.txt");
  for (int i = 0; i < 3; ++i) {
    std::string copy = seed;
    copy.replace(copy.find("title: "), 7, "title: " + std::to_string(i) + " ");
    write_file(tmp / "in" / ("copy" + std::to_string(i) + ".txt"), copy);
  }
  r = index({});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  ASSERT_NE(read_file(tmp / "idx" / "XAPIANDB"), listed_at_start);
  EXPECT_EQ(cli(), at_start + 3);
  EXPECT_EQ(served(), at_start + 3) << "the server sees the articles of the newly listed databases";
  // A rebuild after two copies are gone: a new generation, the old one deleted.
  fs::remove(tmp / "in" / "copy0.txt");
  fs::remove(tmp / "in" / "copy1.txt");
  r = index({"--rebuild", in});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(cli(), at_start + 1);
  EXPECT_EQ(served(), at_start + 1) << "the server follows the rebuilt index";
  EXPECT_EQ(server.stop(), 0);
}

// ---- In a real browser -------------------------------------------------------------------

int free_port() {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  socklen_t len = sizeof addr;
  getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  close(fd);
  return ntohs(addr.sin_port);
}

// Headless Chromium through chromedriver's WebDriver HTTP API.
class Browser {
 public:
  explicit Browser(const fs::path& profile) : port_(free_port()) {
    pid_ = fork();
    if (pid_ == 0) {
      std::string port = "--port=" + std::to_string(port_);
      execl("/usr/bin/chromedriver", "chromedriver", port.c_str(), "--silent", static_cast<char*>(nullptr));
      _exit(127);
    }
    for (int i = 0; i < 200 && !ready(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(50));
    json caps = {{"capabilities",
                  {{"alwaysMatch",
                    {{"browserName", "chrome"},
                     {"goog:chromeOptions",
                      {{"binary", "/usr/bin/chromium"},
                       {"args",
                        {"--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                         "--window-size=1200,900", "--user-data-dir=" + profile.string()}}}}}}}}};
    json session = call("POST", "/session", caps);
    session_ = session["value"]["sessionId"].get<std::string>();
  }
  ~Browser() {
    if (!session_.empty()) call("DELETE", "/session/" + session_, nullptr);
    kill(pid_, SIGTERM);
    waitpid(pid_, nullptr, 0);
  }
  void go(const std::string& url) { call("POST", at("/url"), {{"url", url}}); }
  json run(const std::string& script) {
    return call("POST", at("/execute/sync"), {{"script", script}, {"args", json::array()}})["value"];
  }
  void click(const std::string& css) {
    json found = call("POST", at("/element"), {{"using", "css selector"}, {"value", css}})["value"];
    ASSERT_TRUE(found.is_object() && !found.empty()) << "no element " << css << ": " << found.dump();
    std::string element = found.begin().value().get<std::string>();
    call("POST", at("/element/" + element + "/click"), json::object());
  }
  // Polls a script until it returns true (a page load after a click).
  bool wait_for(const std::string& condition) {
    for (int i = 0; i < 200; ++i) {
      json v = run("return " + condition + ";");
      if (v.is_boolean() && v.get<bool>()) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return false;
  }

 private:
  std::string at(const std::string& path) const { return "/session/" + session_ + path; }
  bool ready() {
    httplib::Client c("127.0.0.1", port_);
    auto r = c.Get("/status");
    return r && r->status == 200;
  }
  json call(const std::string& method, const std::string& path, const json& body) {
    httplib::Client c("127.0.0.1", port_);
    c.set_read_timeout(60, 0);
    httplib::Result r = method == "DELETE" ? c.Delete(path.c_str())
                                           : c.Post(path.c_str(), body.dump(), "application/json; charset=utf-8");
    if (!r) throw std::runtime_error("chromedriver did not answer " + method + " " + path);
    json j = json::parse(r->body, nullptr, false);
    if (r->status != 200) throw std::runtime_error("chromedriver: " + method + " " + path + ": " + r->body);
    return j;
  }
  int port_;
  pid_t pid_ = -1;
  std::string session_;
};

class ServeInBrowser : public Serve {
 protected:
  void SetUp() override {
    if (!fs::exists("/usr/bin/chromium") || !fs::exists("/usr/bin/chromedriver"))
      GTEST_SKIP() << "SKIPPED: chromium or chromium-driver not installed (scripts/install-deps installs them); "
                      "the page was not tested in a browser";
    profile_ = std::make_unique<TempDir>();
    browser_ = std::make_unique<Browser>(profile_->path());
  }
  std::string page(const std::string& query) const {
    return "http://127.0.0.1:" + std::to_string(server_->port()) + "/?" + query;
  }
  std::unique_ptr<TempDir> profile_;
  std::unique_ptr<Browser> browser_;
};

TEST_F(ServeInBrowser, RendersHitsWithHighlightsRightToLeft) {
  browser_->go(page("q=" + encoded(kHafter)));
  json seen = browser_->run(
      "return {dir: document.documentElement.dir, lang: document.documentElement.lang,"
      " hits: document.querySelectorAll('article.hit').length,"
      " marked: [...document.querySelectorAll('article.hit .snippet mark')].map(m => m.textContent),"
      " query: document.querySelector('input[name=q]').value};");
  EXPECT_EQ(seen["dir"], "rtl");
  EXPECT_EQ(seen["lang"], "ar");
  json api = json::parse(get("/api/search?q=" + encoded(kHafter))->body);
  EXPECT_EQ(seen["hits"], api["hits"].size());
  ASSERT_FALSE(seen["marked"].empty());
  for (const auto& m : seen["marked"]) EXPECT_EQ(m, kHafter);
  EXPECT_EQ(seen["query"], kHafter);
}

TEST_F(ServeInBrowser, AFacetClickFiltersByOutlet) {
  browser_->go(page("q=" + encoded(kHafter)));
  const std::string outlet = "الجزيرة";
  browser_->click("#sources input[value=\"" + outlet + "\"]");
  ASSERT_TRUE(browser_->wait_for("location.search.includes('source=')")) << "the click submits the filter";
  ASSERT_TRUE(browser_->wait_for("document.readyState === 'complete'"));
  json seen = browser_->run(
      "return {outlets: [...document.querySelectorAll('article.hit .outlet')].map(o => o.textContent),"
      " checked: [...document.querySelectorAll('#sources input:checked')].map(i => i.value)};");
  json api = json::parse(get("/api/search?q=" + encoded(kHafter) + "&source=" + encoded(outlet))->body);
  ASSERT_EQ(seen["outlets"].size(), api["hits"].size());
  ASSERT_FALSE(seen["outlets"].empty());
  for (const auto& o : seen["outlets"]) EXPECT_EQ(o, outlet);
  EXPECT_EQ(seen["checked"], json::array({outlet}));
}

TEST_F(ServeInBrowser, AHistogramBarFiltersByMonth) {
  browser_->go(page("q=" + encoded(kHafter)));
  browser_->click("svg.histogram a[data-month=\"2024-10\"] rect");
  ASSERT_TRUE(browser_->wait_for("location.search.includes('since=2024-10')"));
  ASSERT_TRUE(browser_->wait_for("document.readyState === 'complete'"));
  json dates = browser_->run("return [...document.querySelectorAll('article.hit time')].map(t => t.textContent);");
  ASSERT_FALSE(dates.empty());
  for (const auto& d : dates) EXPECT_EQ(d.get<std::string>().substr(0, 7), "2024-10");
}

TEST_F(ServeInBrowser, AHostileTitleIsTextAndNeverRuns) {
  const std::string probe =
      "return {pwned: window.__pwned === undefined ? 0 : window.__pwned, scripts: document.scripts.length,"
      " images: document.images.length, bolds: document.querySelectorAll('b').length,"
      " title: document.querySelector('%s').textContent};";
  auto with = [&](const char* selector) {
    std::string s = probe;
    return s.replace(s.find("%s"), 2, selector);
  };
  browser_->go(page("q=" + encoded("الزرافة")));
  json seen = browser_->run(with("article.hit h2"));
  EXPECT_EQ(seen["pwned"], 0);
  EXPECT_EQ(seen["scripts"], 1) << "only the page's own script";
  EXPECT_EQ(seen["images"], 0);
  EXPECT_EQ(seen["bolds"], 0);
  EXPECT_NE(seen["title"].get<std::string>().find("<script>window.__pwned=1</script>"), std::string::npos)
      << seen["title"];
  browser_->go("http://127.0.0.1:" + std::to_string(server_->port()) + "/article/" + encoded(hostile_id()));
  seen = browser_->run(with("main.article h1"));
  EXPECT_EQ(seen["pwned"], 0);
  EXPECT_EQ(seen["images"], 0);
  EXPECT_NE(seen["title"].get<std::string>().find("onerror=\"window.__pwned=2\""), std::string::npos);
  EXPECT_TRUE(browser_->run("return document.querySelector('a[href^=\"javascript\"]') === null;").get<bool>());
}

}  // namespace
}  // namespace nsearch::test
