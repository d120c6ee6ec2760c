#include "searcher/story_members.h"

#include <algorithm>

#include "common/article.h"
#include "common/schema.h"
#include "common/story_key.h"

namespace nsearch {

namespace {

// From the head value, not the Q term: finding a term decodes the article's whole term list.
Article head_of(const Xapian::Document& doc) { return Article::from_json(doc.get_value(schema::kSlotHead)); }

// Every member of the story with this (non-empty) key: each one matches the first member, so
// shares a band term with it.
std::vector<Xapian::docid> members_of(const Xapian::Database& db, const std::string& key) {
  std::string first(schema::kId);
  first.append(story_first_id(key));
  auto p = db.postlist_begin(first);
  if (p == db.postlist_end(first)) return {};
  std::vector<Xapian::docid> members{*p};
  const std::string prefix(schema::kStoryBand);
  Xapian::Document doc = db.get_document(*p, Xapian::DOC_ASSUME_VALID);
  auto t = doc.termlist_begin();
  for (t.skip_to(prefix); t != doc.termlist_end() && (*t).rfind(prefix, 0) == 0; ++t) {
    for (auto m = db.postlist_begin(*t); m != db.postlist_end(*t); ++m) members.push_back(*m);
  }
  std::sort(members.begin(), members.end());
  members.erase(std::unique(members.begin(), members.end()), members.end());
  std::vector<Xapian::docid> same;
  for (Xapian::docid m : members)
    if (db.get_document(m, Xapian::DOC_ASSUME_VALID).get_value(schema::kSlotStory) == key) same.push_back(m);
  return same;
}

}  // namespace

StoryInfo read_story(const Xapian::Database& db, Xapian::docid did, std::size_t max_members, bool with_titles) {
  Xapian::Document doc = db.get_document(did, Xapian::DOC_ASSUME_VALID);
  const std::string key = doc.get_value(schema::kSlotStory);
  std::vector<Xapian::docid> members{did};
  if (!key.empty()) members = members_of(db, key);
  struct Ranked {
    std::string order;
    Xapian::docid did;
  };
  std::vector<Ranked> ranked;
  for (Xapian::docid m : members)
    ranked.push_back({db.get_document(m, Xapian::DOC_ASSUME_VALID).get_value(schema::kSlotMemberKey), m});
  std::sort(ranked.begin(), ranked.end(), [](const Ranked& a, const Ranked& b) { return a.order < b.order; });
  StoryInfo story;
  story.count = static_cast<Xapian::doccount>(ranked.size());
  story.id = key.empty() ? head_of(doc).id : story_first_id(key);
  if (ranked.size() > max_members) ranked.resize(max_members);
  for (const auto& r : ranked) {
    Xapian::Document member = db.get_document(r.did, Xapian::DOC_ASSUME_VALID);
    StoryMember m;
    Article head = head_of(member);
    m.id = std::move(head.id);
    std::string source_key = member.get_value(schema::kSlotSource);
    m.source = source_key.empty() ? "" : db.get_metadata(std::string(schema::kMetaSourcePrefix) + source_key);
    if (m.source.empty()) m.source = source_key;
    m.date = member.get_value(schema::kSlotDateText);
    if (with_titles) m.title = std::move(head.title);
    story.members.push_back(std::move(m));
  }
  return story;
}

}  // namespace nsearch
