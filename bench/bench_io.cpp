#include "bench/bench_io.h"

#include <iostream>

#include <nlohmann/json.hpp>

#include <fstream>
#include <stdexcept>

namespace nsearch::bench {

std::vector<std::pair<std::string, std::string>> read_queries(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::vector<std::pair<std::string, std::string>> out;
  std::string line;
  while (std::getline(in, line)) {
    auto tab = line.find('\t');
    if (tab != std::string::npos) out.emplace_back(line.substr(0, tab), line.substr(tab + 1));
  }
  return out;
}

void write_latencies(const std::string& path, const std::vector<double>& ms) {
  std::ofstream out(path);
  for (double m : ms) out << m << "\n";
}

void for_each_article(const std::function<void(const BenchArticle&)>& f) {
  std::string line;
  while (std::getline(std::cin, line)) {
    auto j = nlohmann::json::parse(line, nullptr, false);
    if (!j.is_object()) continue;
    BenchArticle a{j.value("id", ""), j.value("title", ""), j.value("body", "")};
    if (a.id.empty() || (a.title.empty() && a.body.empty())) continue;
    f(a);
  }
}

}  // namespace nsearch::bench
