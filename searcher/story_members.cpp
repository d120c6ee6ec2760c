#include "searcher/story_members.h"

#include <algorithm>

#include "common/article.h"
#include "common/schema.h"
#include "common/story_key.h"

namespace nsearch {

namespace {

std::string id_of(const Xapian::Document& doc) {
  auto t = doc.termlist_begin();
  t.skip_to(std::string(schema::kId));
  if (t == doc.termlist_end() || (*t).rfind(schema::kId, 0) != 0) return "";
  return (*t).substr(schema::kId.size());
}

}  // namespace

std::optional<StoryInfo> read_story(const Xapian::Database& db, const std::string& key, std::size_t max_members,
                                    bool with_titles) {
  if (key.empty()) return std::nullopt;
  StoryInfo story;
  story.id = story_first_id(key);
  const std::string term = story_term(key);
  struct Ranked {
    std::string order;
    Xapian::docid did;
  };
  std::vector<Ranked> ranked;
  for (auto p = db.postlist_begin(term); p != db.postlist_end(term); ++p) {
    Xapian::Document doc = db.get_document(*p, Xapian::DOC_ASSUME_VALID);
    if (doc.get_value(schema::kSlotStory) != key) continue;  // another key with the same term hash
    ranked.push_back({story_key(doc.get_value(schema::kSlotOldestKey), id_of(doc)), *p});
  }
  story.count = static_cast<Xapian::doccount>(ranked.size());
  std::sort(ranked.begin(), ranked.end(), [](const Ranked& a, const Ranked& b) { return a.order < b.order; });
  if (ranked.size() > max_members) ranked.resize(max_members);
  for (const auto& r : ranked) {
    Xapian::Document doc = db.get_document(r.did, Xapian::DOC_ASSUME_VALID);
    StoryMember m;
    m.id = story_first_id(r.order);
    std::string source_key = doc.get_value(schema::kSlotSource);
    m.source = source_key.empty() ? "" : db.get_metadata(std::string(schema::kMetaSourcePrefix) + source_key);
    if (m.source.empty()) m.source = source_key;
    m.date = doc.get_value(schema::kSlotDateText);
    if (with_titles) m.title = Article::from_json(doc.get_data()).title;
    story.members.push_back(std::move(m));
  }
  return story;
}

}  // namespace nsearch
