// Analyzer throughput on real news text beside Xapian's TermGenerator + Stem("arabic") on the
// same text in the same run. Reads the first NSEARCH_BENCH_MB (default 8) MB of article text
// from $NSEARCH_NEWS (default ../shared/data/news/saudinewsnet.jsonl.xz).
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <string>
#include <vector>

#include <xapian.h>
#include <nlohmann/json.hpp>

#include "common/analyzer.h"
#include "indexer/line_reader.h"

namespace {

const std::vector<std::string>& texts() {
  static const std::vector<std::string> loaded = [] {
    const char* path = std::getenv("NSEARCH_NEWS");
    const char* mb = std::getenv("NSEARCH_BENCH_MB");
    size_t limit = (mb ? std::atoi(mb) : 8) * 1000000UL, total = 0;
    std::vector<std::string> out;
    auto reader = nsearch::LineReader::open(path ? path : "../shared/data/news/saudinewsnet.jsonl.xz");
    std::string line;
    while (total < limit && reader->next(line)) {
      auto j = nlohmann::json::parse(line, nullptr, false);
      if (!j.is_object()) continue;
      out.push_back(j.value("title", "") + "\n" + j.value("body", ""));
      total += out.back().size();
    }
    return out;
  }();
  return loaded;
}

size_t total_bytes() {
  size_t n = 0;
  for (const auto& t : texts()) n += t.size();
  return n;
}

void BM_NsearchAnalyzer(benchmark::State& state) {
  nsearch::Analyzer analyzer;
  size_t terms = 0;
  for (auto _ : state) {
    for (const auto& t : texts()) analyzer.analyze(t, [&](const nsearch::Token& tok) { terms += tok.term.size(); });
  }
  benchmark::DoNotOptimize(terms);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * total_bytes()));
}

void BM_XapianTermGeneratorArabic(benchmark::State& state) {
  Xapian::TermGenerator tg;
  tg.set_stemmer(Xapian::Stem("arabic"));
  size_t terms = 0;
  for (auto _ : state) {
    for (const auto& t : texts()) {
      Xapian::Document doc;
      tg.set_document(doc);
      tg.index_text(t);
      terms += doc.termlist_count();
    }
  }
  benchmark::DoNotOptimize(terms);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * total_bytes()));
}

BENCHMARK(BM_NsearchAnalyzer)->Unit(benchmark::kMillisecond)->MinTime(3);
BENCHMARK(BM_XapianTermGeneratorArabic)->Unit(benchmark::kMillisecond)->MinTime(3);

}  // namespace

BENCHMARK_MAIN();
