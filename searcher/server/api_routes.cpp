// /api/search, /api/articles/{id}, /api/sources, /api/analyze: each answers with the document
// the matching CLI command prints with --format json, byte for byte.
#include <string>

#include "common/analyzer.h"
#include "common/errors.h"
#include "searcher/command_output.h"
#include "searcher/json_printer.h"
#include "searcher/search_output.h"
#include "searcher/server/request_params.h"
#include "searcher/server/responses.h"
#include "searcher/server/routes.h"

namespace nsearch::server {

namespace {

constexpr const char* kJson = "application/json; charset=utf-8";

void search(SearcherPool& pool, const httplib::Request& req, httplib::Response& res) {
  cli::SearchParams params = search_params(req);
  if (!asks_something(params)) throw Error(ErrorCode::usage, "nothing to search: give q, a source or a date");
  SearchRequest request = cli::search_request(params);
  PrintOptions print;
  print.format = OutputFormat::Json;
  pool.with_searcher([&](Searcher& s) { res.set_content(printed_result(s.search(request), print), kJson); });
}

void article(SearcherPool& pool, const httplib::Request& req, httplib::Response& res) {
  std::string id = req.matches[1];
  bool story = req.has_param("story") && req.get_param_value("story") != "0";
  pool.with_searcher([&](Searcher& s) {
    ArticleLookup found = s.find(id);
    if (!found.article) return send_error(res, Answer::Json, 404, lookup_failure(id, found));
    const Article& a = *found.article;
    if (!story) return res.set_content(json_document([&](Printer& p) { print_article(a, p); }), kJson);
    auto info = s.story(a.id);
    if (!info) throw Error(ErrorCode::inconsistent, "the index holds no story for '" + a.id + "'");
    res.set_content(json_document([&](Printer& p) { print_story(*info, a.id, p); }), kJson);
  });
}

void sources(SearcherPool& pool, httplib::Response& res) {
  pool.with_searcher([&](Searcher& s) {
    const auto& outlets = s.sources().sources();
    res.set_content(json_document([&](Printer& p) { print_sources(outlets, BidiMode::Logical, p); }), kJson);
  });
}

void analyze(const httplib::Request& req, httplib::Response& res) {
  if (!req.has_param("text")) throw Error(ErrorCode::usage, "text is required: /api/analyze?text=...");
  const std::string text = text_param(req, "text");  // the tokens point into it
  const Analyzer analyzer;
  const std::vector<Token> tokens = analyzer.analyze(text);
  res.set_content(json_document([&](Printer& p) { print_tokens(tokens, p); }), kJson);
}

}  // namespace

void add_api_routes(httplib::Server& server, SearcherPool& pool) {
  server.Get("/api/search", guarded(Answer::Json, [&pool](const httplib::Request& req, httplib::Response& res) {
               search(pool, req, res);
             }));
  server.Get(
      R"(/api/articles/(.+))",
      guarded(Answer::Json, [&pool](const httplib::Request& req, httplib::Response& res) { article(pool, req, res); }));
  server.Get("/api/sources",
             guarded(Answer::Json, [&pool](const httplib::Request&, httplib::Response& res) { sources(pool, res); }));
  server.Get("/api/analyze", guarded(Answer::Json, analyze));
}

}  // namespace nsearch::server
