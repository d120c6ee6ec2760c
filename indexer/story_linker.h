// Stories at a checkpoint. An article's story is the earliest, by (date and time, id), of
// itself and the articles whose body signatures match its own (indexer/story_signature.h);
// its key is in schema::kSlotStory. That depends on the set of
// articles alone, so a rebuild, another shard count or another input order give the same
// stories. Candidates come from the band terms (schema::kStoryBand) of every database of the
// index, never a scan, and only articles whose neighbourhood changed are looked at: those put
// since the last checkpoint and their matches, and the matches of articles removed or replaced
// (a story whose first member is removed: the next earliest takes over). An article no other
// matches has an empty story key. Each database lists the members it holds of each story
// (schema::kMetaStoryPrefix), changed with their story values.
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include <xapian.h>

namespace nsearch {

// What the linker needs of an article put since the last checkpoint (from BuiltDocument).
struct StoryCandidate {
  std::string id_term;
  std::vector<std::string> bands;  // schema::kStoryBand terms
  std::string signature, member_key;
  // Of an article gone: its story key and the database it was in (whose story list held it).
  std::string story;
  std::size_t database = 0;
};

// What the linker needs of an article about to be removed or replaced (id_term left empty),
// from database `database` of the index.
StoryCandidate departing_article(const Xapian::Document& doc, std::size_t database);

class StoryLinker {
 public:
  // dbs: every database of the index in stub order, each seeing the changes to link (a
  // WritableDatabase for one being written); writable(i): database i, for writing.
  StoryLinker(const std::vector<Xapian::Database>& dbs, std::function<Xapian::WritableDatabase&(std::size_t)> writable);
  // Re-links the articles put, their matches and the matches of the articles gone (removed, or
  // replaced by a new version). Returns how many articles changed story.
  std::size_t relink(const std::vector<StoryCandidate>& put, const std::vector<StoryCandidate>& gone);

 private:
  struct Member {
    std::string key, signature;
    std::vector<std::string> bands;
  };
  const Member& member(Xapian::docid did);
  // The article's own story key (schema::kSlotMemberKey), without its bands.
  std::string member_key(Xapian::docid did);
  const std::vector<Xapian::docid>& neighbours(Xapian::docid did);
  // Docids between all_ and the database dbs_[database].
  Xapian::docid combined(Xapian::docid local, std::size_t database) const;
  std::size_t database_of(Xapian::docid did) const;
  Xapian::docid local_docid(Xapian::docid did) const;
  // The articles holding a band term, from the databases that hold it when count_bands knows.
  void add_postings(const std::string& band, std::vector<Xapian::docid>& out);
  // The articles in the index that an article no longer there matched.
  std::vector<Xapian::docid> matches_of(const StoryCandidate& gone);
  // Postings of the put articles' band terms, counted in one pass (band_freq_).
  void count_bands(const std::vector<StoryCandidate>& put);
  Xapian::doccount band_freq(const std::string& band);

  std::vector<Xapian::Database> dbs_;
  Xapian::Database all_;
  std::size_t count_;
  std::function<Xapian::WritableDatabase&(std::size_t)> writable_;
  std::map<Xapian::docid, Member> members_;
  std::map<Xapian::docid, std::vector<Xapian::docid>> neighbours_;
  struct BandCount {
    Xapian::doccount freq = 0;
    std::vector<std::size_t> databases;  // those holding the band
  };
  std::unordered_map<std::string, BandCount> band_freq_;
};

}  // namespace nsearch
