// How a failure reaches a client: JSON for /api/, a page for the rest, with the HTTP status
// its error code maps to (http_status.h) and the message the CLI would print.
#pragma once

#include <functional>
#include <string>

#include <httplib.h>

namespace nsearch::server {

enum class Answer { Json, Page };

// {"format_version": 1, "status": 400, "error": "..."} or a message page.
void send_error(httplib::Response& res, Answer as, int status, const std::string& message);

// handler, with every exception it throws sent as an error of the matching status.
httplib::Server::Handler guarded(Answer as, std::function<void(const httplib::Request&, httplib::Response&)> handler);

}  // namespace nsearch::server
