#include "searcher/ranked_parts.h"

#include <algorithm>
#include <iterator>
#include <unordered_set>

namespace nsearch {

namespace {

// Every docid in one slice of a shard's numbering, deleted ones included: the slice only ever
// filters a query, whose own matches exist. Xapian gives a posting source each shard on its
// own, with that shard's docids, so each shard is sliced by its own last docid.
class DocidSlice : public Xapian::PostingSource {
 public:
  DocidSlice(unsigned part, unsigned parts) : part_(part), parts_(parts) {}

  void init(const Xapian::Database& db) override {
    auto last = static_cast<unsigned long long>(db.get_lastdocid());
    first_ = static_cast<Xapian::docid>(last * part_ / parts_ + 1);
    end_ = static_cast<Xapian::docid>(last * (part_ + 1) / parts_ + 1);
    did_ = 0;
    set_maxweight(0);
    Xapian::doccount size = end_ - first_;
    max_ = std::min(size, db.get_doccount());
    est_ = last ? static_cast<Xapian::doccount>(static_cast<double>(size) * db.get_doccount() / last) : 0;
  }
  Xapian::doccount get_termfreq_min() const override { return 0; }
  Xapian::doccount get_termfreq_est() const override { return est_; }
  Xapian::doccount get_termfreq_max() const override { return max_; }
  void next(double) override { did_ = did_ ? did_ + 1 : first_; }
  void skip_to(Xapian::docid did, double) override { did_ = std::max({did_, did, first_}); }
  bool at_end() const override { return did_ >= end_; }
  Xapian::docid get_docid() const override { return did_; }
  DocidSlice* clone() const override { return new DocidSlice(part_, parts_); }

 private:
  unsigned part_, parts_;
  Xapian::docid first_ = 1, end_ = 1, did_ = 0;
  Xapian::doccount est_ = 0, max_ = 0;
};

// True when a comes before b in one pass's order.
bool before(const RankedMatch& a, const RankedMatch& b, const RankOrder& order) {
  if (order.sort_slot && a.sort_key != b.sort_key)
    return order.descending ? a.sort_key > b.sort_key : a.sort_key < b.sort_key;
  if (a.weight != b.weight) return a.weight > b.weight;
  if (!order.sort_slot && order.tie_slot && a.sort_key != b.sort_key) return a.sort_key < b.sort_key;
  return a.did < b.did;
}

}  // namespace

std::vector<RankedMatch> rank_part(const Xapian::Database& db, const Xapian::Query& query,
                                   const Xapian::Weight& weighting, const RankOrder& order, Xapian::doccount count,
                                   unsigned part, unsigned parts, Xapian::doccount* collapsed_estimate) {
  Xapian::Enquire enquire(db);
  if (parts > 1) {
    Xapian::Query slice((new DocidSlice(part, parts))->release());
    enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, query, slice));
  } else {
    enquire.set_query(query);
  }
  enquire.set_weighting_scheme(weighting);
  if (order.sort_slot) {
    enquire.set_sort_by_value_then_relevance(*order.sort_slot, order.descending);
  } else if (order.tie_slot) {
    enquire.set_sort_by_relevance_then_value(*order.tie_slot, false);
  }
  if (order.collapse_slot) enquire.set_collapse_key(*order.collapse_slot);
  Xapian::MSet mset = enquire.get_mset(0, count);
  if (collapsed_estimate) *collapsed_estimate = mset.get_matches_estimated();
  std::vector<RankedMatch> out;
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    out.push_back({*it, it.get_weight(), order.sort_slot || order.tie_slot ? it.get_sort_key() : std::string(),
                   order.collapse_slot ? it.get_collapse_key() : std::string()});
  }
  return out;
}

void sort_ranked(std::vector<RankedMatch>::iterator first, std::vector<RankedMatch>::iterator last,
                 const RankOrder& order) {
  std::sort(first, last, [&](const RankedMatch& a, const RankedMatch& b) { return before(a, b, order); });
}

std::vector<RankedMatch> merge_parts(std::vector<std::vector<RankedMatch>> parts, const RankOrder& order,
                                     Xapian::doccount offset, Xapian::doccount limit) {
  std::vector<RankedMatch> all;
  for (auto& p : parts) std::move(p.begin(), p.end(), std::back_inserter(all));
  sort_ranked(all.begin(), all.end(), order);
  if (order.collapse_slot) {
    // A story's best match in each part: the first one is its best overall.
    std::unordered_set<std::string> seen;
    all.erase(std::remove_if(
                  all.begin(), all.end(),
                  [&](const RankedMatch& m) { return !m.collapse_key.empty() && !seen.insert(m.collapse_key).second; }),
              all.end());
  }
  if (offset >= all.size()) return {};
  all.erase(all.begin(), all.begin() + offset);
  if (all.size() > limit) all.resize(limit);
  return all;
}

}  // namespace nsearch
