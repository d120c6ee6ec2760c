// Runs the questions through nsearch's own Searcher exactly as `nsearch search` does (10 hits,
// snippets, source+month facets), timing each query; then writes the top-100 TREC run (ids
// only, no snippets), timing each of those queries too, into LATENCIES.ids.
//   nsearch_latency INDEX QUERIES.tsv RUN.trec LATENCIES.txt [WEIGHTING]   (RUN "-": latency only)
// WEIGHTING: as `nsearch search --weighting` (searcher/weighting.h), dlh when not given.
// INDEX may be an index directory or a stub file listing local and remote shards.
#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>

#include "bench/bench_io.h"
#include "common/errors.h"
#include "searcher/index_set.h"
#include "searcher/search_output.h"
#include "searcher/searcher.h"

int main(int argc, char** argv) {
  if (argc != 5 && argc != 6) {
    std::fprintf(stderr, "usage: nsearch_latency INDEX QUERIES RUN LATENCIES [WEIGHTING]\n");
    return 2;
  }
  nsearch::SearcherOptions options;
  if (argc == 6) options.weighting = argv[5];
  nsearch::Searcher searcher(nsearch::open_index_set({argv[1]}, false), options);
  auto queries = nsearch::bench::read_queries(argv[2]);
  // Timed pass: what a user gets (10 hits, snippets, source and month facets).
  nsearch::SearchRequest shown;
  shown.facets = {"source", "month"};
  std::vector<double> ms;
  for (const auto& [qid, text] : queries) {
    shown.query = text;
    auto t0 = std::chrono::steady_clock::now();
    try {
      (void)searcher.search(shown);
    } catch (const nsearch::Error&) {
    }
    ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
  }
  nsearch::bench::write_latencies(argv[4], ms);
  if (std::string(argv[3]) == "-") return 0;
  // The top 100 for relevance, ids only, as a script would ask for them: on a searcher of its
  // own, which has not met these questions' words in the pass above.
  nsearch::Searcher fresh(nsearch::open_index_set({argv[1]}, false), options);
  nsearch::SearchRequest deep;
  deep.limit = 100;
  deep.snippets = false;
  deep.stories = false;
  deep.spelling = nsearch::SpellingMode::Off;
  nsearch::PrintOptions print;
  print.format = nsearch::OutputFormat::Trec;
  std::FILE* run = std::fopen(argv[3], "w");
  std::vector<double> deep_ms;
  for (const auto& [qid, text] : queries) {
    deep.query = text;
    print.qid = qid;
    auto t0 = std::chrono::steady_clock::now();
    try {
      nsearch::print_result(fresh.search(deep), print, run);
    } catch (const nsearch::Error& e) {
      std::fprintf(stderr, "query %s: %s\n", qid.c_str(), e.what());
    }
    deep_ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
  }
  std::fclose(run);
  nsearch::bench::write_latencies(std::string(argv[4]) + ".ids", deep_ms);
  return 0;
}
