// The query language (docs/query-syntax.md, `nsearch help query`) compiled to a Xapian query
// through the same Analyzer the indexer used: a query word matches the indexed words that
// share its stem.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "common/analyzer.h"
#include "common/fields.h"
#include "searcher/term_forms.h"

namespace nsearch {

// What the highlighter must mark: single terms, exact forms and phrases (term sequences).
struct HighlightSet {
  std::vector<std::string> terms;                       // stems (the highlighter stems the text)
  std::vector<std::string> exact;                       // normalized forms from =word
  std::vector<std::vector<std::string>> phrases;        // stems of each quoted phrase
  std::vector<std::vector<std::string>> exact_phrases;  // normalized forms of each ="…"
};

struct ParsedQuery {
  Xapian::Query query;                // ranked part, already filtered
  bool has_ranked_terms = false;      // false for a pure filter query (all matches weigh 0)
  std::vector<std::string> warnings;  // problems that were repaired ("closed the quote")
  std::vector<std::string> words;     // normalized ranked words, for spelling suggestions
  HighlightSet highlight;
};

// The forms a query word may match under a prefix ("" or a field's): the searcher passes
// indexed_forms() on its database (term_forms.h), since the index is not stemmed.
using FormLookup = std::function<WordForms(std::string_view prefix, const Token& word)>;

// The indexed words under prefix ("" or a field's) that begin like word, for `word*`: at most
// a cap of them (the most frequent), and how many there were before the cap.
struct PrefixForms {
  std::vector<std::string> terms;  // with the field prefix
  std::size_t matched = 0;
};
using PrefixLookup = std::function<PrefixForms(std::string_view prefix, const Token& word)>;

// The filter for a source as the user named it (source:NAME); throws Error(ErrorCode::query) for
// an outlet the index does not have. Without one, field_filter() of the source field.
using SourceLookup = std::function<Xapian::Query(const std::string& name)>;

// Throws Error(ErrorCode::query) when there is no sensible reading (bad date, empty query). Without
// a PrefixLookup, `word*` is searched as the word.
ParsedQuery parse_query(const std::string& text, const Analyzer& analyzer, const FormLookup& forms,
                        const PrefixLookup& prefixes = {}, const SourceLookup& sources = {});

// Query limits: longer queries are cut, with a warning, so that any query answers quickly.
inline constexpr std::size_t kMaxQueryWords = 32;    // words, in phrases or not, looked up
inline constexpr std::size_t kMaxQueryTokens = 512;  // words, phrases, operators, parentheses
inline constexpr std::size_t kMaxPrefixTerms = 100;  // indexed words a `word*` expands to

// A date filter value as in date:VALUE ("2024", "2024-01..2024-06", "..2020", "2025..").
// Throws Error(ErrorCode::query) naming the bad part.
Xapian::Query date_filter(const std::string& value);

// Containment filters for --since/--until (either may be empty).
Xapian::Query date_range_filter(const std::string& since, const std::string& until);

// The filter NAME:VALUE of a Key field (its term for the value, normalized) or a Words field
// (all of its terms for the value's words; none for no word: an empty query).
Xapian::Query field_filter(const fields::Field& field, const std::string& value, const Analyzer& analyzer);

}  // namespace nsearch
