// Words derived from a word by a suffix the stemmer leaves alone, found when the index holds
// what remains as a word in its own right: the dual ان, the feminine ة (normalized to ه), the
// nisba ي with its feminine and plurals (مصري, مصرية, مصريين, مصريون, مصريات). The stemmer does
// not strip these (ايران, مدرسة and بنغازي would lose letters they need); here a form joins only
// through a word the index holds, in either direction: مصر finds مصري, مصريين finds مصر.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "common/analyzer.h"
#include "searcher/term_frequencies.h"

namespace nsearch {

// The held terms under prefix, bare or with the article, derived from stem or from the word stem
// is derived from, each in no more articles than stem bare and with the article together (a
// derived word far more common than the word is another word, as السعودية is to سعود); the
// caller drops the word's own forms. Derived from a name (name_variants.h: no article), a word
// is one of its forms: مصر, مصري, المصريين. From a word that takes the article, it may be
// another word that only shares letters (الرياض, الرياضي, الرياضة), so it only adds weight to an
// article holding the word.
struct DerivedForms {
  std::vector<std::string> joined;    // match as the word's forms do
  std::vector<std::string> boosting;  // add weight to a match, never match alone
};
DerivedForms derived_forms(const Xapian::Database& db, const Analyzer& analyzer, std::string_view prefix,
                           const std::string& stem, FormSearch how = FormSearch::LookUpCandidates);

}  // namespace nsearch
