#include "indexer/database_merge.h"

#include <algorithm>
#include <set>

#include "common/schema.h"
#include "common/story_key.h"
#include "indexer/facet_code_writer.h"

namespace nsearch {

namespace {

std::size_t level(Xapian::doccount articles, std::size_t segment_size) {
  std::size_t level = 0;
  for (std::size_t bound = kMergeFactor * std::max<std::size_t>(segment_size, 1); articles >= bound;
       bound *= kMergeFactor)
    ++level;
  return level;
}

// The merged database keeps the first source's metadata (database 0 holds the index's), except
// a story's lists, which each database keeps for its own members: those are joined.
class MetadataJoiner : public Xapian::Compactor {
 public:
  std::string resolve_duplicate_metadata(const std::string& key, size_t num_tags, const std::string tags[]) override {
    // Xapian 1.4 gives the key as its B-tree stores it, after a two-byte marker.
    std::string_view name(key);
    if (name.size() >= 2 && name[0] == '\0') name.remove_prefix(2);
    if (!name.starts_with(schema::kMetaStoryPrefix)) return tags[0];
    std::set<std::string> members;
    for (size_t i = 0; i < num_tags; ++i)
      for (auto& m : decode_story_list(tags[i])) members.insert(std::move(m));
    return encode_story_list(members);
  }
};

}  // namespace

std::vector<MergeGroup> plan_merges(std::vector<SealedDatabase> sealed, std::size_t segment_size) {
  std::vector<MergeGroup> plan;
  auto joins = [&](std::size_t i) {
    return i > 0 && sealed[i].mergeable && sealed[i - 1].mergeable &&
           level(sealed[i].articles, segment_size) == level(sealed[i - 1].articles, segment_size);
  };
  for (;;) {
    std::size_t run = 0;
    std::size_t i = 0;
    for (; i < sealed.size(); ++i) {
      run = joins(i) ? run + 1 : 1;
      if (run == kMergeFactor) break;
    }
    if (i == sealed.size()) return plan;
    const std::size_t first = i + 1 - kMergeFactor;
    Xapian::doccount total = 0;
    for (std::size_t k = first; k <= i; ++k) total += sealed[k].articles;
    sealed.erase(sealed.begin() + static_cast<std::ptrdiff_t>(first) + 1,
                 sealed.begin() + static_cast<std::ptrdiff_t>(i) + 1);
    sealed[first].articles = total;
    plan.push_back({first, kMergeFactor});
  }
}

bool compactable(const Xapian::Database& db) { return db.get_doccount() == db.get_lastdocid(); }

bool compacted(const Xapian::Database& db) {
  return db.get_metadata(std::string(schema::kMetaCompacted)) == std::to_string(db.get_lastdocid());
}

void merge_databases(const std::vector<std::string>& sources, const std::string& out) {
  Xapian::Database all;
  for (const auto& s : sources) all.add_database(Xapian::Database(s));
  MetadataJoiner joiner;
  all.compact(out, Xapian::DBCOMPACT_MULTIPASS | Xapian::Compactor::FULL, 0, joiner);
  // Documents are renumbered, so the facet codes (by docid) are written afresh.
  Xapian::WritableDatabase merged(out, Xapian::DB_OPEN);
  store_facet_codes(merged);
  merged.set_metadata(std::string(schema::kMetaCompacted), std::to_string(merged.get_lastdocid()));
  merged.commit();
}

}  // namespace nsearch
