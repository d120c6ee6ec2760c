// Near-duplicate signatures: MinHash over the 5-word shingles of an article's body (the
// analyzer's normalized words), and the LSH band keys that let a new article find the articles
// it may copy by a term lookup instead of a scan. Deterministic: fixed seeds, no state.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace nsearch {

namespace story {

inline constexpr std::size_t kShingleWords = 5;
inline constexpr std::size_t kHashes = 128;
// 16 bands of 2 rows (of the first 32 minima): two bodies with shingle Jaccard 0.5 share a
// band with probability 0.99, at 0.4 0.94, at 0.2 0.48, so a pair that is one story is almost
// never left uncompared (bench/band_layouts counts them). Each band is a term of its own, and
// terms cost indexing time: 32 bands of 4 rows made indexing 25% slower than none.
inline constexpr std::size_t kBands = 16;
inline constexpr std::size_t kRows = 2;
// Estimated Jaccard at or above which two bodies are one story (bench/results/story-pairs.md):
// rewritten copies of one wire story (new lead, edited quotes) still reach it, and 128 minima
// estimate a Jaccard of 0.6 within 0.09 (two standard deviations), so copies as alike as
// that are not left apart by the estimate's noise.
inline constexpr std::size_t kJoinMatches = 64;  // of kHashes: 0.50
// A body of fewer words is a caption or a link line ("رابط الخبر: <headline>") that many
// different articles share but for a word or two: it is signed together with its headline.
inline constexpr std::size_t kBodyWordsAlone = 20;

}  // namespace story

class StorySignature {
 public:
  // Adds the next normalized word of the body.
  void add_word(std::string_view normalized);
  // No words were added: the article has no signature and stays a story of its own.
  bool empty() const { return words_.empty(); }
  std::size_t words() const { return words_.size(); }
  struct Keys {
    std::vector<std::string> bands;  // hex, one per band: schema::kStoryBand terms
    std::string packed;              // schema::kSlotSignature: the low 16 bits of each minimum
  };
  // Both empty when the signature is.
  Keys keys() const;

 private:
  std::vector<std::uint32_t> minima() const;
  std::vector<std::uint64_t> words_;  // word hashes, in order
};

// How many of the kHashes minima two packed signatures share (0 when either is malformed).
std::size_t matching_minima(std::string_view a, std::string_view b);

// Whether two packed signatures are one story (matching_minima >= story::kJoinMatches).
bool same_story(std::string_view a, std::string_view b);

}  // namespace nsearch
