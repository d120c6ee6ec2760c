// libFuzzer target: any bytes as an article field on the page (searcher/server/html.h). Checks
// that nothing of it can become markup: no < > " ' & unescaped, no bidi control, the only tags
// the <mark>s of the highlights; and that an href is only ever http(s) with nothing to break
// out of its attribute.
#include <cctype>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "searcher/server/html.h"

namespace {

bool has_bidi_control(std::string_view s) {
  for (std::string_view c : {"\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069",
                             "\u200E", "\u200F", "\u061C"}) {
    if (s.find(c) != std::string_view::npos) return true;
  }
  return false;
}

// Text between markup: no character that could open a tag, end an attribute or start an entity
// other than those escape_html writes.
void check_text(std::string_view s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '<' || c == '>' || c == '"' || c == '\'') std::abort();
    if (c == '&') {
      std::string_view rest = s.substr(i);
      bool known = false;
      for (std::string_view e : {"&amp;", "&lt;", "&gt;", "&quot;", "&#39;"}) known |= rest.substr(0, e.size()) == e;
      if (!known) std::abort();
    }
  }
  if (has_bidi_control(s)) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace nsearch;
  std::string text(reinterpret_cast<const char*>(data), size);
  check_text(server::escape_html(text));
  // Highlights from the first bytes, anywhere (even out of order or past the end).
  Snippet snippet{text, {}};
  for (std::size_t i = 0; i + 1 < size && i < 8; i += 2)
    snippet.highlights.push_back({data[i], std::size_t(data[i]) + data[i + 1]});
  std::string marked = server::marked_html(snippet);
  for (std::string_view tag : {"<mark>", "</mark>"}) {
    for (std::size_t at; (at = marked.find(tag)) != std::string::npos;) marked.erase(at, tag.size());
  }
  check_text(marked);
  std::string href = server::safe_href(text);
  if (!href.empty()) {
    std::string scheme = href.substr(0, href.find(':'));
    for (auto& c : scheme) c = char(std::tolower(static_cast<unsigned char>(c)));
    if (scheme != "http" && scheme != "https") std::abort();
    check_text(href);
  }
  return 0;
}
