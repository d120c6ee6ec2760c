// `word*`: the indexed words that begin like a query word. The word is analyzed like any other
// (normalized, its stem found), and a prefix matches the indexed words that begin with the
// word as typed, or with its stem after any of the analyzer's proclitics (و ب ل ال وال …), whose
// stem still begins with the word's: كتاب* finds كتابات, الكتاب and وبالكتابة.
#pragma once

#include <string_view>

#include <xapian.h>

#include "common/analyzer.h"
#include "searcher/query_parser.h"

namespace nsearch {

// At most kMaxPrefixTerms of them, the most frequent, after scanning at most kMaxPrefixScan
// indexed words.
PrefixForms prefix_forms(const Xapian::Database& db, const Analyzer& analyzer, std::string_view field_prefix,
                         const Token& word);

inline constexpr std::size_t kMaxPrefixScan = 50000;

}  // namespace nsearch
