// Term frequencies looked up in sorted order: neighbouring terms share Xapian's B-tree blocks,
// and a look-up in the block just read costs no read. Looked up one by one in another order,
// the candidate forms of a query word cost about twice as much.
#pragma once

#include <map>
#include <set>
#include <string>

#include <xapian.h>

namespace nsearch {

std::map<std::string, Xapian::doccount> frequencies(const Xapian::Database& db, const std::set<std::string>& terms);

}  // namespace nsearch
