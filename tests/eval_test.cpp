// bench/eval.py on a hand-made run whose scores were worked out by hand.
#include <gtest/gtest.h>

#include <cstdlib>

#include <nlohmann/json.hpp>

#include "tests/test_support.h"

namespace nsearch::test {
namespace {

TEST(Evaluator, MetricsOfAHandMadeRun) {
  if (std::system("python3 --version > /dev/null 2>&1") != 0) GTEST_SKIP() << "python3 not installed";
  TempDir tmp;
  // arcd-q1: relevant at rank 2 -> RR 1/2, recall 1, nDCG 1/log2(3) = 0.6309.
  // arcd-q2: relevant not retrieved -> 0, 0, 0.
  // tydiar-q3: relevant at rank 1 -> 1, 1, 1.  tydiar-q4: relevant at rank 11 -> RR 0 (past 10), recall 1, nDCG 0.
  write_file(tmp / "qrels", "arcd-q1 0 d1 1\narcd-q2 0 d2 1\ntydiar-q3 0 d3 1\ntydiar-q4 0 d4 1\n");
  std::string run = "arcd-q1 Q0 x 1 9 r\narcd-q1 Q0 d1 2 8 r\narcd-q2 Q0 x 1 9 r\ntydiar-q3 Q0 d3 1 9 r\n";
  for (int i = 1; i <= 10; ++i) run += "tydiar-q4 Q0 y" + std::to_string(i) + " " + std::to_string(i) + " 1 r\n";
  run += "tydiar-q4 Q0 d4 11 0.5 r\n";
  write_file(tmp / "run", run);
  // A second run better on q2 only, for the paired counts.
  write_file(tmp / "run2", run + "arcd-q2 Q0 d2 2 1 r\n");
  std::string cmd = "python3 " + (source_dir() / "bench" / "eval.py").string() + " --qrels " +
                    (tmp / "qrels").string() + " --run a=" + (tmp / "run").string() +
                    " --run b=" + (tmp / "run2").string() + " --json " + (tmp / "out.json").string() + " > /dev/null";
  ASSERT_EQ(std::system(cmd.c_str()), 0);
  auto j = nlohmann::json::parse(read_file(tmp / "out.json"));
  auto all = j["a"]["relevance"]["all"];
  EXPECT_NEAR(all["mrr@10"].get<double>(), (0.5 + 0 + 1 + 0) / 4, 1e-9);
  EXPECT_NEAR(all["recall@100"].get<double>(), (1 + 0 + 1 + 1) / 4.0, 1e-9);
  EXPECT_NEAR(all["ndcg@10"].get<double>(), (0.6309297535714575 + 0 + 1 + 0) / 4, 1e-9);
  EXPECT_NEAR(j["a"]["relevance"]["arcd"]["mrr@10"].get<double>(), 0.25, 1e-9);
  EXPECT_NEAR(j["a"]["relevance"]["tydi"]["mrr@10"].get<double>(), 0.5, 1e-9);
  // The halves by md5 of the id (arcd-q1, tydiar-q3 in h1; arcd-q2, tydiar-q4 in h0), one question each.
  auto rel = j["a"]["relevance"];
  EXPECT_EQ(rel["arcd h0"]["queries"], 1);
  EXPECT_EQ(rel["arcd h1"]["queries"], 1);
  EXPECT_NEAR(rel["arcd h1"]["mrr@10"].get<double>(), 0.5, 1e-9);
  EXPECT_NEAR(rel["arcd h0"]["recall@100"].get<double>(), 0.0, 1e-9);
  EXPECT_NEAR(rel["tydi h1"]["mrr@10"].get<double>(), 1.0, 1e-9);
  EXPECT_NEAR(rel["tydi h0"]["mrr@10"].get<double>(), 0.0, 1e-9);
  EXPECT_NEAR(rel["tydi h0"]["recall@100"].get<double>(), 1.0, 1e-9);
  EXPECT_EQ(j["b"]["vs_a"]["better"], 1);
  EXPECT_EQ(j["b"]["vs_a"]["worse"], 0);
}

// Judged by story: x is a copy of d1 (one story), so arcd-q1's first hit is its answer, and a
// run listing both copies keeps the first; y1..y3 are one story, so tydiar-q4's answer moves up.
TEST(Evaluator, StoriesJudgeOneHitPerStory) {
  if (std::system("python3 --version > /dev/null 2>&1") != 0) GTEST_SKIP() << "python3 not installed";
  TempDir tmp;
  write_file(tmp / "qrels", "arcd-q1 0 d1 1\ntydiar-q4 0 d4 1\n");
  write_file(tmp / "stories", "x\td1\nd1\td1\ny2\ty1\ny3\ty1\n");
  std::string run = "arcd-q1 Q0 x 1 9 r\narcd-q1 Q0 d1 2 8 r\n";
  for (int i = 1; i <= 11; ++i) run += "tydiar-q4 Q0 y" + std::to_string(i) + " " + std::to_string(i) + " 1 r\n";
  run += "tydiar-q4 Q0 d4 12 0.5 r\n";
  write_file(tmp / "run", run);
  std::string cmd = "python3 " + (source_dir() / "bench" / "eval.py").string() + " --qrels " +
                    (tmp / "qrels").string() + " --stories " + (tmp / "stories").string() +
                    " --run a=" + (tmp / "run").string() + " --json " + (tmp / "out.json").string() + " > /dev/null";
  ASSERT_EQ(std::system(cmd.c_str()), 0);
  auto j = nlohmann::json::parse(read_file(tmp / "out.json"));
  // By article: RR 1/2 and 0 (d4 at 12); by story: 1 and 1/10 (y2, y3 folded into y1).
  EXPECT_NEAR(j["a"]["relevance"]["all"]["mrr@10"].get<double>(), 0.25, 1e-9);
  EXPECT_NEAR(j["a"]["relevance_by_story"]["all"]["mrr@10"].get<double>(), 0.55, 1e-9);
  EXPECT_NEAR(j["a"]["relevance_by_story"]["arcd"]["mrr@10"].get<double>(), 1.0, 1e-9);
}

}  // namespace
}  // namespace nsearch::test
