// Sealed databases merged into larger ones, and databases compacted, at the end of a run.
//
// Why: a search opens every query term's posting list in every database, and a database
// written by checkpoints has half-empty B-tree blocks; fewer, compacted databases are searched
// in about half the time and take half the disk (docs/performance.md).
//
// Merging as Lucene merges segments, by levels: a sealed database of fewer than
// kMergeFactor * segment_size articles is at level 0, of fewer than kMergeFactor^2 * segment_size
// at level 1, and so on; kMergeFactor neighbours of one level become one database of the next.
// Each article is so rewritten about log4(N / segment_size) times in its life, and a run that
// adds a few articles rarely merges anything. A sealed database left unmerged is compacted once.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include <xapian.h>

namespace nsearch {

inline constexpr std::size_t kMergeFactor = 4;

// A run of neighbouring databases to merge: [first, first + count) of the list given.
struct MergeGroup {
  std::size_t first = 0;
  std::size_t count = 0;
};

struct SealedDatabase {
  Xapian::doccount articles = 0;
  bool mergeable = false;  // compactable(): a database that is not stays as it is
};

// The merges to make among these sealed databases (in stub order), first to last; each group's
// databases are replaced by one, in place, before the next group's indices (given against the
// list as it will then stand) are read.
std::vector<MergeGroup> plan_merges(std::vector<SealedDatabase> sealed, std::size_t segment_size);

// Whether no article was ever removed from the database (its docids run 1..N without a gap).
// Only such databases are merged or compacted: merging databases with gaps gave databases that
// Xapian 1.4.22 misread in an unweighted match (weighting.h: counting_weight), and that is the
// one read path proven wrong; a merge of gapless databases is what xapian-compact is used for.
bool compactable(const Xapian::Database& db);
// Whether compaction wrote the database and no article was added to it since.
bool compacted(const Xapian::Database& db);

// Writes the sources, in order, as one compacted database at out (which must not exist):
// documents renumbered, the first source's metadata kept, story lists (schema::kMetaStoryPrefix)
// joined, the facet codes written for the new numbering, compacted() true. Every source
// must be compactable().
// Throws Xapian::Error.
void merge_databases(const std::vector<std::string>& sources, const std::string& out);

}  // namespace nsearch
