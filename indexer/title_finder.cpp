#include "indexer/title_finder.h"

#include "indexer/date_finder.h"
#include "indexer/outlet_finder.h"

namespace nsearch {

namespace {

// How far down the page metadata is looked for, and the repeated headline.
constexpr size_t kHeadLines = 4;
constexpr size_t kMaxBannerWords = 6;
constexpr size_t kMaxHeadlineWords = 30;

bool is_chrome(const FolderProfile* profile, const TextLine& line) { return profile && profile->is_chrome(line); }

}  // namespace

bool is_metadata_line(std::string_view line) {
  static const Date any_day = date_from_days(0);
  return stamp_date(line, any_day).has_value() || !attribution_credit(line).empty();
}

std::vector<size_t> lead_lines(const std::vector<TextLine>& lines, size_t title, size_t n) {
  std::vector<size_t> lead;
  if (title >= lines.size()) return lead;
  for (size_t i = title + 1; i < lines.size() && lead.size() < n; ++i) {
    if (is_metadata_line(lines[i].text) || same_words(lines[i], lines[title])) continue;
    lead.push_back(i);
  }
  return lead;
}

TitleFinding find_title(const std::vector<TextLine>& lines, const FolderProfile* profile) {
  TitleFinding f;
  f.line = lines.size();
  // A headline is no sentence: it does not end in a full stop.
  auto headline_shaped = [&](size_t i) {
    if (lines[i].more_words_than(kMaxHeadlineWords)) return false;
    const std::vector<TextToken>& t = lines[i].tokens();
    return !(t.back().is_punct(".") || t.back().is_punct("،"));
  };
  for (size_t i = 1; i + 1 < lines.size() && i < kHeadLines; ++i) {
    if (!is_metadata_line(lines[i].text)) continue;
    size_t above = i - 1;
    bool banners_above = true;  // short lines, not sentences: a site's name, a breadcrumb
    for (size_t b = 0; b < above; ++b) {
      banners_above = banners_above && !lines[b].more_words_than(kMaxBannerWords) && !is_prose(lines[b]);
    }
    if (banners_above && (above == 0 || headline_shaped(above)) && !is_metadata_line(lines[above].text) &&
        !is_chrome(profile, lines[above])) {
      f.line = above;
      f.rule = above == 0 ? "first line" : "line above the page's metadata";
    }
    break;
  }
  if (f.line == lines.size()) {
    for (size_t i = 0; i < lines.size(); ++i) {
      if (is_metadata_line(lines[i].text) || is_chrome(profile, lines[i])) continue;
      f.line = i;
      f.rule = i == 0 ? "first line" : "first line not chrome";
      break;
    }
  }
  if (f.line == lines.size()) return f;
  for (size_t i = 0; i < f.line; ++i) f.banners.push_back(i);
  for (size_t i = f.line + 1; i < lines.size() && i <= f.line + kHeadLines; ++i) {
    if (is_metadata_line(lines[i].text)) continue;
    if (same_words(lines[i], lines[f.line])) f.repeat = i;
    break;
  }
  return f;
}

}  // namespace nsearch
