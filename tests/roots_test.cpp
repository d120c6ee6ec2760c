// Roots and ids through the real binary: the same file name under two roots, one id claimed by
// two files, missing and forgotten roots, rejected inputs, paths given twice, new locations
// left clean, and summaries that add up in each case.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <set>

#include <nlohmann/json.hpp>

#include "tests/test_support.h"

namespace nsearch::test {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

std::string article(const std::string& title, const std::string& body) {
  return "---\ntitle: " + title + "\n---\n" + body + "\n";
}

class Roots : public ::testing::Test {
 protected:
  RunResult index(std::vector<std::string> args) {
    args.insert(args.begin(), {"index", "--index", idx(), "--format", "json"});
    return run_nsearch(args);
  }
  // Runs and checks the exit code; returns the summary.
  json run(std::vector<std::string> args, int exit_code = 0) {
    auto r = index(args);
    EXPECT_EQ(r.exit_code, exit_code) << r.err;
    last_err_ = r.err;
    return json::parse(r.out.substr(0, r.out.find('\n')), nullptr, false);
  }
  void expect(const json& s, int added, int updated, int unchanged, int removed, int skipped = 0) {
    EXPECT_EQ(s["added"], added) << s;
    EXPECT_EQ(s["updated"], updated) << s;
    EXPECT_EQ(s["unchanged"], unchanged) << s;
    EXPECT_EQ(s["removed"], removed) << s;
    EXPECT_EQ(s["skipped"], skipped) << s;
  }
  std::set<std::string> ids(const std::string& query = "نص") {
    auto r =
        run_nsearch({"search", "--index", idx(), "--format", "ids", "--limit", "1000", "--duplicates", "show", query});
    std::set<std::string> out;
    for (size_t p = 0, e; (e = r.out.find('\n', p)) != std::string::npos; p = e + 1) out.insert(r.out.substr(p, e - p));
    return out;
  }
  json show(const std::string& id) {
    return json::parse(run_nsearch({"show", "--index", idx(), id, "--format", "json"}).out, nullptr, false);
  }
  json roots() { return json::parse(run_nsearch({"roots", "--index", idx(), "--format", "json"}).out)["roots"]; }
  std::string idx() const { return (tmp_ / "idx").string(); }
  fs::path path(const std::string& rel) const { return tmp_ / rel; }

