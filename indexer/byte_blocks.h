// Sixteen bytes of a text tested at once (GCC and Clang vector extensions): the scans that read
// whole texts byte by byte (the UTF-8 check, the search for years) pass over the blocks in which
// nothing they look for can be, and read only the others one by one.
#pragma once

#include <cstdint>
#include <cstring>

namespace nsearch {

using ByteBlock = unsigned char __attribute__((vector_size(16)));
using BlockMask = signed char __attribute__((vector_size(16)));  // a comparison's result: -1 where true

inline ByteBlock load_block(const char* p) {
  ByteBlock b;
  std::memcpy(&b, p, sizeof b);
  return b;
}

inline bool any(BlockMask m) {
  std::uint64_t halves[2];
  std::memcpy(halves, &m, sizeof halves);
  return (halves[0] | halves[1]) != 0;
}

}  // namespace nsearch
