// `/` (the search page), `/article/{id}` (one article) and `/assets/...` (compiled in).
#include <string>

#include "common/errors.h"
#include "searcher/cli/exit_codes.h"
#include "searcher/command_output.h"
#include "searcher/server/assets.h"
#include "searcher/server/http_status.h"
#include "searcher/server/page.h"
#include "searcher/server/request_params.h"
#include "searcher/server/responses.h"
#include "searcher/server/routes.h"

namespace nsearch::server {

namespace {

constexpr const char* kHtml = "text/html; charset=utf-8";

// The page's hits with the facets it draws. With outlets ticked, the source facet is counted
// again without them, so that the others can still be ticked.
PageResults page_results(Searcher& searcher, const cli::SearchParams& params) {
  cli::SearchParams page = params;
  page.facets = "source,month";
  PageResults out{searcher.search(cli::search_request(page)), std::nullopt};
  if (!params.sources.empty()) {
    cli::SearchParams all = page;
    all.sources.clear();
    all.facets = "source";
    all.limit = 0;
    all.offset = 0;
    if (asks_something(all)) out.sources = searcher.search(cli::search_request(all));
  }
  return out;
}

void search_route(SearcherPool& pool, const httplib::Request& req, httplib::Response& res) {
  cli::SearchParams params;
  try {
    params = search_params(req);
    if (!req.has_param("limit")) params.limit = 10;
    if (!asks_something(params)) return res.set_content(search_page(params, nullptr, ""), kHtml);
    pool.with_searcher([&](Searcher& s) {
      PageResults results = page_results(s, params);
      res.set_content(search_page(params, &results, ""), kHtml);
    });
  } catch (const Error& e) {
    // The form stays, with the message where the hits would be.
    res.status = http_status_for(e.code());
    res.set_content(search_page(params, nullptr, cli::describe(e)), kHtml);
  }
}

void article_route(SearcherPool& pool, const httplib::Request& req, httplib::Response& res) {
  std::string id = req.matches[1];
  std::string query = text_param(req, "q");
  pool.with_searcher([&](Searcher& s) {
    ArticleLookup found = s.find(id);
    if (!found.article) return send_error(res, Answer::Page, 404, lookup_failure(id, found));
    const Article& a = *found.article;
    Snippet title{a.title, {}}, body{a.body, {}};
    if (query.find_first_not_of(" \t\r\n") != std::string::npos) {
      title = s.highlight(query, a.title);
      body = s.highlight(query, a.body);
    }
    res.set_content(article_page(a, title, body, query), kHtml);
  });
}

void asset_route(const httplib::Request& req, httplib::Response& res) {
  const Asset* asset = find_asset(req.path);
  if (!asset) return send_error(res, Answer::Page, 404, "no such file: " + req.path);
  res.set_header("Cache-Control", "public, max-age=3600");
  res.set_content(std::string(asset->body), std::string(asset->content_type).c_str());
}

}  // namespace

void add_page_routes(httplib::Server& server, SearcherPool& pool) {
  server.Get("/", guarded(Answer::Page, [&pool](const httplib::Request& req, httplib::Response& res) {
               search_route(pool, req, res);
             }));
  server.Get(R"(/article/(.+))", guarded(Answer::Page, [&pool](const httplib::Request& req, httplib::Response& res) {
               article_route(pool, req, res);
             }));
  server.Get(R"(/assets/.*)", guarded(Answer::Page, asset_route));
}

}  // namespace nsearch::server
