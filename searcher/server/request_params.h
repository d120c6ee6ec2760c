// A request's parameters read into the search the CLI would run (search_params.h), with the
// server's limits: each value out of bounds is a usage Error (a 400) saying which and why.
#pragma once

#include <cstddef>
#include <string>

#include <httplib.h>

#include "searcher/cli/search_params.h"

namespace nsearch::server {

inline constexpr std::size_t kMaxQueryBytes = 1000;   // q and text
inline constexpr std::size_t kMaxTargetBytes = 8000;  // the request line's path and query string
inline constexpr std::size_t kMaxBodyBytes = 16 * 1024;
inline constexpr Xapian::doccount kMaxLimit = 1000;
inline constexpr Xapian::doccount kMaxOffset = 100000;

// q, source (repeatable), since, until, facets, sort, spelling, duplicates, limit, offset,
// snippet_length, as `nsearch search` takes them.
cli::SearchParams search_params(const httplib::Request& req);

// Whether params search anything (words, a source or a date).
bool asks_something(const cli::SearchParams& params);

// A bounded text parameter ("" when absent).
std::string text_param(const httplib::Request& req, const char* name);

}  // namespace nsearch::server
