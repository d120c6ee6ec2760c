// Shared by the bench programs: reading queries and printing latency percentiles the same way
// for nsearch and the baselines, so the comparison is like for like.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace nsearch::bench {

// qid<TAB>question lines.
std::vector<std::pair<std::string, std::string>> read_queries(const std::string& path);

// Writes per-query milliseconds, one per line, to path.
void write_latencies(const std::string& path, const std::vector<double>& ms);

}  // namespace nsearch::bench
