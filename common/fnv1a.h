// FNV-1a 64: fast, stable across runs and machines (shard choice, file keys, story terms).
#pragma once

#include <cstdint>
#include <string_view>

namespace nsearch {

inline std::uint64_t fnv1a_64(std::string_view data) {
  std::uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : data) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  return h;
}

}  // namespace nsearch
