// The headline of a scraped page: not a site banner or breadcrumb line above it, not a line
// that recurs across the folder's files, not a time stamp or attribution line. On a page the
// headline is the line the page's own metadata (a stamp, an attribution line) hangs from.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "indexer/folder_profile.h"
#include "indexer/text_lines.h"

namespace nsearch {

struct TitleFinding {
  size_t line = 0;               // index of the headline in the lines given (lines.size(): none)
  std::vector<size_t> banners;   // lines above it that are page furniture
  std::optional<size_t> repeat;  // the headline repeated just below it
  std::string rule;              // "first line", "line above the page's metadata", "first line not chrome"
};

// A line that is page metadata rather than text: a time stamp or an attribution line.
bool is_metadata_line(std::string_view line);

// The first n lines after the title that are text: not metadata, not the headline repeated.
std::vector<size_t> lead_lines(const std::vector<TextLine>& lines, size_t title, size_t n);

TitleFinding find_title(const std::vector<TextLine>& lines, const FolderProfile* profile);

}  // namespace nsearch
