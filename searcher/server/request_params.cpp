#include "searcher/server/request_params.h"

#include <charconv>

#include <fmt/core.h>

#include "common/errors.h"

namespace nsearch::server {

namespace {

unsigned long count_param(const httplib::Request& req, const char* name, unsigned long fallback, unsigned long max) {
  if (!req.has_param(name)) return fallback;
  std::string v = req.get_param_value(name);
  unsigned long n = 0;
  auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
  if (v.empty() || ec != std::errc() || end != v.data() + v.size() || n > max)
    throw Error(ErrorCode::usage, fmt::format("{} must be a whole number from 0 to {} (got '{}')", name, max,
                                              v.size() > 40 ? v.substr(0, 40) + "…" : v));
  return n;
}

}  // namespace

std::string text_param(const httplib::Request& req, const char* name) {
  std::string v = req.get_param_value(name);
  if (v.size() > kMaxQueryBytes)
    throw Error(ErrorCode::usage, fmt::format("{} is too long: {} bytes, at most {}", name, v.size(), kMaxQueryBytes));
  return v;
}

cli::SearchParams search_params(const httplib::Request& req) {
  cli::SearchParams p;
  p.query = text_param(req, "q");
  for (std::size_t i = 0, n = req.get_param_value_count("source"); i < n; ++i) {
    std::string s = req.get_param_value("source", i);
    if (!s.empty()) p.sources.push_back(s);
  }
  p.since = text_param(req, "since");
  p.until = text_param(req, "until");
  p.facets = text_param(req, "facets");
  if (req.has_param("sort")) p.sort = text_param(req, "sort");
  if (req.has_param("spelling")) p.spelling = text_param(req, "spelling");
  if (req.has_param("duplicates")) p.duplicates = text_param(req, "duplicates");
  p.limit = Xapian::doccount(count_param(req, "limit", p.limit, kMaxLimit));
  p.offset = Xapian::doccount(count_param(req, "offset", p.offset, kMaxOffset));
  p.snippet_length = count_param(req, "snippet_length", p.snippet_length, 2000);
  return p;
}

bool asks_something(const cli::SearchParams& p) {
  return p.query.find_first_not_of(" \t\r\n") != std::string::npos || !p.sources.empty() || !p.since.empty() ||
         !p.until.empty();
}

}  // namespace nsearch::server
