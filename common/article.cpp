#include "common/article.h"

#include <nlohmann/json.hpp>

namespace nsearch {

std::string Article::to_json() const {
  nlohmann::json j = {{"id", id},   {"title", title},   {"body", body}, {"source", source}, {"date", date.text()},
                      {"url", url}, {"author", author}, {"path", path}, {"line", line}};
  // Only when set, so that articles with given metadata keep their stored form.
  if (!co_sources.empty()) j["co_sources"] = co_sources;
  if (!inferred.empty()) j["inferred"] = inferred;
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
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
