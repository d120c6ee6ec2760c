#include "indexer/boilerplate.h"

#include <fmt/core.h>

#include "indexer/date_finder.h"
#include "indexer/outlet_finder.h"

namespace nsearch {

namespace {

// After the text's last sentence, a line of at most this many words is page furniture.
constexpr size_t kMaxTailWords = 4;

}  // namespace

std::vector<DroppedLine> find_boilerplate(const std::vector<TextLine>& lines, const TitleFinding& title,
                                          const FolderProfile* profile, std::optional<size_t> keep) {
  std::vector<DroppedLine> dropped;
  if (title.line >= lines.size()) return dropped;
  size_t last_prose = title.line;
  for (size_t i = title.line + 1; i < lines.size(); ++i) {
    if (is_prose(lines[i])) last_prose = i;
  }
  static const Date any_day = date_from_days(0);
  for (size_t i = 0; i < lines.size(); ++i) {
    if (i == title.line || (keep && *keep == i)) continue;
    std::string_view text = lines[i].text;
    std::string reason;
    if (i < title.line) {
      reason = "above the headline";
    } else if (title.repeat && *title.repeat == i) {
      reason = "the headline repeated";
    } else if (stamp_date(text, any_day)) {
      reason = "a time stamp";
    } else if (profile && profile->is_chrome(lines[i])) {
      reason = fmt::format("recurs in {} of the folder's {} files", profile->line_files(lines[i]), profile->files());
    } else if (i > last_prose && last_prose > title.line && attribution_credit(text).empty() &&
               !lines[i].more_words_than(kMaxTailWords)) {
      reason = "a short line after the text ends";
    }
    if (!reason.empty()) dropped.push_back({i, std::move(reason)});
  }
  return dropped;
}

}  // namespace nsearch
