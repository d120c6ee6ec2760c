// What the server answers: the JSON API under /api/ (api_routes.cpp) and the pages and their
// assets (page_routes.cpp). Nothing else is served.
#pragma once

#include <httplib.h>

#include "searcher/server/searcher_pool.h"

namespace nsearch::server {

void add_api_routes(httplib::Server& server, SearcherPool& pool);
void add_page_routes(httplib::Server& server, SearcherPool& pool);

}  // namespace nsearch::server
