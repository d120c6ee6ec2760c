#include "common/facet_codes.h"

#include <fmt/format.h>

#include "common/schema.h"

namespace nsearch::facet_codes {

std::string chunk_key(std::uint32_t chunk) { return fmt::format("{}{:08x}", schema::kMetaFacetCodesPrefix, chunk); }

std::string encode(const std::uint32_t* codes, std::size_t n) {
  std::string out(n * 4, '\0');
  for (std::size_t i = 0; i < n; ++i) {
    for (int b = 0; b < 4; ++b) out[i * 4 + b] = static_cast<char>((codes[i] >> (8 * b)) & 0xff);
  }
  return out;
}

std::uint32_t decode_at(const std::string& chunk, std::size_t i) {
  if (chunk.size() < (i + 1) * 4) return 0;
  std::uint32_t code = 0;
  for (int b = 3; b >= 0; --b) code = code << 8 | static_cast<unsigned char>(chunk[i * 4 + b]);
  return code;
}

std::string join_sources(const std::vector<std::string>& keys) {
  std::string out;
  for (const auto& k : keys) out += k + "\n";
  return out;
}

std::vector<std::string> split_sources(const std::string& stored) {
  std::vector<std::string> keys;
  std::size_t start = 0;
  for (std::size_t nl; (nl = stored.find('\n', start)) != std::string::npos; start = nl + 1) {
    keys.push_back(stored.substr(start, nl - start));
  }
  return keys;
}

}  // namespace nsearch::facet_codes
