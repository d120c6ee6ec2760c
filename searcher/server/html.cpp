#include "searcher/server/html.h"

#include <cctype>

#include <fmt/core.h>

#include "searcher/text_layout.h"

namespace nsearch::server {

std::string escape_html(std::string_view text) {
  std::string clean = printable(text), out;
  out.reserve(clean.size());
  for (char c : clean) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string marked_html(const Snippet& snippet) {
  std::string out;
  std::string_view text = snippet.text;
  std::size_t last = 0;
  for (const auto& h : snippet.highlights) {
    if (h.start < last || h.end > text.size() || h.start >= h.end) continue;
    out += escape_html(text.substr(last, h.start - last));
    out += "<mark>" + escape_html(text.substr(h.start, h.end - h.start)) + "</mark>";
    last = h.end;
  }
  return out + escape_html(text.substr(last));
}

std::string safe_href(std::string_view url) {
  std::size_t colon = url.find(':');
  if (colon == std::string_view::npos) return "";
  std::string scheme;
  for (char c : url.substr(0, colon)) scheme += char(std::tolower(static_cast<unsigned char>(c)));
  if (scheme != "http" && scheme != "https") return "";
  for (unsigned char c : url) {
    if (c <= 0x20 || c == 0x7F) return "";  // a URL with spaces or controls is no link we vouch for
  }
  return escape_html(url);
}

std::string url_encode(std::string_view text) {
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~')
      out += char(c);
    else
      out += fmt::format("%{:02X}", c);
  }
  return out;
}

}  // namespace nsearch::server
