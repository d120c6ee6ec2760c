#include "indexer/story_linker.h"

#include <algorithm>
#include <map>
#include <set>
#include <utility>

#include "common/schema.h"
#include "common/story_key.h"
#include "indexer/story_signature.h"

namespace nsearch {

namespace {

std::vector<std::string> band_terms(const Xapian::Document& doc) {
  std::vector<std::string> bands;
  const std::string prefix(schema::kStoryBand);
  auto t = doc.termlist_begin();
  for (t.skip_to(prefix); t != doc.termlist_end() && (*t).rfind(prefix, 0) == 0; ++t) bands.push_back(*t);
  return bands;
}

// The story lists (schema::kMetaStoryPrefix) a relink changes, read once and written together.
class StoryLists {
 public:
  explicit StoryLists(std::function<Xapian::WritableDatabase&(std::size_t)>& writable) : writable_(writable) {}
  void add(std::size_t database, const std::string& story, const std::string& member_key) {
    if (!story.empty()) list(database, story).insert(member_key);
  }
  void remove(std::size_t database, const std::string& story, const std::string& member_key) {
    if (!story.empty()) list(database, story).erase(member_key);
  }
  void write() {
    for (const auto& [where, members] : lists_)
      writable_(where.first).set_metadata(story_list_key(where.second), encode_story_list(members));
  }

 private:
  std::set<std::string>& list(std::size_t database, const std::string& story) {
    auto [it, added] = lists_.try_emplace({database, story_first_id(story)});
    if (added) {
      for (auto& k : decode_story_list(writable_(database).get_metadata(story_list_key(it->first.second))))
        it->second.insert(std::move(k));
    }
    return it->second;
  }

