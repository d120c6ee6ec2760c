// The hostile-input catalogue (tests/data/bad/README.md): each case through the real binary,
// beside a good article that must always be indexed. Small cases are files in
// tests/data/bad/; big or filesystem-shaped ones are made here.
#include <sys/stat.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <fstream>

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include "indexer/article_parser.h"
#include "tests/test_support.h"

namespace nsearch::test {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

const std::string kGood = "---\ntitle: خبر سليم\n---\nزار الوفد طرابلس أمس.\n";

class Hostile : public ::testing::Test {
 protected:
  void SetUp() override { write_file(tmp_ / "in" / "good.txt", kGood); }
  void add_bad(const std::string& name) {
    fs::copy(source_dir() / "tests" / "data" / "bad" / name, tmp_ / "in" / name);
  }
  RunResult index(const ChildLimits& limits = {}) {
    return run_nsearch({"index", "--index", (tmp_ / "idx").string(), (tmp_ / "in").string()}, "", limits);
  }
  std::string ids(const std::string& query) {
    return run_nsearch({"search", "--index", (tmp_ / "idx").string(), "--format", "ids", "--limit", "100",
                        "--duplicates", "show", query})
        .out;
  }
  void expect_skipped(const RunResult& r, const std::string& name, const std::string& reason) {
    EXPECT_EQ(r.exit_code, 3) << r.err;
    EXPECT_NE(r.err.find(name + ": " + reason), std::string::npos) << r.err;
    EXPECT_EQ(ids("طرابلس"), "in/good.txt\n");
  }
  TempDir tmp_;
};

// Byte-level damage: each file skipped with its reason, the good article indexed.
// The UTF-8 check passes sixteen bytes at a time where they are ASCII and two-byte sequences:
// a bad sequence is found at its first byte whatever its offset in a block, and good ones of
// every length are passed.
TEST(Utf8Check, TheFirstBadByteIsFoundAtAnyOffset) {
  const std::vector<std::string> good = {"ب", "ت", " ", "a", "“", "😀", "ة"};
  const std::vector<std::string> bad = {"\x80",
                                        "\xC0\xAF",
                                        "\xD8"
                                        "a",
                                        "\xE2\x80",
                                        "\xED\xA0\x80",
                                        "\xF4\x90\x80\x80",
                                        "\xD9"};
  for (size_t start = 0; start < good.size(); ++start) {
    std::string prefix;
    for (size_t k = start; prefix.size() < 48; ++k) {
      std::string tail;
      for (size_t t = 0; t < 24; ++t) tail += good[(k + t) % 3];
      EXPECT_EQ(invalid_utf8_offset(prefix + tail), std::string::npos) << prefix.size();
      for (const std::string& b : bad) {
        std::string text = prefix + b + (b == "\xD9" ? "" : tail);
        EXPECT_EQ(invalid_utf8_offset(text), prefix.size()) << prefix.size() << " " << b.size();
      }
      prefix += good[k % good.size()];
    }
  }
}

TEST_F(Hostile, BrokenBytesAreSkippedWithTheirReason) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"invalid_utf8.txt", "not valid UTF-8 (first bad byte at offset"},
      {"overlong.txt", "not valid UTF-8"},
      {"lone_surrogate.txt", "not valid UTF-8"},
      {"nul_bytes.txt", "binary data (NUL bytes)"},
  };
  for (const auto& [file, reason] : cases) add_bad(file);
  auto r = index();
  for (const auto& [file, reason] : cases) expect_skipped(r, file, reason);
}

TEST_F(Hostile, HeaderWithoutBodyIsIndexedByItsTitle) {
  add_bad("header_no_body.txt");
  auto r = index();
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(ids("مستشفى"), "in/header_no_body.txt\n");
}

TEST_F(Hostile, OnlyDiacriticsOrTatweelIsSkippedAsTextless) {
  add_bad("only_diacritics.txt");
  add_bad("only_tatweel.txt");
  auto r = index();
  expect_skipped(r, "only_diacritics.txt", "no searchable text");
  EXPECT_NE(r.err.find("only_tatweel.txt: no searchable text"), std::string::npos) << r.err;
}

TEST_F(Hostile, BidiOverridesDoNotHideWords) {
  add_bad("bidi_override.txt");
  auto r = index();
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(ids("حفتر"), "in/bidi_override.txt\n");
  EXPECT_EQ(ids("صامد"), "in/bidi_override.txt\n");
}