  TempDir tmp_;
  std::string last_err_;
};

TEST_F(Roots, SameFileNameUnderTwoRootsIsTwoArticles) {
  write_file(path("news/aljazeera/2024-10-23.txt"), article("خبر الجزيرة", "نص عن طرابلس"));
  write_file(path("news/anadolu/2024-10-23.txt"), article("خبر الأناضول", "نص عن أنقرة"));
  expect(run({path("news/aljazeera").string()}), 1, 0, 0, 0);
  expect(run({path("news/anadolu").string()}), 1, 0, 0, 0);  // no longer "0 added, 1 updated"
  expect(run({}), 0, 0, 2, 0);
  EXPECT_EQ(ids(), (std::set<std::string>{"aljazeera/2024-10-23.txt", "anadolu/2024-10-23.txt"}));
  EXPECT_EQ(show("aljazeera/2024-10-23.txt")["title"], "خبر الجزيرة");
  EXPECT_EQ(show("anadolu/2024-10-23.txt")["title"], "خبر الأناضول");
  // Without the root's name the id is ambiguous, and show says which ids it could be.
  auto both = run_nsearch({"show", "--index", idx(), "2024-10-23.txt"});
  EXPECT_EQ(both.exit_code, 1);
  EXPECT_NE(both.err.find("aljazeera/2024-10-23.txt, anadolu/2024-10-23.txt"), std::string::npos) << both.err;
  // A rename in one root: a removal and an addition there, the other root untouched.
  fs::rename(path("news/anadolu/2024-10-23.txt"), path("news/anadolu/2024-10-24.txt"));
  expect(run({}), 1, 0, 1, 1);
  EXPECT_EQ(show("anadolu/2024-10-24.txt")["title"], "خبر الأناضول");
  EXPECT_EQ(show("2024-10-24.txt")["title"], "خبر الأناضول");  // one root has it: no name needed
  EXPECT_EQ(json::parse(run_nsearch({"stats", "--index", idx(), "--format", "json"}).out)["documents"], 2);
}

// File times are coarse: two files written in one clock tick share their mtime. A file renamed
// over another of the same size and mtime is still a change (found by the torture test).
TEST_F(Roots, AFileRenamedOverAnotherOfTheSameSizeAndTimeIsReRead) {
  write_file(path("news/a.txt"), article("عنوان 22", "نص 22 عن طرابلس"));
  write_file(path("news/b.txt"), article("عنوان 27", "نص 27 عن طرابلس"));
  auto tick = fs::file_time_type::clock::now() - std::chrono::hours(1);
  fs::last_write_time(path("news/a.txt"), tick);
  fs::last_write_time(path("news/b.txt"), tick);
  ASSERT_EQ(fs::file_size(path("news/a.txt")), fs::file_size(path("news/b.txt")));
  expect(run({path("news").string()}), 2, 0, 0, 0);
  fs::rename(path("news/b.txt"), path("news/a.txt"));
  expect(run({}), 0, 1, 0, 1);
  EXPECT_EQ(show("news/a.txt")["title"], "عنوان 27");
  EXPECT_EQ(ids(), (std::set<std::string>{"news/a.txt"}));
}

TEST_F(Roots, FoldersWithOneNameGetNamesMadeUnique) {
  for (const char* parent : {"a", "b", "c"})
    write_file(path(std::string(parent) + "/news/x.txt"), article("خبر", "نص"));
  expect(run({path("b/news").string(), path("a/news").string()}), 2, 0, 0, 0);  // recorded in path order
  expect(run({path("c/news").string()}), 1, 0, 0, 0);
  EXPECT_EQ(ids(), (std::set<std::string>{"news/x.txt", "news-2/x.txt", "news-3/x.txt"}));
  EXPECT_EQ(show("news/x.txt")["path"], fs::weakly_canonical(path("a/news/x.txt")).string());
  EXPECT_EQ(show("news-2/x.txt")["path"], fs::weakly_canonical(path("b/news/x.txt")).string());
  // Ids are stable: a rebuild keeps the recorded names.
  expect(run({"--rebuild"}), 3, 0, 0, 0);
  EXPECT_EQ(ids(), (std::set<std::string>{"news/x.txt", "news-2/x.txt", "news-3/x.txt"}));
}

// Of two files that claim one id, the first path in byte order keeps it, whichever was read
// first; the other is reported with both paths, re-read every run, and takes the id back when
// the first lets it go. Incremental runs and --rebuild agree.
TEST_F(Roots, IdClaimedByTwoFilesGoesToTheFirstPathWhateverTheOrder) {
  const std::string a = fs::weakly_canonical(tmp_.path()).string() + "/a/feed.jsonl";
  const std::string b = fs::weakly_canonical(tmp_.path()).string() + "/b/feed.jsonl";
  write_file(b, R"({"id":"s1","title":"من ب","body":"نص ب"})"
                "\n"
                R"({"id":"b2","title":"ب٢","body":"نص"})"
                "\n");
  expect(run({path("b").string()}), 2, 0, 0, 0);
  write_file(a, R"({"id":"s1","title":"من أ","body":"نص أ"})"
                "\n");
  auto s = run({path("a").string()});
  expect(s, 0, 1, 0, 0);  // s1 moves from b to a: updated, not added
  EXPECT_EQ(show("s1")["title"], "من أ");
  // Read again, b learns it lost s1: reported with both paths, on every run.
  for (int i = 0; i < 2; ++i) {
    s = run({}, 3);
    expect(s, 0, 0, 2, 0, 1);
    EXPECT_NE(last_err_.find(b + ":1: id 's1' is also claimed by " + a + ", which keeps it"), std::string::npos)
        << last_err_;
  }
  for (const auto& r : roots()) EXPECT_EQ(r["articles"], 1) << roots();  // a holds s1, b only b2
  EXPECT_EQ(roots()[0]["name"], "b");                                    // recorded first
  expect(run({"--rebuild"}, 3), 2, 0, 0, 0, 1);
  EXPECT_EQ(show("s1")["title"], "من أ");
  // a lets s1 go: b takes it back on the next run.
  write_file(a, R"({"id":"a2","title":"أ٢","body":"نص"})"
                "\n");
  expect(run({}), 1, 1, 1, 0);
  EXPECT_EQ(show("s1")["title"], "من ب");
  EXPECT_EQ(ids(), (std::set<std::string>{"s1", "a2", "b2"}));
}

TEST_F(Roots, MissingRootKeepsItsArticlesUntilForgotten) {
  write_file(path("disk/a.txt"), article("أ", "نص أول"));
  write_file(path("disk/b.txt"), article("ب", "نص ثان"));
  write_file(path("home/c.txt"), article("ج", "نص ثالث"));
  expect(run({path("disk").string(), path("home").string()}), 3, 0, 0, 0);
  fs::rename(path("disk"), path("unplugged"));
  for (int i = 0; i < 2; ++i) {  // reported on every run, articles kept
    auto s = run({}, 3);
    expect(s, 0, 0, 1, 0);
    EXPECT_EQ(s["missing_roots"], 1);
    EXPECT_NE(last_err_.find("/disk: missing (a disk not mounted?); its 2 articles are kept"), std::string::npos)
        << last_err_;
    EXPECT_NE(last_err_.find("`nsearch index --forget " + path("disk").string() + "` removes the articles of"),
              std::string::npos)
        << last_err_;
    EXPECT_EQ(ids(), (std::set<std::string>{"disk/a.txt", "disk/b.txt", "home/c.txt"}));
  }
  // Reported by a run of another root too, and a rebuild waits for it.
  EXPECT_EQ(run({path("home").string()}, 3)["missing_roots"], 1);
  auto rebuild = index({"--rebuild"});
  EXPECT_EQ(rebuild.exit_code, 2);
  EXPECT_NE(rebuild.err.find("cannot rebuild while the root"), std::string::npos) << rebuild.err;
  EXPECT_EQ(ids().size(), 3u);
  auto listed = roots();
  ASSERT_EQ(listed.size(), 2u);
  EXPECT_EQ(listed[0]["name"], "disk");
  EXPECT_EQ(listed[0]["articles"], 2);
  EXPECT_EQ(listed[0]["present"], false);
  // Plugged back in: nothing to redo.
  fs::rename(path("unplugged"), path("disk"));
  expect(run({}), 0, 0, 3, 0);
  fs::rename(path("disk"), path("unplugged"));
  // Forgotten (by name here): its articles go, the other root is re-scanned.
  expect(run({"--forget", "disk"}), 0, 0, 1, 2);
  EXPECT_EQ(ids(), (std::set<std::string>{"home/c.txt"}));
  EXPECT_EQ(roots().size(), 1u);
  expect(run({}), 0, 0, 1, 0);
  auto unknown = index({"--forget", path("nowhere").string()});
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_NE(unknown.err.find("not a recorded root"), std::string::npos) << unknown.err;
  EXPECT_NE(unknown.err.find("`nsearch roots` lists them"), std::string::npos) << unknown.err;
}

TEST_F(Roots, RootsCommandListsEachRootWithItsArticlesAndLastScan) {
  write_file(path("one/a.txt"), article("أ", "نص"));
  write_file(path("one/feed.jsonl"), R"({"id":"j1","title":"ي","body":"نص"})"
                                     "\n"
                                     R"({"id":"j2","title":"ي","body":"نص"})"
                                     "\n");
  write_file(path("two/b.txt"), article("ب", "نص"));
  run({path("one").string(), path("two").string()});
  auto listed = roots();
  ASSERT_EQ(listed.size(), 2u);
  EXPECT_EQ(listed[0]["name"], "one");
  EXPECT_EQ(listed[0]["articles"], 3);
  EXPECT_EQ(listed[1]["articles"], 1);
  EXPECT_EQ(listed[0]["path"], fs::weakly_canonical(path("one")).string());
  EXPECT_EQ(listed[0]["last_scan"].get<std::string>().size(), 20u);  // 2025-01-02T03:04:05Z
  auto text = run_nsearch({"roots", "--index", idx()});
  EXPECT_EQ(text.exit_code, 0);
  EXPECT_NE(text.out.find("one  "), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("  3  "), std::string::npos) << text.out;
  EXPECT_NE(text.out.find(fs::weakly_canonical(path("two")).string()), std::string::npos) << text.out;
  EXPECT_EQ(run_nsearch({"roots", "--index", path("none").string()}).exit_code, 4);
}

TEST_F(Roots, OnlyInputsThatWereIndexedAreRecorded) {
  write_file(path("table.csv"), "a,b\n1,2\n");
  auto csv = index({path("table.csv").string()});
  EXPECT_EQ(csv.exit_code, 3);
  EXPECT_NE(csv.err.find("table.csv: not an article file"), std::string::npos) << csv.err;
  EXPECT_FALSE(fs::exists(idx())) << "a run that indexed nothing into a new location leaves nothing";
  EXPECT_EQ(run_nsearch({"search", "--index", idx(), "نص"}).exit_code, 4);
  write_file(path("in/a.txt"), article("أ", "نص"));
  expect(run({path("table.csv").string(), path("in").string()}, 3), 1, 0, 0, 0, 1);
  EXPECT_EQ(roots().size(), 1u);
  expect(run({}), 0, 0, 1, 0);  // a bare run no longer trips over the CSV file
}

TEST_F(Roots, ARunRefusedOnANewLocationLeavesNothingBehind) {
  auto missing = index({path("no/such/path").string()});
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.err.find("no such file or directory"), std::string::npos) << missing.err;
  auto bare = index({});
  EXPECT_EQ(bare.exit_code, 2);
  EXPECT_FALSE(fs::exists(idx()));
  EXPECT_EQ(run_nsearch({"search", "--index", idx(), "نص"}).exit_code, 4);
  auto stdin_junk = run_nsearch({"index", "--index", idx(), "-"}, "not json\n");
  EXPECT_EQ(stdin_junk.exit_code, 3);
  EXPECT_FALSE(fs::exists(idx()));
}

