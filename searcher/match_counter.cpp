#include "searcher/match_counter.h"

#include <algorithm>
#include <map>
#include <memory>
#include <optional>

#include <fmt/format.h>

#include "common/errors.h"
#include "common/facet_codes.h"
#include "common/fields.h"
#include "common/schema.h"
#include "searcher/match_bitmap.h"
#include "searcher/weighting.h"

namespace nsearch {

namespace fc = facet_codes;

namespace {

using Counts = std::map<std::string, Xapian::doccount>;

const fields::Field& facet_field(const std::string& name) {
  const fields::Field* f = fields::find(name);
  if (!f || !f->facet) {
    throw Error(ErrorCode::usage, "unknown facet '" + name + "'; use " + fields::names(fields::is_facet));
  }
  return *f;
}

// What the facet codes (common/facet_codes.h) hold of a facet: the source, the date's year or
// month, or nothing (then its value slot is counted).
enum class Coded { No, Source, Year, Month };

Coded coded(const fields::Field& f) {
  if (f.prefix == schema::kSource) return Coded::Source;
  if (f.prefix == schema::kYear) return Coded::Year;
  if (f.prefix == schema::kMonth) return Coded::Month;
  return Coded::No;
}

// Most frequent first, ties by value: the order ValueCountMatchSpy::top_values_begin gives.
std::vector<std::pair<std::string, Xapian::doccount>> top(const Counts& counts) {
  std::vector<std::pair<std::string, Xapian::doccount>> v(counts.begin(), counts.end());
  std::stable_sort(v.begin(), v.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  if (v.size() > kFacetValues) v.resize(kFacetValues);
  return v;
}

// One shard's codes, read chunk by chunk as matches reach them.
class ShardCodes {
 public:
  explicit ShardCodes(Xapian::Database db)
      : db_(std::move(db)),
        sources_(fc::split_sources(db_.get_metadata(std::string(schema::kMetaFacetSources)))),
        chunks_(fc::chunk_of(std::max<Xapian::docid>(db_.get_lastdocid(), 1)) + 1),
        by_source_(sources_.size() + 1, 0) {}

  // True when the codes were written for exactly this database's documents.
  static bool current(const Xapian::Database& db) {
    return db.get_metadata(std::string(schema::kMetaFacetStamp)) == std::to_string(db.get_lastdocid());
  }

  std::uint32_t code(Xapian::docid local) {
    std::uint32_t c = fc::chunk_of(local);
    if (c >= chunks_.size()) return 0;
    if (!chunks_[c]) chunks_[c] = db_.get_metadata(fc::chunk_key(c));
    return fc::decode_at(*chunks_[c], fc::index_in_chunk(local));
  }
  void count_source(std::uint32_t code) {
    std::uint32_t s = fc::source_of(code);
    if (s < by_source_.size()) ++by_source_[s];
  }
  void add_sources_to(Counts& out) const {
    for (std::size_t s = 1; s < by_source_.size(); ++s) {
      if (by_source_[s]) out[sources_[s - 1]] += by_source_[s];
    }
  }

 private:
  Xapian::Database db_;
  std::vector<std::string> sources_;
  std::vector<std::optional<std::string>> chunks_;
  std::vector<Xapian::doccount> by_source_;
};

// Dates by code: every shard codes a date alike, so one thread's shards share these counts,
// turned into year and month values once at the end.
class DateCounts {
 public:
  void add(std::uint32_t date) {
    if (by_date_.empty()) by_date_.assign(fc::date_code(9999, 12) + 1, 0);
    if (date < by_date_.size()) ++by_date_[date];
  }
  void add_to(Coded part, Counts& out) const {
    for (std::uint32_t date = 1; date < by_date_.size(); ++date) {
      if (!by_date_[date]) continue;
      int year = fc::year_of(date), month = fc::month_of(date);
      if (part == Coded::Year)
        out[fmt::format("{:04}", year)] += by_date_[date];
      else if (month)
        out[fmt::format("{:04}-{:02}", year, month)] += by_date_[date];
    }
  }

 private:
  std::vector<Xapian::doccount> by_date_;
};

// In a combined database Xapian 1.4 hands a match spy each shard's own docids, so codes are
// only ever looked up in a pass over one shard.
class CodeSpy : public Xapian::MatchSpy {
 public:
  CodeSpy(ShardCodes& codes, DateCounts& dates) : codes_(codes), dates_(dates) {}
  void operator()(const Xapian::Document& doc, double) override { count(doc.get_docid()); }
  void count(Xapian::docid did) {
    std::uint32_t code = codes_.code(did);
    codes_.count_source(code);
    dates_.add(fc::date_of(code));
  }

 private:
  ShardCodes& codes_;
  DateCounts& dates_;
};

Xapian::doccount every_match(const Xapian::Database& db, const Xapian::Query& query,
                             const std::vector<Xapian::MatchSpy*>& spies) {
  Xapian::Enquire enquire(db);
  enquire.set_query(query);
  enquire.set_weighting_scheme(counting_weight());
  for (auto* spy : spies) enquire.add_matchspy(spy);
  return enquire.get_mset(0, 0, db.get_doccount()).get_matches_estimated();
}

using Facets = std::vector<const fields::Field*>;

// ValueCountMatchSpy on the value slots of the facets (only_uncoded: of those the facet codes
// do not hold).
class SlotSpies {
 public:
  SlotSpies(const Facets& facets, bool only_uncoded) {
    for (std::size_t i = 0; i < facets.size(); ++i) {
      if (only_uncoded && coded(*facets[i]) != Coded::No) continue;
      facet_.push_back(i);
      spies_.push_back(std::make_unique<Xapian::ValueCountMatchSpy>(facets[i]->slot));
    }
  }
  bool empty() const { return spies_.empty(); }
  std::vector<Xapian::MatchSpy*> attached() const {
    std::vector<Xapian::MatchSpy*> out;
    for (const auto& s : spies_) out.push_back(s.get());
    return out;
  }
  void add_to(std::vector<Counts>& counts) const {
    for (std::size_t i = 0; i < spies_.size(); ++i) {
      Counts& out = counts[facet_[i]];
      for (auto v = spies_[i]->values_begin(); v != spies_[i]->values_end(); ++v) out[*v] += v.get_termfreq();
    }
  }

 private:
  std::vector<std::size_t> facet_;  // which facet each spy counts
  std::vector<std::unique_ptr<Xapian::ValueCountMatchSpy>> spies_;
};

// What one thread counted, from the shards it took.
struct Share {
  Xapian::doccount total = 0;
  std::vector<Counts> counts;  // per facet; the date facets from `dates` only at the end
  DateCounts dates;
};

// The facets the codes hold from the codes, any other from its value slot in the same pass.
void count_by_codes(const Xapian::Database& shard, const Xapian::Query& query, const Facets& facets, Share& share) {
  ShardCodes codes(shard);
  CodeSpy spy(codes, share.dates);
  SlotSpies others(facets, true);
  std::optional<DocBitmap> matches;
  if (others.empty()) matches = match_bitmap(shard, query);
  if (matches) {
    share.total += matches->count();
    matches->for_each([&](Xapian::docid did) { spy.count(did); });
  } else {
    std::vector<Xapian::MatchSpy*> spies = others.attached();
    spies.push_back(&spy);
    share.total += every_match(shard, query, spies);
  }
  for (std::size_t i = 0; i < facets.size(); ++i) {
    if (coded(*facets[i]) == Coded::Source) codes.add_sources_to(share.counts[i]);
  }
  others.add_to(share.counts);
}

void count_total(const Xapian::Database& shard, const Xapian::Query& query, Share& share) {
  auto matches = match_bitmap(shard, query);
  share.total += matches ? matches->count() : every_match(shard, query, {});
}

void count_by_values(const Xapian::Database& shard, const Xapian::Query& query, const Facets& facets, Share& share) {
  SlotSpies spies(facets, false);
  share.total += every_match(shard, query, spies.attached());
  spies.add_to(share.counts);
}

}  // namespace

void check_facet(const std::string& name) { facet_field(name); }

MatchCounter::MatchCounter(std::vector<std::string> facets, std::size_t shards)
    : facets_(std::move(facets)), shards_(shards), counts_(facets_.size()) {
  for (const auto& name : facets_) fields_.push_back(&facet_field(name));
}

void MatchCounter::count_with(const IndexSet& handles, const Xapian::Query& query) {
  Share share;
  share.counts.resize(facets_.size());
  bool counted_codes = false;
  for (std::size_t s = next_++; s < shards_; s = next_++) {
    const Xapian::Database& shard = handles.shards.at(s);
    // A shard server cannot run our spy, and reading its codes or posting lists from here
    // would cost a round trip each.
    const bool local = !handles.has_remote;
    if (local && facets_.empty()) {
      count_total(shard, query, share);
    } else if (local && ShardCodes::current(shard)) {
      count_by_codes(shard, query, fields_, share);
      counted_codes = true;
    } else {
      count_by_values(shard, query, fields_, share);
    }
  }
  for (std::size_t i = 0; i < facets_.size() && counted_codes; ++i) {
    Coded part = coded(*fields_[i]);
    if (part == Coded::Year || part == Coded::Month) share.dates.add_to(part, share.counts[i]);
  }
  std::lock_guard<std::mutex> lock(merge_);
  total_ += share.total;
  for (std::size_t i = 0; i < facets_.size(); ++i) {
    for (const auto& [value, count] : share.counts[i]) counts_[i][value] += count;
  }
}

MatchCount MatchCounter::result() const {
  MatchCount out;
  out.total = total_;
  for (std::size_t i = 0; i < facets_.size(); ++i) out.facets.push_back({facets_[i], top(counts_[i])});
  return out;
}

}  // namespace nsearch
