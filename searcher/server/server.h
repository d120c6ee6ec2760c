// `nsearch serve`'s HTTP server (cpp-httplib): the routes of routes.h over one index set,
// read-only, on a pool of worker threads, until SIGTERM or SIGINT.
#pragma once

#include <cstddef>
#include <functional>
#include <string>

#include "searcher/index_set.h"

namespace nsearch::server {

struct ServerOptions {
  std::function<IndexSet()> open;  // the index set to search (opened again as needed)
  std::string bind = "127.0.0.1";
  int port = 8080;           // 0: any free port
  std::size_t searches = 0;  // searches run at once, the others queue in arrival order (0: 4 per core)
};

// Serves until SIGTERM or SIGINT (then returns). listening(url) is called once bound, with the
// URL of the bound address and port. Throws Error(ErrorCode::usage) when it cannot bind.
void run_server(const ServerOptions& options, const std::function<void(const std::string& url)>& listening);

}  // namespace nsearch::server
