#include "searcher/match_counter.h"

#include <algorithm>
#include <map>
#include <memory>
#include <optional>

#include <fmt/format.h>

#include "common/errors.h"
#include "common/facet_codes.h"
#include "common/schema.h"

namespace nsearch {

namespace fc = facet_codes;

namespace {

using Counts = std::map<std::string, Xapian::doccount>;

Xapian::valueno slot_of(const std::string& facet) {
  if (facet == "source") return schema::kSlotSource;
  if (facet == "year") return schema::kSlotYear;
  if (facet == "month") return schema::kSlotMonth;
  throw Error(kExitUsage, "unknown facet '" + facet + "'; use source, year or month");
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

// Facet counts from the codes, one shard at a time: in a combined database Xapian 1.4 hands a
// match spy each shard's own docids, so each shard gets its own pass (counts just add up).
class CodeCounts {
 public:
  explicit CodeCounts(const std::vector<Xapian::Database>& shards) : by_date_(fc::date_code(9999, 12) + 1, 0) {
    for (const auto& db : shards) shards_.emplace_back(db);
  }
  std::size_t size() const { return shards_.size(); }
  void count(std::size_t shard, Xapian::docid local) {
    std::uint32_t code = shards_[shard].code(local);
    shards_[shard].count_source(code);
    std::uint32_t date = fc::date_of(code);
    if (date < by_date_.size()) ++by_date_[date];
  }
  Counts counts(const std::string& facet) const {
    Counts out;
    if (facet == "source") {
      for (const auto& s : shards_) s.add_sources_to(out);
      return out;
    }
    for (std::uint32_t date = 1; date < by_date_.size(); ++date) {
      if (!by_date_[date]) continue;
      int year = fc::year_of(date), month = fc::month_of(date);
      if (facet == "year") out[fmt::format("{:04}", year)] += by_date_[date];
      else if (month) out[fmt::format("{:04}-{:02}", year, month)] += by_date_[date];
    }
    return out;
  }

 private:
  std::vector<ShardCodes> shards_;
  std::vector<Xapian::doccount> by_date_;
};

class ShardSpy : public Xapian::MatchSpy {
 public:
  ShardSpy(CodeCounts& counts, std::size_t shard) : counts_(counts), shard_(shard) {}
  void operator()(const Xapian::Document& doc, double) override { counts_.count(shard_, doc.get_docid()); }

 private:
  CodeCounts& counts_;
  std::size_t shard_;
};

Xapian::MSet every_match(const Xapian::Database& db, const Xapian::Query& query, const std::vector<Xapian::MatchSpy*>& spies) {
  Xapian::Enquire enquire(db);
  enquire.set_query(query);
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  for (auto* spy : spies) enquire.add_matchspy(spy);
  return enquire.get_mset(0, 0, db.get_doccount());
}

bool codes_usable(const IndexSet& index) {
  if (index.has_remote) return false;  // a shard server cannot run our spy
  return std::all_of(index.shards.begin(), index.shards.end(), ShardCodes::current);
}

}  // namespace

void check_facet(const std::string& name) { slot_of(name); }

MatchCount count_matches(const IndexSet& index, const Xapian::Query& query, const std::vector<std::string>& facets) {
  MatchCount out;
  std::vector<Counts> counts(facets.size());
  if (!facets.empty() && codes_usable(index)) {
    CodeCounts codes(index.shards);
    for (std::size_t s = 0; s < codes.size(); ++s) {
      ShardSpy spy(codes, s);
      out.total += every_match(index.shards[s], query, {&spy}).get_matches_estimated();
    }
    for (std::size_t i = 0; i < facets.size(); ++i) counts[i] = codes.counts(facets[i]);
  } else {
    std::vector<std::unique_ptr<Xapian::ValueCountMatchSpy>> spies;
    std::vector<Xapian::MatchSpy*> attach;
    for (const auto& f : facets) {
      spies.push_back(std::make_unique<Xapian::ValueCountMatchSpy>(slot_of(f)));
      attach.push_back(spies.back().get());
    }
    out.total = every_match(index.db, query, attach).get_matches_estimated();
    for (std::size_t i = 0; i < facets.size(); ++i) {
      for (auto v = spies[i]->values_begin(); v != spies[i]->values_end(); ++v) counts[i][*v] = v.get_termfreq();
    }
  }
  for (std::size_t i = 0; i < facets.size(); ++i) out.facets.push_back({facets[i], top(counts[i])});
  return out;
}

}  // namespace nsearch
