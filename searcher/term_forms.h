// Query-time stemming. The index holds each word as written (normalized, not stemmed), so an
// exact-form search is a plain term and the index needs no second copy of every word; a
// query word matches every indexed word with the same stem, looked up here.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "common/analyzer.h"

namespace nsearch {

// The terms under `prefix` ("" or a field prefix) whose stem is `stem`, sorted, plus the
// query word's own form `normalized` when indexed. Empty when the index has none.
std::vector<std::string> indexed_forms(const Xapian::Database& db, const Analyzer& analyzer, std::string_view prefix,
                                       const std::string& normalized, const std::string& stem);

// Articles holding any form of the word (an upper bound: the forms' frequencies added).
Xapian::doccount forms_frequency(const Xapian::Database& db, const std::vector<std::string>& forms);

}  // namespace nsearch
