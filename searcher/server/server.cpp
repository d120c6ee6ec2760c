#include "searcher/server/server.h"

#include <pthread.h>
#include <signal.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <thread>

#include <fmt/core.h>
#include <httplib.h>

#include "common/errors.h"
#include "searcher/server/request_params.h"
#include "searcher/server/responses.h"
#include "searcher/server/routes.h"
#include "searcher/server/searcher_pool.h"

namespace nsearch::server {

namespace {

// Scripts and styles only from the binary's own assets; no frames, plugins, or other origins.
constexpr const char* kContentSecurityPolicy =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
    "base-uri 'none'; frame-ancestors 'none'";

void add_security_headers(httplib::Response& res) {
  if (res.has_header("Content-Security-Policy")) return;
  res.set_header("Content-Security-Policy", kContentSecurityPolicy);
  res.set_header("X-Content-Type-Options", "nosniff");
  res.set_header("Referrer-Policy", "no-referrer");
  res.set_header("X-Frame-Options", "DENY");
}

Answer answer_for(const httplib::Request& req) { return req.path.rfind("/api/", 0) == 0 ? Answer::Json : Answer::Page; }

std::size_t cores() { return std::max(1u, std::thread::hardware_concurrency()); }

// A worker serves one connection for as long as it is kept alive, so the pool is sized to the
// connections a newsroom keeps open (idle browser tabs included), not to the cores: a connection
// beyond the pool waits for a kept-alive one to close. The searching itself is sized to the
// searches (SearcherPool's gate).
std::size_t worker_count() { return std::max<std::size_t>(64, 16 * cores()); }

// Searches at once: a few per core, as a search also waits on the disk and, on a shared machine,
// on other processes; with one per core the cores sat idle part of the time under load.
std::size_t search_width(const ServerOptions& options) { return options.searches ? options.searches : 4 * cores(); }

void configure(httplib::Server& server) {
  server.new_task_queue = [] { return new httplib::ThreadPool(worker_count()); };
  server.set_keep_alive_timeout(2);
  // Headers and body go out in separate writes: with Nagle's algorithm the body waits for the
  // client's delayed ACK of the headers (about 40 ms) on every kept-alive request.
  server.set_tcp_nodelay(true);
  server.set_payload_max_length(kMaxBodyBytes);
  server.set_pre_routing_handler([](const httplib::Request& req, httplib::Response& res) {
    if (req.target.size() <= kMaxTargetBytes) return httplib::Server::HandlerResponse::Unhandled;
    send_error(res, answer_for(req), 400,
               fmt::format("request too long: {} bytes, at most {}", req.target.size(), kMaxTargetBytes));
    add_security_headers(res);
    return httplib::Server::HandlerResponse::Handled;
  });
  server.set_post_routing_handler([](const httplib::Request&, httplib::Response& res) { add_security_headers(res); });
  server.set_error_handler(
      httplib::Server::HandlerWithResponse([](const httplib::Request& req, httplib::Response& res) {
        if (res.body.empty()) {
          send_error(res, answer_for(req), res.status,
                     res.status == 404 ? "nothing here: " + req.path
                                       : fmt::format("cannot serve this request (HTTP {})", res.status));
        }
        add_security_headers(res);
        return httplib::Server::HandlerResponse::Handled;
      }));
}

std::string url_of(const std::string& host, int port) {
  bool v6 = host.find(':') != std::string::npos;
  return fmt::format("http://{}{}{}:{}/", v6 ? "[" : "", host, v6 ? "]" : "", port);
}

}  // namespace

void run_server(const ServerOptions& options, const std::function<void(const std::string&)>& listening) {
  // SIGTERM and SIGINT go to one thread, which stops the server: every other thread (the
  // workers, the searchers' counting threads) inherits the mask and never sees them.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGTERM);
  sigaddset(&stop_signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  SearcherPool pool(options.open, search_width(options));
  httplib::Server server;
  configure(server);
  add_api_routes(server, pool);
  add_page_routes(server, pool);

  int port = options.port;
  if (port == 0) {
    port = server.bind_to_any_port(options.bind);
  } else if (!server.bind_to_port(options.bind, port)) {
    port = -1;
  }
  if (port < 0)
    throw Error(ErrorCode::usage, fmt::format("cannot listen on {}:{}", options.bind, options.port),
                "is another server on that port, or is the address not this machine's?");

  std::atomic<bool> listen_ended{false};
  std::thread stopper([&] {
    int signal = 0;
    sigwait(&stop_signals, &signal);
    // stop() only stops a server that is listening: a signal sent as soon as the banner is
    // out can come before listen_after_bind() starts, and would be lost.
    while (!server.is_running() && !listen_ended) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    server.stop();
  });
  listening(url_of(options.bind, port));
  server.listen_after_bind();
  listen_ended = true;
  pthread_kill(stopper.native_handle(), SIGTERM);  // when listening ended otherwise; no-op once it ran
  stopper.join();
}

}  // namespace nsearch::server
