// A story's members (schema::kStory, kSlotStory): who ran it, and who first.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include <xapian.h>

namespace nsearch {

struct StoryMember {
  std::string id;
  std::string source;  // the outlet's display name, else its key
  std::string date;    // as given (schema::kSlotDateText)
  std::string title;   // only when asked for (read_story's with_titles)
};

struct StoryInfo {
  std::string id;              // the first member's id: the story's id
  Xapian::doccount count = 0;  // members in the index
  // Members ordered by (date and time, id): the first published first. At most the
  // max_members first of them.
  std::vector<StoryMember> members;
};

// The story of the article with this docid: itself alone when its story key is empty, else
// the story's first member and those of the first's band matches (schema::kStoryBand) with
// the same key. Reads values and term lists, not document data, unless with_titles.
StoryInfo read_story(const Xapian::Database& db, Xapian::docid did, std::size_t max_members, bool with_titles = false);

}  // namespace nsearch
