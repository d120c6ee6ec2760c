// One shard's matches as a bitmap of its docids, read straight from the posting lists, for a
// query made only of terms and boolean operators (which is every query without a phrase or a
// value range). Counting a common word's matches this way takes about a third of the time
// Xapian's matcher takes to visit them (docs/performance.md); the bitmap is exact, so the total
// and the facet counts stay exact.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include <xapian.h>

namespace nsearch {

class DocBitmap {
 public:
  explicit DocBitmap(Xapian::docid last) : words_(last / 64 + 1, 0) {}
  void set(Xapian::docid did) { words_[did >> 6] |= std::uint64_t{1} << (did & 63); }
  void and_with(const DocBitmap& other);
  void or_with(const DocBitmap& other);
  void and_not(const DocBitmap& other);
  Xapian::doccount count() const;
  // Calls f(docid) for each docid set, in ascending order.
  template <class F>
  void for_each(F f) const {
    for (std::size_t w = 0; w < words_.size(); ++w) {
      for (std::uint64_t bits = words_[w]; bits; bits &= bits - 1) {
        f(static_cast<Xapian::docid>(w * 64 + static_cast<unsigned>(__builtin_ctzll(bits))));
      }
    }
  }

 private:
  std::vector<std::uint64_t> words_;
};

// The query's matches in this one (local) shard, or nothing when the query holds an operator
// that needs positions, values or weights (PHRASE, NEAR, value ranges, ELITE_SET, ...).
std::optional<DocBitmap> match_bitmap(const Xapian::Database& shard, const Xapian::Query& query);

}  // namespace nsearch
