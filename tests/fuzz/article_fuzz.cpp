// libFuzzer target: any bytes as an article file (front matter, or read by inference) and as one JSON
// Lines record. Either an article comes out, with an id and valid UTF-8 text, or an error
// message does; never an exception or a crash.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "indexer/article_parser.h"
#include "indexer/folder_profile.h"

namespace {

void check(const nsearch::ParseResult& r) {
  if (!r.article) {
    if (r.error.empty()) std::abort();
    return;
  }
  const nsearch::Article& a = *r.article;
  if (a.id.empty()) std::abort();
  for (std::string_view s : {std::string_view(a.title), std::string_view(a.body), std::string_view(a.source)}) {
    if (nsearch::invalid_utf8_offset(s) != std::string_view::npos) std::abort();
  }
  (void)a.to_json();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  check(nsearch::parse_article_file(input, "fuzz.txt"));
  // With inference: the input is also its own folder, measured twice so its lines recur.
  if (nsearch::invalid_utf8_offset(input) == std::string_view::npos) {
    nsearch::FolderProfile profile;
    for (int i = 0; i < 3; ++i) profile.add_text(input);
    nsearch::InferenceOptions options{&profile, nsearch::parse_date("2025-08-27")};
    check(nsearch::parse_article_file(input, "fuzz.txt", &options));
  }
  check(nsearch::parse_json_article(input));
  return 0;
}
