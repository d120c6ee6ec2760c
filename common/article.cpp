#include "common/article.h"

#include <nlohmann/json.hpp>

namespace nsearch {

namespace {

nlohmann::json fields(const Article& a, bool with_body) {
  nlohmann::json j = {{"id", a.id},   {"title", a.title},   {"source", a.source}, {"date", a.date.text()},
                      {"url", a.url}, {"author", a.author}, {"path", a.path},     {"line", a.line}};
  if (with_body) j["body"] = a.body;
  // Only when set, so that articles with given metadata keep their stored form.
  if (!a.co_sources.empty()) j["co_sources"] = a.co_sources;
  if (!a.inferred.empty()) j["inferred"] = a.inferred;
  return j;
}

std::string dumped(const nlohmann::json& j) { return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace); }

}  // namespace

std::string Article::to_json() const { return dumped(fields(*this, true)); }

std::string Article::head_json() const { return dumped(fields(*this, false)); }

Article Article::from_stored(const std::string& head, std::string body) {
  Article a = from_json(head);
  a.body = std::move(body);
  return a;
}

Article Article::from_json(const std::string& data) {
  auto j = nlohmann::json::parse(data);
  Article a;
  a.id = j.value("id", "");
  a.title = j.value("title", "");
  a.body = j.value("body", "");
  a.source = j.value("source", "");
  a.date = parse_date(j.value("date", "")).value_or(Date{});
  a.url = j.value("url", "");
  a.author = j.value("author", "");
  a.path = j.value("path", "");
  a.line = j.value("line", 0L);
  a.co_sources = j.value("co_sources", std::vector<std::string>{});
  a.inferred = j.value("inferred", std::vector<std::string>{});
  return a;
}

}  // namespace nsearch
