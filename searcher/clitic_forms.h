// Proclitics the stemmer leaves on a word (ب ك ل ف, alone or after و/ف, and the future س
// before a verb), joined to the word by the index's own vocabulary rather than by a rule on
// letters: بأنقرة is أنقرة after ب, but بطاطس is not ب + طاطس, كامل not ك + امل.
//
// A clitic form C+W joins W when the index says both halves are what they seem:
//   - W is a word in its own right: at least three letters, not a function word, and either
//     taking the article (ال+W is indexed) or, after any clitic but ك (which precedes nouns
//     only), more common than C+W (names and verbs take no article, but occur bare more often
//     than after a clitic);
//   - C+W is not a word in its own right: neither ال+C+W nor ال + the stem of C+W is indexed
//     (كامل, فيصل, كبير and بيان take the article, بابها is باب + ها; بأنقرة and بسبب are
//     neither), and no preposition precedes C+W in two articles or more: prepositions do not
//     stack, so لبوتين, لباراك and بلبنان say that بوتين, باراك and لبنان are words, not ب + وتين.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "common/analyzer.h"
#include "searcher/term_frequencies.h"

namespace nsearch {

// The word without its clitic, when the vocabulary says it has one (بانقره -> انقره).
std::optional<std::string> clitic_rest(const Xapian::Database& db, const Analyzer& analyzer, std::string_view prefix,
                                       const std::string& word);

// The indexed clitic forms C+F that join F, for each of the given forms F (without prefix).
std::vector<std::string> clitic_forms(const Xapian::Database& db, const Analyzer& analyzer, std::string_view prefix,
                                      const std::vector<std::string>& forms,
                                      FormSearch how = FormSearch::LookUpCandidates);

}  // namespace nsearch
