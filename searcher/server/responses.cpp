#include "searcher/server/responses.h"

#include <xapian.h>

#include "common/errors.h"
#include "searcher/cli/exit_codes.h"
#include "searcher/json_printer.h"
#include "searcher/server/http_status.h"
#include "searcher/server/page.h"

namespace nsearch::server {

void send_error(httplib::Response& res, Answer as, int status, const std::string& message) {
  res.status = status;
  if (as == Answer::Json) {
    std::string json = json_document([&](Printer& p) {
      p.begin_map().map_key("format_version").integer(1).map_key("status").integer(status);
      p.map_key("error").string(message).end();
    });
    res.set_content(json, "application/json; charset=utf-8");
  } else {
    res.set_content(message_page(status == 404 ? "غير موجود" : "تعذر الطلب", message), "text/html; charset=utf-8");
  }
}

httplib::Server::Handler guarded(Answer as, std::function<void(const httplib::Request&, httplib::Response&)> handler) {
  return [as, handler = std::move(handler)](const httplib::Request& req, httplib::Response& res) {
    try {
      handler(req, res);
    } catch (const Error& e) {
      send_error(res, as, http_status_for(e.code()), cli::describe(e));
    } catch (const Xapian::DatabaseOpeningError& e) {
      send_error(res, as, 503, std::string("index error: ") + e.get_type() + ": " + e.get_msg());
    } catch (const Xapian::Error& e) {
      send_error(res, as, 500, std::string("index error: ") + e.get_type() + ": " + e.get_msg());
    } catch (const std::exception& e) {
      send_error(res, as, 500, e.what());
    }
  };
}

}  // namespace nsearch::server
