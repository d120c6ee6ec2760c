// Article -> Xapian document, following common/schema.h. Pure: no database access, so
// several threads can build documents while one writes.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "common/analyzer.h"
#include "common/article.h"
#include "common/file_key.h"

namespace nsearch {

struct BuiltDocument {
  Xapian::Document doc;
  std::string id_term;  // Q + id
  // For each field with display names (common/fields.h): the metadata key of its value's
  // display name and the value as written, which the index records for a key it has none for.
  std::vector<std::pair<std::string, std::string>> display_names;
  // For the story linker (story_linker.h): the article's band terms, signature and own key.
  std::vector<std::string> story_bands;
  std::string signature, member_key;
};

// Hex FNV-1a of raw bytes (a file's content).
std::string fingerprint(std::string_view bytes);

// An article's content hash: FNV-1a over its head (Article::head_json(), a JSON object, so it
// ends where the body begins) and then its body. Equal hashes mean nothing to re-index.
std::string content_hash(std::string_view head, std::string_view body);

// head: article.head_json() and hash: content_hash(head, article.body), made once by the
// caller. file_key: the schema::kFile value of the file the article came from ("" for stdin).
BuiltDocument build_document(const Article& article, std::string head, const std::string& hash,
                             const std::string& file_key, const Analyzer& analyzer);

}  // namespace nsearch
