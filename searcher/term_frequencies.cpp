#include "searcher/term_frequencies.h"

namespace nsearch {

std::map<std::string, Xapian::doccount> frequencies(const Xapian::Database& db, const std::set<std::string>& terms) {
  std::map<std::string, Xapian::doccount> out;
  for (const auto& t : terms) out.emplace_hint(out.end(), t, db.get_termfreq(t));
  return out;
}

}  // namespace nsearch
