// libFuzzer target: any bytes as an article file (front matter, or read by inference) and as one
// JSON Lines record. Either an article comes out, with an id and valid UTF-8 text free of control
// characters (line feeds and tabs aside, in title and body), or an error message does; never an
// exception or a crash.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "indexer/article_parser.h"
#include "indexer/folder_profile.h"

namespace {

// A C0 control other than LF and TAB (those only where allowed), DEL, or a C1 control (C2 80-9F).
bool has_control(std::string_view s, bool breaks_allowed) {
  for (size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c == '\n' || c == '\t') {
      if (!breaks_allowed) return true;
    } else if (c < 0x20 || c == 0x7F) {
      return true;
    } else if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) < 0xA0) {
      return true;
    }
  }
  return false;
}

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
  if (has_control(a.title, true) || has_control(a.body, true)) std::abort();
  for (std::string_view s : {std::string_view(a.source), std::string_view(a.author), std::string_view(a.url)}) {
    if (has_control(s, false)) std::abort();
  }
  if (has_control(a.id, false)) std::abort();
  // What the index stores (head and body apart) reads back as the whole article does.
  const std::string whole = nsearch::Article::from_json(a.to_json()).to_json();
  if (nsearch::Article::from_stored(a.head_json(), a.body).to_json() != whole) std::abort();
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
