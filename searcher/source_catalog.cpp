#include "searcher/source_catalog.h"

#include <algorithm>
#include <map>

#include <unicode/unistr.h>

#include "common/analyzer.h"
#include "common/dates.h"
#include "common/schema.h"

namespace nsearch {

namespace {

std::u32string to_u32(std::string_view utf8) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  std::u32string out(static_cast<std::size_t>(u.countChar32()), U'\0');
  UErrorCode status = U_ZERO_ERROR;
  u.toUTF32(reinterpret_cast<UChar32*>(out.data()), static_cast<int32_t>(out.size()), status);
  return out;
}

std::size_t edit_distance(const std::u32string& a, const std::u32string& b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[b.size()];
}

// One pass over the source and date values of every article.
void read_date_ranges(const Xapian::Database& db, std::vector<SourceInfo>& sources) {
  std::map<std::string, std::pair<std::string, std::string>> ranges;
  auto start = db.valuestream_begin(schema::kSlotDateStart);
  auto end = db.valuestream_begin(schema::kSlotDateEnd);
  for (auto s = db.valuestream_begin(schema::kSlotSource); s != db.valuestream_end(schema::kSlotSource); ++s) {
    Xapian::docid did = s.get_docid();
    if (start == db.valuestream_end(schema::kSlotDateStart)) break;
    start.skip_to(did);
    if (start == db.valuestream_end(schema::kSlotDateStart) || start.get_docid() != did) continue;
    auto& [from, to] = ranges[*s];
    if (from.empty() || *start < from) from = *start;
    if (end != db.valuestream_end(schema::kSlotDateEnd)) end.skip_to(did);
    std::string last = end != db.valuestream_end(schema::kSlotDateEnd) && end.get_docid() == did ? *end : *start;
    if (last > to) to = last;
  }
  for (auto& s : sources) {
    auto r = ranges.find(s.key);
    if (r == ranges.end()) continue;
    s.date_from = iso_day(r->second.first);
    s.date_to = iso_day(r->second.second);
  }
}

}  // namespace

SourceCatalog::SourceCatalog(const Xapian::Database& db, bool with_dates) {
  const std::string prefix(schema::kSource);
  for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it) {
    SourceInfo s;
    s.key = (*it).substr(prefix.size());
    s.name = db.get_metadata(std::string(schema::kMetaSourcePrefix) + s.key);
    if (s.name.empty()) s.name = s.key;
    s.count = it.get_termfreq();
    sources_.push_back(std::move(s));
  }
  std::stable_sort(sources_.begin(), sources_.end(), [](const auto& a, const auto& b) { return a.count > b.count; });
  if (with_dates) read_date_ranges(db, sources_);
}

std::vector<std::string> SourceCatalog::resolve(std::string_view name) const {
  std::string wanted = normalize_source(name);
  std::vector<std::string> keys;
  for (const auto& s : sources_) {
    if (s.key == wanted) return {s.key};
  }
  for (const auto& s : sources_) {
    if (normalize_source(s.name) == wanted) keys.push_back(s.key);
  }
  return keys;
}

std::vector<SourceInfo> SourceCatalog::closest(std::string_view name, std::size_t n) const {
  std::u32string wanted = to_u32(normalize_source(name));
  std::vector<std::pair<std::size_t, const SourceInfo*>> ranked;
  for (const auto& s : sources_) {
    std::size_t d =
        std::min(edit_distance(wanted, to_u32(s.key)), edit_distance(wanted, to_u32(normalize_source(s.name))));
    ranked.emplace_back(d, &s);
  }
  std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<SourceInfo> out;
  for (std::size_t i = 0; i < ranked.size() && i < n; ++i) out.push_back(*ranked[i].second);
  return out;
}

std::string unknown_source_message(const SourceCatalog& catalog, std::string_view name) {
  std::string message = "unknown source '" + std::string(name) + "'";
  auto near = catalog.closest(name, 3);
  if (near.empty()) return message + ": the index has no sources";
  message += "; closest: ";
  for (std::size_t i = 0; i < near.size(); ++i) {
    message += (i ? ", " : "") + near[i].name;
    if (near[i].name != near[i].key) message += " (" + near[i].key + ")";
  }
  return message;
}

}  // namespace nsearch
