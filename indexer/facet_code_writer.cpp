#include "indexer/facet_code_writer.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "common/facet_codes.h"
#include "common/schema.h"

namespace nsearch {

namespace fc = facet_codes;

namespace {

// Calls f(term without prefix, docid) for every posting of every term with this prefix.
template <typename F>
void for_each_posting(const Xapian::Database& db, std::string_view prefix, F f) {
  const std::string p(prefix);
  for (auto t = db.allterms_begin(p); t != db.allterms_end(p); ++t) {
    const std::string value = (*t).substr(p.size());
    for (auto d = db.postlist_begin(*t); d != db.postlist_end(*t); ++d) f(value, *d);
  }
}

// Metadata writes rewrite B-tree blocks: skip those that would change nothing.
void set_if_changed(Xapian::WritableDatabase& db, const std::string& key, const std::string& value) {
  if (db.get_metadata(key) != value) db.set_metadata(key, value);
}

}  // namespace

void store_facet_codes(Xapian::WritableDatabase& db) {
  const Xapian::docid last = db.get_lastdocid();
  std::vector<std::uint32_t> codes(last + 1, 0);
  std::vector<std::string> sources;
  for_each_posting(db, schema::kSource, [&](const std::string& key, Xapian::docid d) {
    if (sources.empty() || sources.back() != key) sources.push_back(key);  // terms come sorted
    codes[d] |= static_cast<std::uint32_t>(sources.size()) << fc::kDateBits;
  });
  if (sources.size() > fc::kMaxSources) {
    // Too many sources to code: no stamp, and the searcher reads the value slots.
    set_if_changed(db, std::string(schema::kMetaFacetStamp), "");
    return;
  }
  for_each_posting(db, schema::kYear,
                   [&](const std::string& year, Xapian::docid d) { codes[d] |= fc::date_code(std::stoi(year), 0); });
  for_each_posting(db, schema::kMonth, [&](const std::string& yyyymm, Xapian::docid d) {
    // XM implies XY for the same year: add the month on top of year * 13.
    codes[d] += static_cast<std::uint32_t>(std::stoi(yyyymm.substr(4)));
  });
  for (Xapian::docid first = 1; first <= last; first += fc::kChunkDocs) {
    std::size_t n = std::min<std::size_t>(fc::kChunkDocs, last - first + 1);
    set_if_changed(db, fc::chunk_key(fc::chunk_of(first)), fc::encode(&codes[first], n));
  }
  set_if_changed(db, std::string(schema::kMetaFacetSources), fc::join_sources(sources));
  set_if_changed(db, std::string(schema::kMetaFacetStamp), std::to_string(last));
}

}  // namespace nsearch
