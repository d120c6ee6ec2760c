// A story's members (schema::kStory, kSlotStory): who ran it, and who first.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include <xapian.h>

#include "common/article.h"

namespace nsearch {

struct StoryMember {
  std::string id;
  std::string source;  // the outlet's display name, else as the article gives it
  std::string date;    // as given (Date::text())
  std::string title;   // only when asked for (read_story's with_titles)
};

struct StoryInfo {
  std::string id;              // the first member's id: the story's id
  Xapian::doccount count = 0;  // members in the index
  // Members ordered by (date and time, id): the first published first. At most the
  // max_members first of them.
  std::vector<StoryMember> members;
};

// Names an outlet as given in an article (its display name where the index has one).
using SourceNamer = std::function<std::string(const std::string& source)>;

// The story with this key (schema::kSlotStory, not empty), from the story lists of the
// index's databases (schema::kMetaStoryPrefix; db combines them): one look-up in each, and the
// head value of each member shown; no document data.
StoryInfo read_story(const Xapian::Database& db, const std::vector<Xapian::Database>& databases, const std::string& key,
                     std::size_t max_members, bool with_titles, const SourceNamer& source_name);

// The story of an article no other matches (an empty story key): the article alone.
StoryInfo lone_story(const Article& head, const std::string& source_name, bool with_titles);

}  // namespace nsearch
