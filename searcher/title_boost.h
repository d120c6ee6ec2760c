// Whole-title matches: a title names what its article is about, and an article whose title is
// made only of the query's words (an encyclopedia entry's name, a headline typed back) is about
// what the query asks, not only a text that mentions it. Among the first matches in relevance
// order, such an article's weight is raised by a constant factor: a fixed window, so that every
// page of a query, whatever its size, agrees on the order, and a match outside it weighs no
// more than the least of the window. Measured on both halves of both question sets
// (docs/relevance.md).
#pragma once

#include <functional>
#include <vector>

#include <xapian.h>

#include "searcher/ranked_parts.h"

namespace nsearch {

inline constexpr Xapian::doccount kTitleWindow = 100;
inline constexpr double kWholeTitleBoost = 1.3;

// Raises the weight of those of the first kTitleWindow matches of `ranked` (in relevance order)
// whose title whole_title() accepts, by kWholeTitleBoost, and puts the window back in order.
// Only the first `shown` matches are used afterwards: a match too light to reach them even when
// raised is not asked about (its title is not read), and may stay out of order below them.
void boost_whole_titles(std::vector<RankedMatch>& ranked, const RankOrder& order, Xapian::doccount shown,
                        const std::function<bool(Xapian::docid)>& whole_title);

}  // namespace nsearch
