#include "searcher/title_boost.h"

#include <algorithm>

namespace nsearch {

void boost_whole_titles(std::vector<RankedMatch>& ranked, const RankOrder& order, Xapian::doccount shown,
                        const std::function<bool(Xapian::docid)>& whole_title) {
  const auto window = ranked.begin() + std::min<std::size_t>(ranked.size(), kTitleWindow);
  if (window == ranked.begin() || shown == 0) return;
  // The first `shown` matches weigh at least the last of them as ranked; one that stays below
  // that once raised cannot take a place among them.
  const auto last_shown = ranked.begin() + std::min<std::size_t>(shown, window - ranked.begin()) - 1;
  const double reach = last_shown->weight / kWholeTitleBoost;
  bool raised = false;
  for (auto m = ranked.begin(); m != window; ++m) {
    if (m->weight < reach || !whole_title(m->did)) continue;
    m->weight *= kWholeTitleBoost;
    raised = true;
  }
  if (raised) sort_ranked(ranked.begin(), window, order);
}

}  // namespace nsearch
