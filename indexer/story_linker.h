// Stories at a checkpoint. An article's story is the earliest, by (date and time, id), of
// itself and the articles whose body signatures match its own (indexer/story_signature.h);
// its key is in schema::kSlotStory and its schema::kStory term. That depends on the set of
// articles alone, so a rebuild, another shard count or another input order give the same
// stories. Candidates come from the band terms (schema::kStoryBand) of every database of the
// index, never a scan, and only articles whose neighbourhood changed are looked at: those put
// since the last checkpoint, their neighbours, and the members of stories that lost or changed
// an article (their first member removed: the next earliest takes over).
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include <xapian.h>

namespace nsearch {

// The story terms an article's removal or replacement makes stale: its own key's (stories it
// was first of) and its story's.
std::vector<std::string> stale_story_terms(const Xapian::Document& doc);

class StoryLinker {
 public:
  // dbs: every database of the index in stub order, each seeing the changes to link (a
  // WritableDatabase for one being written); writable(i): database i, for writing.
  StoryLinker(const std::vector<Xapian::Database>& dbs, std::function<Xapian::WritableDatabase&(std::size_t)> writable);
  // Re-links the articles with these Q terms, their neighbours and the members of the stories
  // with these story terms. Returns how many articles changed story.
  std::size_t relink(const std::vector<std::string>& id_terms, const std::vector<std::string>& story_terms);

 private:
  std::vector<Xapian::docid> neighbours(Xapian::docid did);
  std::string story_of(Xapian::docid did);

  Xapian::Database all_;
  std::size_t count_;
  std::function<Xapian::WritableDatabase&(std::size_t)> writable_;
};

}  // namespace nsearch