TEST_F(Hostile, EscapeSequencesAreRemovedBeforeAnythingIsStoredOrPrinted) {
  add_bad("escape_sequences.txt");
  auto r = index();
  EXPECT_EQ(r.exit_code, 0) << r.err;
  auto controls = [](const std::string& s) {
    return std::count_if(s.begin(), s.end(), [](char c) { return c == '\x1B' || c == '\x07'; });
  };
  auto shown = run_nsearch({"show", "--index", (tmp_ / "idx").string(), "escape_sequences.txt", "--format", "json"});
  ASSERT_EQ(shown.exit_code, 0) << shown.err;
  auto j = json::parse(shown.out);
  EXPECT_EQ(j["title"], "عنوان يغير نافذة الطرفية");
  EXPECT_EQ(j["source"], "مصدر أحمر");
  EXPECT_EQ(j["author"], "كاتب");
  EXPECT_EQ(j["body"], "خبر عن مستشفى طرابلس وحرف تحكم وجرس.");
  for (auto args : std::vector<std::vector<std::string>>{{"search", "مستشفى"},
                                                         {"search", "مستشفى", "--color", "never"},
                                                         {"search", "مستشفى", "--format", "json"},
                                                         {"show", "escape_sequences.txt"}}) {
    args.insert(args.begin() + 1, {"--index", (tmp_ / "idx").string()});
    auto out = run_nsearch(args);
    EXPECT_EQ(out.exit_code, 0) << out.err;
    EXPECT_EQ(controls(out.out), 0) << out.out;
  }
  EXPECT_EQ(ids("pwned"), "");  // the sequences' payloads are not words either
}

TEST_F(Hostile, MillionCharacterWordIsIndexedAndTheRestSearchable) {
  std::string word;
  for (int i = 0; i < 1000000; ++i) word += i % 2 ? "ب" : "ا";
  write_file(tmp_ / "in" / "huge_word.txt", "---\ntitle: كلمة طويلة\n---\nقبل " + word + " بعد مستشفى\n");
  auto r = index();
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(ids("مستشفى"), "in/huge_word.txt\n");
}

TEST_F(Hostile, TwoHundredMegabyteRecordIsSkippedAndItsNeighboursIndexed) {
  {
    std::ofstream f(tmp_ / "in" / "big.jsonl", std::ios::binary);
    f << R"({"id":"before","title":"قبل","body":"مستشفى طرابلس"})"
      << "\n";
    f << R"({"id":"huge","title":"ضخم","body":")";
    std::string chunk(1 << 20, 'x');
    for (int i = 0; i < 200; ++i) f << chunk;
    f << "\"}\n";
    f << R"({"id":"after","title":"بعد","body":"مستشفى"})"
      << "\n";
  }
  auto r = index({.address_space = 2ull << 30});  // and within ulimit -v 2 GiB
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_NE(r.err.find("big.jsonl:2: article of 200 MB is over the 64 MB limit"), std::string::npos) << r.err;
  auto found = ids("مستشفى");
  EXPECT_NE(found.find("before"), std::string::npos);
  EXPECT_NE(found.find("after"), std::string::npos);
}

TEST_F(Hostile, DeeplyNestedJsonIsSkipped) {
  std::string deep =
      R"({"id":"deep","title":"عميق","body":"نص","x":)" + std::string(200000, '[') + std::string(200000, ']') + "}";
  write_file(tmp_ / "in" / "deep.jsonl", deep + "\n" + R"({"id":"ok","title":"سليم","body":"مستشفى"})" + "\n");
  auto r = index();
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_NE(r.err.find("deep.jsonl:1: JSON nested deeper than 64 levels"), std::string::npos) << r.err;
  EXPECT_EQ(ids("مستشفى"), "ok\n");
}

TEST_F(Hostile, OddPathNamesBecomeUsableIds) {
  for (std::string name : {"with space.txt", "خبر عربي.txt", "line\nbreak.txt"}) {
    write_file(tmp_ / "in" / name, "---\ntitle: اسم غريب\n---\nمستشفى\n");
  }
  auto r = index();
  EXPECT_EQ(r.exit_code, 0) << r.err;
  std::string found = ids("مستشفى");
  for (std::string id : {"in/with space.txt", "in/خبر عربي.txt", "in/line%0Abreak.txt"}) {
    EXPECT_NE(found.find(id + "\n"), std::string::npos) << found;
    auto shown = run_nsearch({"show", "--index", (tmp_ / "idx").string(), id});
    EXPECT_EQ(shown.exit_code, 0) << id << ": " << shown.err;
  }
}

// Xapian bounds a term at 245 bytes and a metadata key at 255: a run-on byline, a one-word
// outlet name and a path deep in Arabic folders must not fail the run.
TEST_F(Hostile, RunOnBylineAndOutletAreIndexedAndFilterable) {
  std::string byline, outlet;
  for (int i = 0; i < 60; ++i) byline += "محمد ";
  for (int i = 0; i < 60; ++i) outlet += "مصدر";
  write_file(tmp_ / "in" / "long.jsonl",
             json{{"id", "a1"}, {"title", "خبر"}, {"body", "مستشفى"}, {"author", byline}}.dump() + "\n" +
                 json{{"id", "a2"}, {"title", "خبر"}, {"body", "مستشفى"}, {"source", outlet}}.dump() + "\n");
  auto r = index();
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(ids("مستشفى source:" + outlet), "a2\n");
  EXPECT_EQ(ids("مستشفى author:محمد"), "a1\n");
  auto facets = run_nsearch(
      {"search", "--index", (tmp_ / "idx").string(), "--format", "json", "--facets", "author,source", "مستشفى"});
  ASSERT_EQ(facets.exit_code, 0) << facets.err;
  auto j = json::parse(facets.out);
  EXPECT_EQ(j["facets"]["author"].size(), 1u) << facets.out;
  EXPECT_EQ(j["facets"]["source"].size(), 1u) << facets.out;
}

