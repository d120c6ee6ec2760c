#include "common/file_key.h"

#include <fmt/core.h>

namespace nsearch {

std::uint64_t fnv1a(std::string_view data, std::uint64_t h) {
  for (unsigned char c : data) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  return h;
}

std::string file_key(const std::string& absolute_path) {
  return fmt::format("{:016x}{:04x}", fnv1a(absolute_path), absolute_path.size() & 0xFFFF);
}

}  // namespace nsearch
