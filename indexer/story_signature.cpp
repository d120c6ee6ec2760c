#include "indexer/story_signature.h"

#include <algorithm>
#include <limits>

#include <fmt/core.h>

#include "indexer/document_builder.h"

namespace nsearch {

namespace {

std::uint64_t mix(std::uint64_t x) {  // splitmix64's finalizer
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

// Hash k of a shingle: multiply-shift with fixed odd multipliers drawn from splitmix64.
struct Seeds {
  std::uint64_t a[story::kHashes], b[story::kHashes];
  Seeds() {
    for (std::size_t k = 0; k < story::kHashes; ++k) {
      a[k] = mix(2 * k + 1) | 1;
      b[k] = mix(2 * k + 2);
    }
  }
};

const Seeds& seeds() {
  static const Seeds s;
  return s;
}

}  // namespace

void StorySignature::add_word(std::string_view normalized) { words_.push_back(fnv1a(normalized)); }

std::vector<std::uint32_t> StorySignature::minima() const {
  std::vector<std::uint32_t> mins(story::kHashes, std::numeric_limits<std::uint32_t>::max());
  if (words_.empty()) return mins;
  // A body shorter than a shingle is one shingle of all its words.
  std::size_t width = std::min(story::kShingleWords, words_.size());
  const Seeds& s = seeds();
  for (std::size_t i = 0; i + width <= words_.size(); ++i) {
    std::uint64_t shingle = 0;
    for (std::size_t j = 0; j < width; ++j) shingle = mix(shingle ^ words_[i + j]);
    for (std::size_t k = 0; k < story::kHashes; ++k) {
      auto h = static_cast<std::uint32_t>((s.a[k] * shingle + s.b[k]) >> 32);
      mins[k] = std::min(mins[k], h);
    }
  }
  return mins;
}

StorySignature::Keys StorySignature::keys() const {
  Keys keys;
  if (empty()) return keys;
  std::vector<std::uint32_t> mins = minima();
  for (std::size_t band = 0; band < story::kBands; ++band) {
    std::uint64_t h = band;
    for (std::size_t r = 0; r < story::kRows; ++r) h = mix(h ^ mins[band * story::kRows + r]);
    keys.bands.push_back(fmt::format("{:02x}{:010x}", band, h & 0xFFFFFFFFFFULL));
  }
  for (std::uint32_t m : mins) {
    keys.packed += static_cast<char>(m & 0xFF);
    keys.packed += static_cast<char>((m >> 8) & 0xFF);
  }
  return keys;
}

std::size_t matching_minima(std::string_view a, std::string_view b) {
  if (a.size() != 2 * story::kHashes || b.size() != a.size()) return 0;
  std::size_t same = 0;
  for (std::size_t k = 0; k < a.size(); k += 2) same += a[k] == b[k] && a[k + 1] == b[k + 1];
  return same;
}

bool same_story(std::string_view a, std::string_view b) { return matching_minima(a, b) >= story::kJoinMatches; }

}  // namespace nsearch
