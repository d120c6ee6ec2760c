#include "searcher/match_counter.h"

#include <algorithm>
#include <map>
#include <memory>
#include <optional>

#include <fmt/format.h>

#include "common/errors.h"
#include "common/facet_codes.h"
#include "common/schema.h"
#include "searcher/match_bitmap.h"

namespace nsearch {

namespace fc = facet_codes;

namespace {

using Counts = std::map<std::string, Xapian::doccount>;

Xapian::valueno slot_of(const std::string& facet) {
  if (facet == "source") return schema::kSlotSource;
  if (facet == "year") return schema::kSlotYear;
  if (facet == "month") return schema::kSlotMonth;
  throw Error(ErrorCode::usage, "unknown facet '" + facet + "'; use source, year or month");
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
  void add_to(const std::string& facet, Counts& out) const {
    for (std::uint32_t date = 1; date < by_date_.size(); ++date) {
      if (!by_date_[date]) continue;
      int year = fc::year_of(date), month = fc::month_of(date);
      if (facet == "year")
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
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  for (auto* spy : spies) enquire.add_matchspy(spy);
  return enquire.get_mset(0, 0, db.get_doccount()).get_matches_estimated();
}

// What one thread counted, from the shards it took.
struct Share {
  Xapian::doccount total = 0;
  std::vector<Counts> counts;  // per facet; the date facets from `dates` only at the end
  DateCounts dates;
};

void count_by_codes(const Xapian::Database& shard, const Xapian::Query& query, const std::vector<std::string>& facets,
                    Share& share) {
  ShardCodes codes(shard);
  CodeSpy spy(codes, share.dates);
  if (auto matches = match_bitmap(shard, query)) {
    share.total += matches->count();
    matches->for_each([&](Xapian::docid did) { spy.count(did); });
  } else {
    share.total += every_match(shard, query, {&spy});
  }
  for (std::size_t i = 0; i < facets.size(); ++i) {
    if (facets[i] == "source") codes.add_sources_to(share.counts[i]);
  }
}

void count_total(const Xapian::Database& shard, const Xapian::Query& query, Share& share) {
  auto matches = match_bitmap(shard, query);
  share.total += matches ? matches->count() : every_match(shard, query, {});
}

void count_by_values(const Xapian::Database& shard, const Xapian::Query& query, const std::vector<std::string>& facets,
                     Share& share) {
  std::vector<std::unique_ptr<Xapian::ValueCountMatchSpy>> spies;
  std::vector<Xapian::MatchSpy*> attach;
  for (const auto& f : facets) {
    spies.push_back(std::make_unique<Xapian::ValueCountMatchSpy>(slot_of(f)));
    attach.push_back(spies.back().get());
  }
  share.total += every_match(shard, query, attach);
  for (std::size_t i = 0; i < facets.size(); ++i) {
    for (auto v = spies[i]->values_begin(); v != spies[i]->values_end(); ++v) share.counts[i][*v] += v.get_termfreq();
  }
}

}  // namespace

void check_facet(const std::string& name) { slot_of(name); }

MatchCounter::MatchCounter(std::vector<std::string> facets, std::size_t shards)
    : facets_(std::move(facets)), shards_(shards), counts_(facets_.size()) {}

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
      count_by_codes(shard, query, facets_, share);
      counted_codes = true;
    } else {
      count_by_values(shard, query, facets_, share);
    }
  }
  for (std::size_t i = 0; i < facets_.size() && counted_codes; ++i) {
    if (facets_[i] != "source") share.dates.add_to(facets_[i], share.counts[i]);
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
