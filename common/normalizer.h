// The normalization table (docs/analyzer.md lists every row with its reason and test).
// Works on one word at a time; the analyzer calls it for every token.
#pragma once

#include <string>
#include <string_view>

namespace nsearch {

struct NormalizedWord {
  bool has_latin = false;  // some character is a Latin letter
  bool all_digits = true;  // every kept character is an ASCII digit (after folding)
  bool all_arabic = true;  // every kept character is an Arabic letter (stemmable)
};

// Replaces out with the normalized form of word. Invalid UTF-8 bytes become U+FFFD.
// fold_hamza_seats: ؤ and ئ become ء (see docs/analyzer.md for the measurement).
NormalizedWord normalize_word(std::string_view word, bool fold_hamza_seats, std::string& out);

// Whether normalize_word maps c the same whatever its neighbours in the word: false where NFKC
// may compose it with them or change it. A word of such characters normalizes to the
// concatenation of their own forms, which lets a caller look the forms up in a table.
bool folds_alone(char32_t c);

}  // namespace nsearch
