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

StoryInfo read_story(const Xapian::Database& db, const std::string& key, std::size_t max_members, bool with_titles,
                     const SourceNamer& source_name) {
  const std::string term = std::string(schema::kStory) + story_first_id(key);
  struct Ranked {
    std::string order;
    Xapian::docid did;
  };
  std::vector<Ranked> ranked;
  for (auto p = db.postlist_begin(term); p != db.postlist_end(term); ++p)
    ranked.push_back({db.get_document(*p, Xapian::DOC_ASSUME_VALID).get_value(schema::kSlotMemberKey), *p});
  std::sort(ranked.begin(), ranked.end(), [](const Ranked& a, const Ranked& b) { return a.order < b.order; });
  StoryInfo story;
  story.count = static_cast<Xapian::doccount>(ranked.size());
  story.id = story_first_id(key);
  if (ranked.size() > max_members) ranked.resize(max_members);
  for (const auto& r : ranked) {
    // The head value holds all a member line shows: finding a term would decode the article's
    // whole term list, and each further value is a look-up of its own.
    Article head = Article::from_json(db.get_document(r.did, Xapian::DOC_ASSUME_VALID).get_value(schema::kSlotHead));
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
