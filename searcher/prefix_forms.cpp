#include "searcher/prefix_forms.h"

#include <algorithm>
#include <set>
#include <utility>

namespace nsearch {

namespace {

// The proclitics the analyzer strips before this stem: what its candidate forms hold before it.
std::set<std::string> proclitics(const Analyzer& analyzer, const std::string& stem) {
  std::set<std::string> out{""};
  for (const auto& form : analyzer.candidate_forms(stem)) {
    std::size_t at = form.find(stem);
    if (at != std::string::npos && at > 0) out.insert(form.substr(0, at));
  }
  return out;
}

}  // namespace

PrefixForms prefix_forms(const Xapian::Database& db, const Analyzer& analyzer, std::string_view field_prefix,
                         const Token& word) {
  const std::string field(field_prefix);
  std::set<std::string> starts{field + word.normalized};
  for (const auto& clitic : proclitics(analyzer, word.term)) starts.insert(field + clitic + word.term);
  std::vector<std::pair<Xapian::doccount, std::string>> found;
  std::size_t scanned = 0;
  std::set<std::string> seen;
  for (const auto& start : starts) {
    for (auto it = db.allterms_begin(start); it != db.allterms_end(start) && scanned < kMaxPrefixScan; ++it) {
      ++scanned;
      const std::string& term = *it;
      std::string text = term.substr(field.size());
      // Via a proclitic, only words whose stem still begins with the word's (وكتابة, not وكتاتيب).
      bool typed = term.compare(0, field.size() + word.normalized.size(), field + word.normalized) == 0;
      if (!typed && analyzer.stem(text).compare(0, word.term.size(), word.term) != 0) continue;
      if (seen.insert(term).second) found.emplace_back(it.get_termfreq(), term);
    }
  }
  std::stable_sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  PrefixForms out;
  out.matched = found.size();
  for (std::size_t i = 0; i < found.size() && i < kMaxPrefixTerms; ++i) out.terms.push_back(found[i].second);
  return out;
}

}  // namespace nsearch