TEST_F(Hostile, PathLongerThanAMetadataKeyIsIndexedKeptAndRemoved) {
  // The root is deep (its name starts the id, what lies above it does not), so the id is short
  // and the absolute path long.
  fs::path root = tmp_.path();
  for (int i = 0; i < 6; ++i) root /= std::string(40, 'd') + "مجلد";  // no name passes NAME_MAX
  root /= "in";
  write_file(root / "خبر.txt", "---\ntitle: خبر عميق\n---\nمستشفى\n");
  ASSERT_GT((root / "خبر.txt").string().size(), 255u);
  auto run = [&] { return run_nsearch({"index", "--index", (tmp_ / "idx").string(), root.string()}); };
  auto r = run();
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(ids("مستشفى"), "in/خبر.txt\n");
  auto again = run();  // unchanged: known from its manifest entry
  EXPECT_EQ(again.exit_code, 0) << again.err;
  EXPECT_NE(again.out.find("1 unchanged"), std::string::npos) << again.out;
  EXPECT_EQ(ids("مستشفى"), "in/خبر.txt\n");
  fs::remove(root / "خبر.txt");
  auto gone = run();
  EXPECT_EQ(gone.exit_code, 0) << gone.err;
  EXPECT_EQ(ids("مستشفى"), "");
}

TEST_F(Hostile, ArticleWithTooLongAnIdIsReportedOnEveryRun) {
  fs::path deep = tmp_ / "in";
  for (int i = 0; i < 4; ++i) deep /= std::string(40, 'd') + "مجلد";
  write_file(deep / "خبر.txt", "---\ntitle: خبر عميق\n---\nمستشفى\n");
  expect_skipped(index(), "خبر.txt", "id longer than 200 bytes");
  expect_skipped(index(), "خبر.txt", "id longer than 200 bytes");
}

TEST_F(Hostile, SymlinkLoopDoesNotTrapTheWalk) {
  fs::create_directory_symlink(tmp_ / "in", tmp_ / "in" / "loop");
  fs::create_directory(tmp_ / "in" / "sub");
  fs::create_directory_symlink(tmp_ / "in" / "sub", tmp_ / "in" / "sub" / "self");
  auto r = index();
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(ids("طرابلس"), "in/good.txt\n");
}

TEST_F(Hostile, UnreadableFileIsReported) {
  write_file(tmp_ / "in" / "secret.txt", "---\ntitle: سر\n---\nمستشفى\n");
  fs::permissions(tmp_ / "in" / "secret.txt", fs::perms::none);
  ChildLimits limits;
  if (geteuid() == 0) {
    // root reads everything: index as `nobody`, in folders it may use.
    limits.uid = 65534;
    fs::permissions(tmp_.path(), fs::perms::all);
    fs::permissions(tmp_ / "in", fs::perms::all);
  }
  auto r = index(limits);
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_NE(r.err.find("secret.txt: cannot read"), std::string::npos) << r.err;
  EXPECT_EQ(ids("طرابلس"), "in/good.txt\n");
}

TEST_F(Hostile, FullDiskIsAClearErrorAndTheIndexStaysUsable) {
  // A first run that fits, then a big batch that does not: writes fail with EFBIG past 3 MB
  // (ulimit -f), as they would with ENOSPC on a full disk.
  ASSERT_EQ(index().exit_code, 0);
  std::string many;
  const auto sentences = seed_sentences();
  for (int i = 0; i < 3000; ++i) {
    many += json{{"id", fmt::format("m{}", i)},
                 {"title", sentences[i % sentences.size()]},
                 {"body", sentences[(i * 7) % sentences.size()] + " مستشفى " + std::to_string(i)}}
                .dump() +
            "\n";
  }
  write_file(tmp_ / "in" / "many.jsonl", many);
  auto full = index({.file_size = 3u << 20});
  EXPECT_EQ(full.exit_code, 7) << full.err;
  EXPECT_NE(full.err.find("File too large"), std::string::npos) << full.err;
  EXPECT_EQ(std::count(full.err.begin(), full.err.end(), '\n'), 1) << "one line: " << full.err;
  // What was committed before still answers (and some of the new articles may be in too).
  EXPECT_EQ(ids("title:سليم"), "in/good.txt\n");
  // Room again: the next run completes the work, nothing duplicated.
  auto again = index();
  EXPECT_EQ(again.exit_code, 0) << again.err;
  auto r = run_nsearch({"search", "--index", (tmp_ / "idx").string(), "--format", "ids", "--limit", "5000",
                        "--duplicates", "show", "مستشفى"});
  EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 3000);
}

}  // namespace
}  // namespace nsearch::test
