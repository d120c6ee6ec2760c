// Light stemming (light10 family) of a normalized Arabic word. Rules and guards are listed,
// with the measurement behind each, in docs/analyzer.md.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace nsearch {

struct StemRules {
  bool prefixes = true;          // و + article/preposition+article, or و alone
  bool suffixes = true;          // ها and the sound plurals ات ون ين
  bool extra_endings = false;    // light10's ان ه ي as well
  bool pronoun_suffixes = true;  // هما كما هم هن كم نا
  std::string_view endings;      // if set: the only endings used, comma-separated (ablation)
};

// word must be normalized and consist of Arabic letters only; anything else is returned as is.
std::string light_stem(std::string_view word, const StemRules& rules);

// Every word whose stem is S is P + S + X, with P one of these prefixes ("" included) and X one
// of these suffix chains ("" included). The index holds words unstemmed; the searcher finds a
// stem's words by looking up these candidates (searcher/term_forms.h).
std::vector<std::string_view> strippable_prefixes();
std::vector<std::string> strippable_suffixes(const StemRules& rules);

}  // namespace nsearch
