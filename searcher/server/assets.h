// The page's stylesheet and script, compiled into the binary: the server reads no files, so
// no path can reach outside these.
#pragma once

#include <string_view>

namespace nsearch::server {

struct Asset {
  std::string_view body;
  std::string_view content_type;
};

// The asset served at path ("/assets/style.css"), or null.
const Asset* find_asset(std::string_view path);

}  // namespace nsearch::server
