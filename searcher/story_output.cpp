#include "searcher/story_output.h"

#include <algorithm>

#include <fmt/core.h>

namespace nsearch {

void print_story_entries(const StoryInfo& story, Printer& p) {
  p.map_key("id").string(story.id);
  p.map_key("count").integer(story.count);
  p.map_key("first");
  if (story.members.empty()) {
    p.null();
  } else {
    const StoryMember& f = story.members.front();
    p.begin_map().map_key("id").string(f.id).map_key("source").string(f.source).map_key("date").string(f.date).end();
  }
  p.map_key("members").begin_list();
  for (const auto& m : story.members) p.string(m.id);
  p.end();
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
