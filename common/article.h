// The article model shared by indexer (produces it) and searcher (reads it back from the
// document data).
#pragma once

#include <string>
#include <vector>

#include "common/dates.h"

namespace nsearch {

struct Article {
  std::string id;      // stable id: JSON `id`, else path relative to the indexed root
  std::string title;   // original text
  std::string body;    // original text
  std::string source;  // display form as given ("" when unknown)
  Date date;           // empty() when unknown or unparseable
  std::string url;
  std::string author;
  std::string path;                     // file it came from (absolute), "-" for stdin
  long line = 0;                        // 1-based line for JSONL records, 0 for whole files
  std::vector<std::string> co_sources;  // credited beside the source (`الجزيرة + وكالات` -> وكالات)
  std::vector<std::string> inferred;    // fields read from the text, not given: "title", "source", "date"

  // Every field (`show --format json`).
  std::string to_json() const;
  // Every field but the body: what the index keeps in schema::kSlotHead, the body being the
  // document data.
  std::string head_json() const;
  // From to_json() or head_json() (then without a body).
  static Article from_json(const std::string& data);
  // From what build_document stored: the head value and the document data.
  static Article from_stored(const std::string& head, std::string body);
};

}  // namespace nsearch
