// Other spellings of a transliterated name, decided by the index's vocabulary rather than a
// list: a foreign g or q is written غ, ج, ق or ك by different outlets (غولر/جولر, قالن/كالين,
// هامبورغ/هامبورج), and a long vowel is written or left out (بوتين/بوتن, كالين/قالن).
//
// Native words that differ by the same letters (جزيرة/غزيرة, قانون/كانون, الفكر/الفقر,
// سلمان/سليمان, يقول/يقل) stay apart because both spellings must look like a name by what the
// index says of them: a name takes no article (ال + the word is held in at most one in a
// hundred of the articles holding the word; a word written with ال is native when the word
// without it is indexed, and a noun with a pronoun after it, as مقالاته, is native too) and is no
// imperfect verb (a verb is indexed with two of its other
// person prefixes: يقول, تقول, نقول). The decision reads the text's terms, whatever field the
// query is for.
// A spelling the index lacks is no evidence either way, so a word nobody wrote (جولر on a
// collection that spells it غولر) takes the spellings that do look like names.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "common/analyzer.h"

namespace nsearch {

struct NameVariant {
  std::string word;  // normalized, without prefix
  std::string why;   // the edit, e.g. "غ→ج" or "+ي", "ق→ك +ي"
};

// Whether the index's text (unprefixed terms, whatever field a query is for) treats word
// (normalized) as a name: no article, no verb.
bool looks_like_name(const Xapian::Database& db, const std::string& word);

// The indexed spellings of the name written `word` (normalized), most frequent first; none when
// word itself is indexed and does not look like a name.
std::vector<NameVariant> name_variants(const Xapian::Database& db, const Analyzer& analyzer, std::string_view prefix,
                                       const std::string& word);

}  // namespace nsearch
