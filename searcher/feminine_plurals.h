// The sound feminine plural: رياضة → رياضات, ملكة → ملكات, حكومة → حكومات. The stemmer strips
// ات and keeps ة (normalized ه), so a plural shares its stem S with a word S that may only share
// its letters (الرياض, Riyadh; الملك, the king), and not with the singular S+ه it comes from.
// Where the index holds ال+S+ه (in at least one in a hundred of the articles holding ال+S: fewer
// are slips of the pen), S+ه is a noun or adjective of its own (a pronoun suffix, as in قراره,
// never follows the article), and S+ات is taken as its plural: the word S keeps the
// plural only as weight on an article it matches. A masculine word whose plural also takes ات
// and that has a feminine look-alike (مشروع, مشروعات; مشروعة) loses its plural's matches the
// same way (docs/analyzer.md has both sides). S+ه does not search S+ات: on the development
// questions that lowered TyDi's MRR@10 on both halves.
#pragma once

#include <string>
#include <string_view>

#include <xapian.h>

namespace nsearch {

// Whether the index holds ال + stem + ه under prefix as a word: then stem + ات is its plural.
bool plural_is_feminine(const Xapian::Database& db, std::string_view prefix, const std::string& stem);

// Whether form (a form of stem under prefix, clitics and all) carries the plural ات after the stem.
bool is_plural_form(std::string_view form, std::string_view prefix, const std::string& stem);

}  // namespace nsearch