TEST_F(Roots, APathGivenTwiceOrInsideAnotherIsScannedOnce) {
  for (const char* f : {"in/a.txt", "in/b.txt", "in/sub/c.txt", "in/sub/d.txt"})
    write_file(path(f), article("خبر", "نص"));
  const std::string in = path("in").string(), sub = path("in/sub").string();
  expect(run({in, in, sub, in + "/"}), 4, 0, 0, 0);  // not "8 unchanged, 8 skipped"
  expect(run({in, in}), 0, 0, 4, 0);
  EXPECT_EQ(roots().size(), 1u);
  // A path inside a root is scanned as part of it (its ids begin with the root's name)...
  write_file(path("in/sub/e.txt"), article("جديد", "نص"));
  expect(run({sub}), 1, 0, 2, 0);
  EXPECT_TRUE(ids().count("in/sub/e.txt"));
  EXPECT_EQ(roots().size(), 1u);
  // ... and a new root around recorded ones takes them in: their ids change with it.
  expect(run({tmp_.path().string()}), 5, 0, 0, 5);
  EXPECT_EQ(roots().size(), 1u);
  EXPECT_TRUE(ids().count(tmp_.path().filename().string() + "/in/sub/e.txt"));
}

// ---- Summaries that add up ------------------------------------------------------------------
TEST_F(Roots, ByteCountsAreTheInputsSizes) {
  std::string feed;
  for (int i = 0; i < 500; ++i) {
    std::string n = std::to_string(i);
    feed += json{{"id", std::string("k").append(n)}, {"title", "عنوان"}, {"body", std::string("نص رقم ").append(n)}}
                .dump() +
            "\n";
  }
  write_file(path("plain/f.jsonl"), feed);
  write_file(path("plain/a.txt"), article("أ", "نص"));
  fs::create_directories(path("gz"));
  fs::create_directories(path("xz"));
  ASSERT_EQ(std::system(("gzip -c " + path("plain/f.jsonl").string() + " > " + path("gz/f.jsonl.gz").string()).c_str()),
            0);
  ASSERT_EQ(std::system(("xz -c " + path("plain/f.jsonl").string() + " > " + path("xz/f.jsonl.xz").string()).c_str()),
            0);
  auto s = run({path("plain").string()});
  EXPECT_EQ(s["input_bytes"], fs::file_size(path("plain/f.jsonl")) + fs::file_size(path("plain/a.txt")));
  EXPECT_GT(s["articles_per_s"], 0);
  // A re-run writes nothing: no rate (it counted the unchanged articles, millions a second).
  EXPECT_EQ(run({path("plain").string()})["articles_per_s"], 0);
  auto again = run_nsearch({"index", "--index", idx(), path("plain").string()});
  EXPECT_NE(again.out.find("501 unchanged"), std::string::npos) << again.out;
  EXPECT_EQ(again.out.find("articles/s"), std::string::npos) << again.out;
  EXPECT_EQ(run({path("gz").string(), "--rebuild"})["input_bytes"], fs::file_size(path("gz/f.jsonl.gz")));
  EXPECT_EQ(run({path("xz").string(), "--rebuild"})["input_bytes"], fs::file_size(path("xz/f.jsonl.xz")));
  TempDir other;
  auto piped = run_nsearch({"index", "--index", (other / "idx").string(), "--format", "json", "-"}, feed);
  EXPECT_EQ(json::parse(piped.out)["input_bytes"], feed.size());  // not 18446744073709.6 MB
  auto text = run_nsearch({"index", "--index", (other / "idx").string(), "-"}, feed);
  EXPECT_EQ(text.out.find("18446744073709"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find(" MB)"), std::string::npos) << text.out;  // unchanged: no rate
}

}  // namespace
}  // namespace nsearch::test