  std::function<Xapian::WritableDatabase&(std::size_t)>& writable_;
  std::map<std::pair<std::size_t, std::string>, std::set<std::string>> lists_;
};

}  // namespace

StoryCandidate departing_article(const Xapian::Document& doc, std::size_t database) {
  StoryCandidate a{"",
                   {},
                   doc.get_value(schema::kSlotSignature),
                   doc.get_value(schema::kSlotMemberKey),
                   doc.get_value(schema::kSlotStory),
                   database};
  if (!a.signature.empty()) a.bands = band_terms(doc);
  return a;
}

StoryLinker::StoryLinker(const std::vector<Xapian::Database>& dbs,
                         std::function<Xapian::WritableDatabase&(std::size_t)> writable)
    : dbs_(dbs), count_(dbs.size()), writable_(std::move(writable)) {
  for (const auto& db : dbs) all_.add_database(db);
}

void StoryLinker::count_bands(const std::vector<StoryCandidate>& put) {
  std::vector<std::string> bands;
  for (const auto& a : put) bands.insert(bands.end(), a.bands.begin(), a.bands.end());
  std::sort(bands.begin(), bands.end());
  bands.erase(std::unique(bands.begin(), bands.end()), bands.end());
  // In term order through one cursor per database: its blocks are read once, not per term.
  const std::string prefix(schema::kStoryBand);
  for (std::size_t i = 0; i < dbs_.size(); ++i) {
    auto t = dbs_[i].allterms_begin(prefix);
    for (const auto& band : bands) {
      t.skip_to(band);
      if (t == dbs_[i].allterms_end(prefix)) break;
      if (*t != band) continue;
      BandCount& count = band_freq_[band];
      count.freq += t.get_termfreq();
      count.databases.push_back(i);
    }
  }
}

void StoryLinker::add_postings(const std::string& band, std::vector<Xapian::docid>& out) {
  auto known = band_freq_.find(band);
  if (known == band_freq_.end()) {
    for (auto p = all_.postlist_begin(band); p != all_.postlist_end(band); ++p) out.push_back(*p);
    return;
  }
  // A million articles are a few dozen databases, and a band is in one or two of them: opening
  // its posting list in all of them was most of the linking time.
  for (std::size_t i : known->second.databases) {
    const Xapian::Database& db = dbs_[i];
    for (auto p = db.postlist_begin(band); p != db.postlist_end(band); ++p) out.push_back(combined(*p, i));
  }
}

// Docid d of database i is (d - 1) * count + i + 1 in the combined database.
Xapian::docid StoryLinker::combined(Xapian::docid local, std::size_t database) const {
  return static_cast<Xapian::docid>((local - 1) * count_ + database + 1);
}
std::size_t StoryLinker::database_of(Xapian::docid did) const { return (did - 1) % count_; }
Xapian::docid StoryLinker::local_docid(Xapian::docid did) const {
  return static_cast<Xapian::docid>((did - 1) / count_ + 1);
}

Xapian::doccount StoryLinker::band_freq(const std::string& band) {
  auto found = band_freq_.find(band);
  return found != band_freq_.end() ? found->second.freq : all_.get_termfreq(band);
}

const StoryLinker::Member& StoryLinker::member(Xapian::docid did) {
  auto found = members_.find(did);
  if (found != members_.end()) return found->second;
  Xapian::Document doc = all_.get_document(did, Xapian::DOC_ASSUME_VALID);
  Member m{doc.get_value(schema::kSlotMemberKey), doc.get_value(schema::kSlotSignature), {}};
  if (!m.signature.empty()) m.bands = band_terms(doc);
  return members_.emplace(did, std::move(m)).first->second;
}

std::string StoryLinker::member_key(Xapian::docid did) {
  auto found = members_.find(did);
  if (found != members_.end()) return found->second.key;
  return all_.get_document(did, Xapian::DOC_ASSUME_VALID).get_value(schema::kSlotMemberKey);
}

const std::vector<Xapian::docid>& StoryLinker::neighbours(Xapian::docid did) {
  auto cached = neighbours_.find(did);
  if (cached != neighbours_.end()) return cached->second;
  const Member& m = member(did);
  std::vector<Xapian::docid> candidates;
  for (const auto& band : m.bands) {
    if (band_freq(band) < 2) continue;  // only this article: no posting list to read
    add_postings(band, candidates);
  }
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
  candidates.erase(std::remove(candidates.begin(), candidates.end(), did), candidates.end());
  std::vector<Xapian::docid> found;
  for (Xapian::docid c : candidates) {
    if (same_story(m.signature, all_.get_document(c, Xapian::DOC_ASSUME_VALID).get_value(schema::kSlotSignature)))
      found.push_back(c);
  }
  return neighbours_.emplace(did, std::move(found)).first->second;
}

std::vector<Xapian::docid> StoryLinker::matches_of(const StoryCandidate& gone) {
  std::vector<Xapian::docid> found;
  for (const auto& band : gone.bands) {
    for (auto p = all_.postlist_begin(band); p != all_.postlist_end(band); ++p) {
      if (same_story(gone.signature, member(*p).signature)) found.push_back(*p);
    }
  }
  return found;
}

std::size_t StoryLinker::relink(const std::vector<StoryCandidate>& put, const std::vector<StoryCandidate>& gone) {
  // An article's story is the least member key of itself and its matches. Worked out from all
  // its matches: the articles put, and the matches of those gone (they may have lost their
  // story's first). Any other article a put one matches only gained matches: its story is the
  // earliest of its story so far and those put articles, without reading its own matches.
  std::set<Xapian::docid> whole;
  std::map<Xapian::docid, std::string> joined;  // article -> least key of the put ones matching it
  count_bands(put);
  for (const auto& a : put) {
    // Most articles share no band with another: their story is their own, as written.
    if (std::none_of(a.bands.begin(), a.bands.end(), [&](const std::string& b) { return band_freq(b) > 1; })) continue;
    auto p = all_.postlist_begin(a.id_term);
    if (p == all_.postlist_end(a.id_term)) continue;  // removed again before the checkpoint
    members_.insert_or_assign(*p, Member{a.member_key, a.signature, a.bands});
    whole.insert(*p);
    for (Xapian::docid n : neighbours(*p)) {
      auto [it, added] = joined.try_emplace(n, a.member_key);
      if (!added) it->second = std::min(it->second, a.member_key);
    }
  }
  for (const auto& g : gone) {
    for (Xapian::docid d : matches_of(g)) whole.insert(d);
  }
  // Every new story is worked out before any is written: writing may open a database that
  // all_ reads at its last commit.
  struct Change {
    Xapian::docid did;
    std::string before, after;
  };
  std::vector<Change> changes;
  auto story_of = [&](Xapian::docid did) {
    return all_.get_document(did, Xapian::DOC_ASSUME_VALID).get_value(schema::kSlotStory);
  };
  for (Xapian::docid did : whole) {
    const std::vector<Xapian::docid>& matches = neighbours(did);
    std::string story = matches.empty() ? std::string() : member_key(did);
    for (Xapian::docid n : matches) story = std::min(story, member_key(n));
    std::string before = story_of(did);
    if (story != before) changes.push_back({did, std::move(before), std::move(story)});
  }
  for (const auto& [did, earliest] : joined) {
    if (whole.count(did)) continue;
    std::string before = story_of(did);
    std::string story = std::min(before.empty() ? member_key(did) : before, earliest);
    if (story != before) changes.push_back({did, std::move(before), std::move(story)});
  }
  StoryLists lists(writable_);
  for (const auto& g : gone) lists.remove(g.database, g.story, g.member_key);
  for (const auto& c : changes) {
    const std::size_t i = database_of(c.did);
    Xapian::WritableDatabase& db = writable_(i);
    Xapian::docid local = local_docid(c.did);
    Xapian::Document doc = db.get_document(local);
    // A value alone changes: Xapian rewrites no term or position of the article.
    doc.add_value(schema::kSlotStory, c.after);
    db.replace_document(local, doc);
    const std::string key = member_key(c.did);
    lists.remove(i, c.before, key);
    lists.add(i, c.after, key);
  }
  lists.write();
  return changes.size();
}

}  // namespace nsearch
