// "Did you mean": corrections read from the index's own words (indexed as written).
//
// Xapian's spelling table was built while indexing (a third of the indexing time, and it
// cannot be read over a remote link); this asks the index instead: the candidates one edit
// away from a word are few enough (a few hundred for an Arabic word) to look each up.
#pragma once

#include <string>
#include <vector>

#include <xapian.h>

#include "common/analyzer.h"

namespace nsearch {

class Speller {
 public:
  explicit Speller(const Analyzer& analyzer);
  // The known word one edit away from `normalized` (a letter deleted, inserted, replaced, or
  // two neighbours swapped) held by the most articles, at least kMinArticles of them; "" when
  // there is none or the word is too short to correct safely.
  std::string correct(const Xapian::Database& db, const std::string& normalized) const;

  // A word in one article is as likely a typo as a name.
  static constexpr Xapian::doccount kMinArticles = 2;

 private:
  std::vector<std::u32string> candidates(const std::u32string& word) const;

  std::u32string arabic_letters_;  // letters that survive normalization
  std::u32string latin_letters_;
};

}  // namespace nsearch
