// What a search asks for, as `nsearch search` flags and `nsearch serve`'s /api/search
// parameters both give it (strings as typed), and the one reading of it into a SearchRequest,
// so that the page, the API and the command line accept and reject the same values.
#pragma once

#include <string>
#include <vector>

#include "searcher/searcher.h"

namespace nsearch::cli {

struct SearchParams {
  std::string query;
  std::vector<std::string> sources;
  std::string since, until;
  std::string facets;  // comma-separated
  std::string sort = "relevance";
  std::string spelling = "suggest";
  std::string duplicates = "collapse";
  Xapian::doccount limit = 10, offset = 0;
  std::size_t snippet_length = 200;
  bool no_snippets = false;
};

// Throws Error(ErrorCode::usage) for a value out of its set.
SearchRequest search_request(const SearchParams& params);

}  // namespace nsearch::cli
