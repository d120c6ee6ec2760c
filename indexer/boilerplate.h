// Lines of a scraped page that are not its text: the banner above the headline, the headline
// repeated, time stamps, lines that recur across the folder's files (share buttons, comment
// prompts, site menus), and the short lines left after the text ends (a share button, "عن مصدر
// الخبر"). They are dropped from the indexed body; the outlet's own line is kept.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "indexer/folder_profile.h"
#include "indexer/text_lines.h"
#include "indexer/title_finder.h"

namespace nsearch {

struct DroppedLine {
  size_t line = 0;     // index into the lines given
  std::string reason;  // why it is not text
};

// keep: a line that must stay (the outlet's attribution or sign-off line).
std::vector<DroppedLine> find_boilerplate(const std::vector<TextLine>& lines, const TitleFinding& title,
                                          const FolderProfile* profile, std::optional<size_t> keep);

}  // namespace nsearch
