#include "searcher/story_members.h"

#include <algorithm>

#include "common/article.h"
#include "common/schema.h"
#include "common/story_key.h"

namespace nsearch {

namespace {

StoryMember member_of(const Article& head, const std::string& source_name, bool with_titles) {
  StoryMember m;
  m.id = head.id;
  m.source = source_name;
  m.date = head.date.text();
  if (with_titles) m.title = head.title;
  return m;
}

}  // namespace

StoryInfo read_story(const Xapian::Database& db, const std::vector<Xapian::Database>& databases, const std::string& key,
                     std::size_t max_members, bool with_titles, const SourceNamer& source_name) {
  const std::string first = story_first_id(key);
  const std::string list = story_list_key(first);
  // Member keys sort first published first.
  std::vector<std::string> members;
  for (const auto& part : databases) {
    std::vector<std::string> keys = decode_story_list(part.get_metadata(list));
    members.insert(members.end(), keys.begin(), keys.end());
  }
  std::sort(members.begin(), members.end());
  StoryInfo story;
  story.count = static_cast<Xapian::doccount>(members.size());
  story.id = first;
  if (members.size() > max_members) members.resize(max_members);
  for (const auto& m : members) {
    std::string id_term(schema::kId);
    id_term += story_first_id(m);
    auto p = db.postlist_begin(id_term);
    if (p == db.postlist_end(id_term)) continue;  // removed since the list was read
    // The head value holds all a member line shows: finding a term would decode the article's
    // whole term list, and each further value is a look-up of its own.
    Article head = Article::from_json(db.get_document(*p, Xapian::DOC_ASSUME_VALID).get_value(schema::kSlotHead));
    story.members.push_back(member_of(head, source_name(head.source), with_titles));
  }
  return story;
}

StoryInfo lone_story(const Article& head, const std::string& source_name, bool with_titles) {
  StoryInfo story;
  story.count = 1;
  story.id = head.id;
  story.members.push_back(member_of(head, source_name, with_titles));
  return story;
}

}  // namespace nsearch
