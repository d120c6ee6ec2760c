#include "searcher/json_documents.h"

#include <nlohmann/json.hpp>

#include "searcher/story_output.h"

namespace nsearch {

namespace {

using nlohmann::json;

std::string document(const json& j) { return j.dump(2, ' ', false, json::error_handler_t::replace) + "\n"; }

}  // namespace

std::string article_document(const Article& a) {
  json j = json::parse(a.to_json());
  j["format_version"] = 1;
  j["inferred"] = a.inferred;
  return document(j);
}

std::string story_document(const StoryInfo& story) {
  json j = story_json(story);
  j["format_version"] = 1;
  j["articles"] = json::array();  // the members' details, in the same order
  for (const auto& m : story.members)
    j["articles"].push_back({{"id", m.id}, {"source", m.source}, {"date", m.date}, {"title", m.title}});
  return document(j);
}

std::string sources_document(const std::vector<SourceInfo>& sources) {
  json list = json::array();
  for (const auto& s : sources) {
    list.push_back({{"key", s.key},
                    {"name", s.name},
                    {"articles", s.count},
                    {"date_from", s.date_from.empty() ? json(nullptr) : json(s.date_from)},
                    {"date_to", s.date_to.empty() ? json(nullptr) : json(s.date_to)}});
  }
  return document({{"format_version", 1}, {"sources", list}});
}

std::string tokens_document(const std::vector<Token>& tokens) {
  json arr = json::array();
  for (const auto& t : tokens) {
    arr.push_back({{"start", t.start},
                   {"end", t.end},
                   {"surface", std::string(t.surface)},
                   {"normalized", t.normalized},
                   {"term", t.term},
                   {"stopword", t.stopword()},
                   {"number", t.number()},
                   {"latin", t.latin()}});
  }
  return document({{"format_version", 1}, {"analyzer_version", Analyzer::kVersion}, {"tokens", arr}});
}

std::string lookup_failure(const std::string& id, const ArticleLookup& found) {
  if (found.matches.empty()) return "no article with id '" + id + "'";
  std::string ids;
  for (std::size_t i = 0; i < found.matches.size() && i < 10; ++i) ids += (i ? ", " : "") + found.matches[i];
  if (found.matches.size() > 10) ids += ", ...";
  return "'" + id + "' matches several articles: " + ids;
}

}  // namespace nsearch
