// The HTML of the search page and the article page, rendered on the server so that searching
// works with JavaScript off. Arabic, right to left; every article field through html.h.
#pragma once

#include <optional>
#include <string>

#include "common/article.h"
#include "searcher/cli/search_params.h"
#include "searcher/highlighter.h"
#include "searcher/searcher.h"

namespace nsearch::server {

// What the page shows beside its hits.
struct PageResults {
  SearchResult result;                  // the hits, with the month facet
  std::optional<SearchResult> sources;  // the source facet without the source filter, to add outlets
};

// The search page for params: the form alone (results null), the hits, or an error message.
std::string search_page(const cli::SearchParams& params, const PageResults* results, const std::string& error);

// One article in full, the query's words marked in its title and body.
std::string article_page(const Article& article, const Snippet& title, const Snippet& body, const std::string& query);

// A page with only a message (no such article, the index cannot be read, ...).
std::string message_page(const std::string& heading, const std::string& message);

}  // namespace nsearch::server
