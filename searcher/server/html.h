// Article text into HTML. Everything an article carries (title, body, outlet, URL, id) comes
// from files nobody vetted, so it goes through these and nothing else: escaped, with control
// characters and bidi overrides taken out, and links only to http and https.
#pragma once

#include <string>
#include <string_view>

#include "searcher/highlighter.h"

namespace nsearch::server {

// Text content or a quoted attribute value: & < > " ' escaped, control characters shown as
// U+FFFD and bidi controls dropped (they could reorder the page around the text).
std::string escape_html(std::string_view text);

// A snippet's text escaped, each highlight in <mark>.
std::string marked_html(const Snippet& snippet);

// The URL as an href value when it is an http or https URL, else "" (javascript:, data:, ...).
std::string safe_href(std::string_view url);

// A query-string component: everything but unreserved characters percent-encoded.
std::string url_encode(std::string_view text);

}  // namespace nsearch::server
