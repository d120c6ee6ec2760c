// `nsearch serve`: the search page and the JSON API over HTTP (searcher/server/), on the same
// index the other commands read.
#include <cstdio>
#include <memory>

#include "common/errors.h"
#include "searcher/cli/commands.h"
#include "searcher/server/server.h"

namespace nsearch::cli {

void add_serve_command(CLI::App& app, int& exit_code) {
  struct Options {
    IndexSetOptions index;
    std::string bind = "127.0.0.1";
    int port = 8080;
    std::size_t searches = 0;
  };
  auto o = std::make_shared<Options>();
  auto* cmd = app.add_subcommand("serve", "Serve the search page and the JSON API over HTTP");
  cmd->footer(
      "Examples:\n"
      "  nsearch serve                          http://127.0.0.1:8080/ (this machine only)\n"
      "  nsearch serve --port 0                 any free port (printed on start)\n"
      "  nsearch serve --bind 0.0.0.0           open to the network\n"
      "  curl 'http://127.0.0.1:8080/api/search?q=حفتر&facets=source'\n"
      "The API answers what `nsearch search|show|sources|analyze --format json` print; errors are JSON\n"
      "with the CLI's message and status 400 (bad request), 404 (no article) or 503 (no index).\n"
      "Read-only: it follows the index as `nsearch index` commits. SIGTERM or SIGINT stop it.");
  add_index_set_options(cmd, o->index);
  cmd->add_option("--bind", o->bind, "Address to listen on (0.0.0.0 or :: for every interface)")->capture_default_str();
  cmd->add_option("--port", o->port, "Port to listen on (0: any free port)")
      ->check(CLI::Range(0, 65535))
      ->capture_default_str();
  cmd->add_option("--searches", o->searches,
                  "Searches run at once; further requests wait their turn in arrival order (default: 4 per core)")
      ->check(CLI::Range(1, 256));
  cmd->callback([o, &exit_code] {
    server::ServerOptions options;
    IndexSetOptions index = o->index;
    options.open = [index] { return open_indexes(index); };
    options.bind = o->bind;
    options.port = o->port;
    options.searches = o->searches;
    bool loopback = o->bind == "127.0.0.1" || o->bind == "::1" || o->bind == "localhost";
    server::run_server(options, [&](const std::string& url) {
      std::printf("nsearch serve: listening on %s (%s)\n", url.c_str(),
                  loopback ? "this machine only; --bind 0.0.0.0 to open it to the network" : "open to the network");
      std::fflush(stdout);
    });
    exit_code = kExitOk;
  });
}

}  // namespace nsearch::cli
