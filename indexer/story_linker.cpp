#include "indexer/story_linker.h"

#include <algorithm>
#include <set>

#include "common/schema.h"
#include "common/story_key.h"
#include "indexer/story_signature.h"

namespace nsearch {

namespace {

// The article's own story key: its oldest-first sort key and its id (from its Q term).
std::string member_key(const Xapian::Document& doc) {
  auto t = doc.termlist_begin();
  t.skip_to(std::string(schema::kId));
  std::string id;
  if (t != doc.termlist_end() && (*t).rfind(schema::kId, 0) == 0) id = (*t).substr(schema::kId.size());
  return story_key(doc.get_value(schema::kSlotOldestKey), id);
}

std::vector<std::string> band_terms(const Xapian::Document& doc) {
  std::vector<std::string> bands;
  const std::string prefix(schema::kStoryBand);
  auto t = doc.termlist_begin();
  for (t.skip_to(prefix); t != doc.termlist_end() && (*t).rfind(prefix, 0) == 0; ++t) bands.push_back(*t);
  return bands;
}

}  // namespace

std::vector<std::string> stale_story_terms(const Xapian::Document& doc) {
  return {story_term(member_key(doc)), story_term(doc.get_value(schema::kSlotStory))};
}

StoryLinker::StoryLinker(const std::vector<Xapian::Database>& dbs,
                         std::function<Xapian::WritableDatabase&(std::size_t)> writable)
    : count_(dbs.size()), writable_(std::move(writable)) {
  for (const auto& db : dbs) all_.add_database(db);
}

std::vector<Xapian::docid> StoryLinker::neighbours(Xapian::docid did) {
  Xapian::Document doc = all_.get_document(did, Xapian::DOC_ASSUME_VALID);
  std::string signature = doc.get_value(schema::kSlotSignature);
  std::vector<Xapian::docid> found;
  if (signature.empty()) return found;
  std::set<Xapian::docid> candidates;
  for (const auto& band : band_terms(doc)) {
    for (auto p = all_.postlist_begin(band); p != all_.postlist_end(band); ++p)
      if (*p != did) candidates.insert(*p);
  }
  for (Xapian::docid c : candidates) {
    if (same_story(signature, all_.get_document(c, Xapian::DOC_ASSUME_VALID).get_value(schema::kSlotSignature)))
      found.push_back(c);
  }
  return found;
}

std::string StoryLinker::story_of(Xapian::docid did) {
  std::string first = member_key(all_.get_document(did, Xapian::DOC_ASSUME_VALID));
  for (Xapian::docid n : neighbours(did)) first = std::min(first, member_key(all_.get_document(n)));
  return first;
}

std::size_t StoryLinker::relink(const std::vector<std::string>& id_terms, const std::vector<std::string>& story_terms) {
  std::set<Xapian::docid> todo;
  for (const auto& q : id_terms) {
    auto p = all_.postlist_begin(q);
    if (p == all_.postlist_end(q)) continue;  // removed again before the checkpoint
    todo.insert(*p);
    for (Xapian::docid n : neighbours(*p)) todo.insert(n);
  }
  for (const auto& t : story_terms) {
    for (auto p = all_.postlist_begin(t); p != all_.postlist_end(t); ++p) todo.insert(*p);
  }
  // Every new story is worked out before any is written: writing may open a database that
  // all_ reads at its last commit.
  std::vector<std::pair<Xapian::docid, std::string>> changes;
  for (Xapian::docid did : todo) {
    std::string story = story_of(did);
    if (story != all_.get_document(did, Xapian::DOC_ASSUME_VALID).get_value(schema::kSlotStory))
      changes.emplace_back(did, std::move(story));
  }
  for (const auto& [did, story] : changes) {
    // Docid d of database i is (d - 1) * count + i + 1 in the combined database.
    Xapian::WritableDatabase& db = writable_((did - 1) % count_);
    Xapian::docid local = (did - 1) / count_ + 1;
    Xapian::Document doc = db.get_document(local);
    std::string old_term = story_term(doc.get_value(schema::kSlotStory));
    auto t = doc.termlist_begin();
    t.skip_to(old_term);
    if (t != doc.termlist_end() && *t == old_term) doc.remove_term(old_term);
    doc.add_boolean_term(story_term(story));
    doc.add_value(schema::kSlotStory, story);
    db.replace_document(local, doc);
  }
  return changes.size();
}

}  // namespace nsearch
