// How many pairs of articles that are one story by their signatures (at least
// story::kJoinMatches of story::kHashes minima shared) a layout of LSH bands would never
// compare, for several layouts, from the signatures an index holds (schema::kSlotSignature:
// the low 16 bits of each minimum, so a band here is a little likelier to collide than the
// indexed one, which hashes the full minima).
//   band_layouts INDEX_DIR [BANDSxROWS ...]     (default: 16x3 16x2 20x2 24x2)
// The pairs are found from buckets of equal single minima (the first 16; a pair sharing half
// of all minima shares one of them but for a chance of 2^-16), leaving out buckets of more
// than 500 articles (a minimum of boilerplate, not of a story).
#include <cstdio>
#include <set>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "common/open_index.h"
#include "common/schema.h"
#include "indexer/story_signature.h"

namespace {

using Pair = std::pair<std::size_t, std::size_t>;

template <typename Visit>
void bucket_pairs(const std::vector<std::string>& sigs, std::size_t from, std::size_t width, std::size_t max_bucket,
                  Visit visit) {
  std::unordered_map<std::string, std::vector<std::size_t>> buckets;
  for (std::size_t i = 0; i < sigs.size(); ++i) buckets[sigs[i].substr(from, width)].push_back(i);
  for (const auto& [key, members] : buckets) {
    if (members.size() > max_bucket) continue;
    for (std::size_t x = 0; x < members.size(); ++x)
      for (std::size_t y = x + 1; y < members.size(); ++y) visit(Pair{members[x], members[y]});
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fputs("usage: band_layouts INDEX_DIR [BANDSxROWS ...]\n", stderr);
    return 2;
  }
  std::vector<std::pair<unsigned, unsigned>> layouts;
  for (int i = 2; i < argc; ++i) {
    unsigned bands = 0, rows = 0;
    if (std::sscanf(argv[i], "%ux%u", &bands, &rows) != 2 || bands * rows > nsearch::story::kHashes) {
      std::fprintf(stderr, "band_layouts: '%s' is not BANDSxROWS\n", argv[i]);
      return 2;
    }
    layouts.emplace_back(bands, rows);
  }
  if (layouts.empty()) layouts = {{16, 3}, {16, 2}, {20, 2}, {24, 2}};

  Xapian::Database db = nsearch::open_index_for_reading(argv[1]);
  std::vector<std::string> sigs;
  for (auto v = db.valuestream_begin(nsearch::schema::kSlotSignature);
       v != db.valuestream_end(nsearch::schema::kSlotSignature); ++v) {
    if ((*v).size() == 2 * nsearch::story::kHashes) sigs.push_back(*v);
  }
  std::set<Pair> one_story;
  for (std::size_t m = 0; m < 16; ++m) {
    bucket_pairs(sigs, 2 * m, 2, 500, [&](const Pair& p) {
      if (nsearch::same_story(sigs[p.first], sigs[p.second])) one_story.insert(p);
    });
  }
  std::printf("%zu signed articles, %zu pairs sharing at least %zu of %zu minima\n", sigs.size(), one_story.size(),
              nsearch::story::kJoinMatches, nsearch::story::kHashes);
  for (auto [bands, rows] : layouts) {
    std::set<Pair> compared;
    for (unsigned b = 0; b < bands; ++b) {
      bucket_pairs(sigs, 2 * b * rows, 2 * rows, sigs.size(), [&](const Pair& p) { compared.insert(p); });
    }
    std::size_t missed = 0;
    for (const auto& p : one_story) missed += !compared.count(p);
    std::printf("%u bands x %u rows: %zu pairs compared, %zu of the %zu never compared\n", bands, rows, compared.size(),
                missed, one_story.size());
  }
  return 0;
}
