// Shared by the bench programs: reading queries and printing latency percentiles the same way
// for nsearch and the baselines, so the comparison is like for like.
#pragma once

#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace nsearch::bench {

struct BenchArticle {
  std::string id, title, body;
};

// Reads JSON Lines from standard input and calls f for each record with an id and some text
// (the baselines index exactly the articles nsearch accepts).
void for_each_article(const std::function<void(const BenchArticle&)>& f);

// qid<TAB>question lines.
std::vector<std::pair<std::string, std::string>> read_queries(const std::string& path);

// Writes per-query milliseconds, one per line, to path.
void write_latencies(const std::string& path, const std::vector<double>& ms);

}  // namespace nsearch::bench
