#include "searcher/term_frequencies.h"

#include <vector>

namespace nsearch {

std::map<std::string, Xapian::doccount> frequencies(const Xapian::Database& db, const std::set<std::string>& terms,
                                                    FormSearch how) {
  std::map<std::string, Xapian::doccount> out;
  if (how == FormSearch::LookUpCandidates || terms.size() < 2) {
    for (const auto& t : terms) out.emplace_hint(out.end(), t, db.get_termfreq(t));
    return out;
  }
  // A match of no documents still gathers every term's statistics from every shard, one
  // message each way per remote shard.
  std::vector<Xapian::Query> each(terms.begin(), terms.end());
  Xapian::Enquire enquire(db);
  enquire.set_query(Xapian::Query(Xapian::Query::OP_OR, each.begin(), each.end()));
  const Xapian::MSet stats = enquire.get_mset(0, 0);
  for (const auto& t : terms) out.emplace_hint(out.end(), t, stats.get_termfreq(t));
  return out;
}

}  // namespace nsearch
