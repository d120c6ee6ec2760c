#include "searcher/cli/search_params.h"

#include "common/errors.h"

namespace nsearch::cli {

namespace {

std::vector<std::string> split_commas(const std::string& s) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= s.size() && !s.empty()) {
    std::size_t comma = s.find(',', start);
    std::string part = s.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    if (!part.empty()) out.push_back(part);
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return out;
}

}  // namespace

SearchRequest search_request(const SearchParams& o) {
  SearchRequest r;
  r.query = o.query;
  r.sources = o.sources;
  r.since = o.since;
  r.until = o.until;
  r.facets = split_commas(o.facets);
  if (o.sort == "newest")
    r.sort = SortOrder::Newest;
  else if (o.sort == "oldest")
    r.sort = SortOrder::Oldest;
  else if (o.sort != "relevance")
    throw Error(ErrorCode::usage, "sort must be relevance, newest or oldest (got '" + o.sort + "')");
  if (o.spelling == "off")
    r.spelling = SpellingMode::Off;
  else if (o.spelling == "auto")
    r.spelling = SpellingMode::Auto;
  else if (o.spelling != "suggest")
    throw Error(ErrorCode::usage, "spelling must be suggest, auto or off (got '" + o.spelling + "')");
  if (o.duplicates == "show")
    r.collapse = false;
  else if (o.duplicates != "collapse")
    throw Error(ErrorCode::usage, "duplicates must be collapse or show (got '" + o.duplicates + "')");
  r.limit = o.limit;
  r.offset = o.offset;
  r.snippet_chars = o.snippet_length;
  r.snippets = !o.no_snippets;
  return r;
}

}  // namespace nsearch::cli
