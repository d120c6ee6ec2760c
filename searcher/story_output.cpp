#include "searcher/story_output.h"

#include <algorithm>

#include <fmt/core.h>

namespace nsearch {

nlohmann::json story_json(const StoryInfo& story) {
  nlohmann::json members = nlohmann::json::array();
  for (const auto& m : story.members) members.push_back(m.id);
  nlohmann::json first = nullptr;
  if (!story.members.empty()) {
    const StoryMember& f = story.members.front();
    first = {{"id", f.id}, {"source", f.source}, {"date", f.date}};
  }
  return {{"id", story.id}, {"count", story.count}, {"first", first}, {"members", members}};
}

std::vector<std::string> other_outlets(const StoryInfo& story, const std::string& hit_id) {
  std::vector<std::string> outlets;
  for (const auto& m : story.members) {
    if (m.id == hit_id || m.source.empty()) continue;
    if (std::find(outlets.begin(), outlets.end(), m.source) == outlets.end()) outlets.push_back(m.source);
  }
  return outlets;
}

std::string story_line(const StoryInfo& story, const std::string& hit_id) {
  if (story.count <= 1 || story.members.empty()) return "";
  std::vector<std::string> outlets = other_outlets(story, hit_id);
  std::string named;
  for (std::size_t i = 0; i < outlets.size() && i < kOutletsNamed; ++i) named += (i ? ", " : "") + outlets[i];
  if (outlets.size() > kOutletsNamed) named += fmt::format(", … ({} outlets)", outlets.size());
  const StoryMember& first = story.members.front();
  std::string line = fmt::format("+{} more", story.count - 1);
  if (!named.empty()) line += ": " + named;
  std::string first_of = first.source.empty() ? first.id : first.source;
  if (!first.date.empty()) first_of += ", " + first.date;
  return line + " (first: " + first_of + ")";
}

}  // namespace nsearch
