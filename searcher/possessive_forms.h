// Nouns with an attached pronoun (قراره, سلطته, قراراته, حكومتهم), joined to the noun by the
// index's own vocabulary. The stemmer strips ها and the plural endings but not ه, which after
// normalization is also the feminine ة (رياضه is a word, not رياض + ه), nor the ت a feminine
// noun takes before a suffix (سلطة, سلطته).
//
// noun + pronoun joins the noun when:
//   - the noun takes the article (ال + noun is indexed: a noun, not a name or a verb);
//   - noun + pronoun is no noun of its own: held with the article in at most one in ten of the
//     articles holding it bare (ال never precedes a pronoun, so الرياضة, العمرة and الملكة make
//     رياضه, عمره and ملكه words);
//   - it is in no more articles than the noun, bare or with the article (a form far more common
//     than its noun is another word: التي is no اله + ي);
//   - the pronoun fits: after a feminine ت or the plural ات any person's, after any other letter
//     only the third person's (ه ها هم هما هن), since نا, ي and ك end many words.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "searcher/term_frequencies.h"

namespace nsearch {

// The noun under the pronoun suffix of `word` (normalized), when the vocabulary says it has one:
// سلطته -> سلطه, قراراته -> قرارات, قراره -> قرار.
std::optional<std::string> possessed_noun(const Xapian::Database& db, std::string_view prefix, const std::string& word);

// The indexed forms noun + pronoun (with prefix) that join each of the given nouns (without prefix).
std::vector<std::string> possessive_forms(const Xapian::Database& db, std::string_view prefix,
                                          const std::vector<std::string>& nouns,
                                          FormSearch how = FormSearch::LookUpCandidates);

}  // namespace nsearch
