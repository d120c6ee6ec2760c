// The fields of an article that nsearch knows by name, as one table (after djcb/mu's
// mu-fields.hh and notmuch's prefix_table). The document builder indexes each field by its
// kind, the query parser takes NAME:VALUE for the fields that say so, the facets are counted
// from their value slots, and `nsearch help query` lists them. Prefixes and slots are those of
// schema.h, which says what each holds on disk.
//
// Adding a field: its prefix and slot in schema.h (and schema::kSchemaVersion bumped), an entry
// here, and the article member it is read from.
#pragma once

#include <string>
#include <string_view>

#include <xapian.h>

#include "common/article.h"
#include "common/schema.h"

namespace nsearch::fields {

enum class Kind {
  // Ranked words, with positions: under the prefix and among the article's own words, title
  // first (schema::kTitleWdf). NAME:WORDS ranks like words, NAME:"…" is a phrase, NAME:WORD* a
  // prefix.
  Text,
  // The whole value, normalized (normalize_source()), as one boolean term: NAME:VALUE filters
  // by that term.
  Key,
  // Each word of the value, normalized, a boolean term: NAME:WORDS filters by all of them, so
  // a surname finds the full name.
  Words,
  // The article's date: year, month and day terms, the date slots. NAME:RANGE filters by
  // containment.
  Date,
  // The year or month of the date, written with it: only a facet.
  DatePart,
};

inline constexpr Xapian::valueno kNoSlot = Xapian::BAD_VALUENO;

struct Field {
  std::string_view name;
  Kind kind;
  std::string_view prefix = {};           // its terms' prefix; "" for Date (its parts have theirs)
  Xapian::valueno slot = kNoSlot;         // the value its facet counts (normalized as its terms)
  std::string Article::*value = nullptr;  // what it is read from (Text, Key, Words)
  bool query = false;                     // NAME:VALUE in a query
  bool facet = false;                     // `--facets NAME`
  std::string_view display_names = {};    // metadata prefix of its values' display names, if any
  std::string_view examples = {};         // for help: query examples, a line each
  std::string_view help = {};             // for help: what NAME:VALUE finds
  std::string_view facet_help = {};       // for help: what the facet counts by
};

inline constexpr Field kFields[] = {
    {.name = "title",
     .kind = Kind::Text,
     .prefix = schema::kTitle,
     .value = &Article::title,
     .query = true,
     .examples = "title:حفتر",
     .help = "in the title; title:\"صدام حفتر\" a phrase in the title; title:=حفتر and "
             "title:=\"صدام حفتر\" exact, as = above."},
    {.name = "source",
     .kind = Kind::Key,
     .prefix = schema::kSource,
     .slot = schema::kSlotSource,
     .value = &Article::source,
     .query = true,
     .facet = true,
     .display_names = schema::kMetaSourcePrefix,
     .examples = "source:الجزيرة",
     .help = "from that outlet, by its key or its name, either one normalized (الجزيره is the same); "
             "source:\"ميدل إيست أون لاين\" for a name with spaces. An unknown outlet is an error that "
             "names the closest ones.",
     .facet_help = "the outlet (by its display name where it has one)"},
    {.name = "date",
     .kind = Kind::Date,
     .query = true,
     .examples = "date:2024  date:2024-10  date:2024-10-23\ndate:2024-01..2024-06  date:..2020  date:2025..",
     .help = "articles whose date lies wholly inside (an article dated only 2025-10 is inside date:2025 "
             "but not inside date:2025-10-01..2025-10-15)."},
    {.name = "year",
     .kind = Kind::DatePart,
     .prefix = schema::kYear,
     .slot = schema::kSlotYear,
     .facet = true,
     .facet_help = "the year of the date"},
    {.name = "month",
     .kind = Kind::DatePart,
     .prefix = schema::kMonth,
     .slot = schema::kSlotMonth,
     .facet = true,
     .facet_help = "the month of the date (an article dated only to a year has none)"},
    {.name = "author",
     .kind = Kind::Words,
     .prefix = schema::kAuthor,
     .slot = schema::kSlotAuthor,
     .value = &Article::author,
     .query = true,
     .facet = true,
     .display_names = schema::kMetaAuthorPrefix,
     .examples = "author:الغامدي",
     .help = "by that author: every word given is in the article's author, normalized (author:\"محمد "
             "الغامدي\" for a name with spaces; the surname alone finds the full name).",
     .facet_help = "the author, as first written; bylines with the same words once normalized are one"},
};

// The field with this name, or nullptr.
constexpr const Field* find(std::string_view name) {
  for (const Field& f : kFields) {
    if (f.name == name) return &f;
  }
  return nullptr;
}

constexpr bool is_query(const Field& f) { return f.query; }
constexpr bool is_facet(const Field& f) { return f.facet; }

// The names of the fields for which keep(field) holds, in table order, each between before
// and after: "a, b or c", or with other separators.
template <typename Keep>
std::string names(Keep keep, std::string_view before = "", std::string_view after = "",
                  std::string_view separator = ", ", std::string_view last_separator = " or ") {
  std::string out;
  std::size_t n = 0, total = 0;
  for (const Field& f : kFields) total += keep(f) ? 1 : 0;
  for (const Field& f : kFields) {
    if (!keep(f)) continue;
    if (n++) out += n == total ? last_separator : separator;
    out += before;
    out += f.name;
    out += after;
  }
  return out;
}

}  // namespace nsearch::fields
