// The outlets of an index as people name them: by key (the normalized source of the articles,
// the XS term) or by display name (metadata, from the articles or `nsearch index
// --source-names`), either one across the analyzer's normalization.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

namespace nsearch {

struct SourceInfo {
  std::string key;   // as in the XS term
  std::string name;  // display name (the key when none is recorded)
  Xapian::doccount count = 0;
  std::string date_from, date_to;  // "YYYY-MM-DD"; empty in a catalog read without dates
};

class SourceCatalog {
 public:
  // Keys, names and article counts: one term list walk and a metadata read per outlet.
  // with_dates also reads every article's date value (for `nsearch sources`).
  explicit SourceCatalog(const Xapian::Database& db, bool with_dates = false);

  // Most articles first.
  const std::vector<SourceInfo>& sources() const { return sources_; }
  // The keys `name` means: the outlet with that key, else every outlet whose display name is
  // the same once normalized. Empty when none.
  std::vector<std::string> resolve(std::string_view name) const;
  // Up to n outlets nearest to name by edit distance on the normalized key and display name.
  std::vector<SourceInfo> closest(std::string_view name, std::size_t n) const;

 private:
  std::vector<SourceInfo> sources_;
};

// "unknown source 'X'; closest: NAME (KEY), …; `nsearch sources` lists them", for a usage error.
std::string unknown_source_message(const SourceCatalog& catalog, std::string_view name);

}  // namespace nsearch
