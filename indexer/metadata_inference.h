// Title, outlet, date and boilerplate of a raw scraped text, each with the line it was read
// from: the title, outlet, date and boilerplate finders run over the text and its folder's
// profile. Pure: no files, no clock, no environment; the caller passes the profile and the
// reference day.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/dates.h"
#include "indexer/folder_profile.h"

namespace nsearch {

struct InferenceOptions {
  const FolderProfile* profile = nullptr;  // the folder's recurring lines (none: not measured)
  std::optional<Date> reference;           // the day the text was written or scraped
};

// Where an inferred value was read.
struct Provenance {
  int line = 0;        // 1-based line of the file (0: nowhere)
  std::string text;    // that line
  std::string rule;    // which rule read it
  std::string phrase;  // the words it was read from
};

struct MetadataInference {
  std::string title;
  Provenance title_from;
  std::string source;
  std::vector<std::string> co_sources;
  Provenance source_from;
  Date date;
  Provenance date_from;
  std::string date_not_resolved;  // why relative dates were not resolved ("" when they were)
  struct Dropped {
    int line = 0;
    std::string text, reason;
  };
  std::vector<Dropped> dropped;  // boilerplate left out of the body
  std::string body;              // the text without the title line and the dropped lines
};

// text: the article's text (after any front matter), whose first line is line first_line of
// the file.
MetadataInference infer_metadata(std::string_view text, int first_line, const InferenceOptions& options);

}  // namespace nsearch
