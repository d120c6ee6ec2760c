#include "searcher/feminine_plurals.h"

#include "searcher/arabic_letters.h"

namespace nsearch {

namespace {

constexpr std::string_view kPlural = "ات";
constexpr std::string_view kFeminine = "ه";  // ة, normalized
constexpr std::size_t kMinStem = 3 * kLetter;
// ال+S+ه in fewer articles than this share of those holding ال+S is a slip of the pen
// (التدريبه beside التدريب), not a word of its own.
constexpr Xapian::doccount kOwnWordShare = 100;

}  // namespace

bool plural_is_feminine(const Xapian::Database& db, std::string_view prefix, const std::string& stem) {
  if (stem.size() < kMinStem || !arabic_letters(stem)) return false;
  const std::string with_article = std::string(prefix) + "ال" + stem;
  const Xapian::doccount feminine = db.get_termfreq(with_article + std::string(kFeminine));
  return feminine > 0 && feminine * kOwnWordShare >= db.get_termfreq(with_article);
}

bool is_plural_form(std::string_view form, std::string_view prefix, const std::string& stem) {
  auto at = form.find(stem, prefix.size());
  return at != std::string_view::npos && form.substr(at + stem.size()).starts_with(kPlural);
}

}  // namespace nsearch
