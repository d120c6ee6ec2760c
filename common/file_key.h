// The key of the file an article came from (schema::kFile terms, schema::kSlotOrigin): written
// by the indexer, read by whoever counts a file's or a root's articles.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace nsearch {

// FNV-1a: fast, stable across runs and machines (it also picks an article's shard).
std::uint64_t fnv1a(std::string_view data, std::uint64_t seed = 1469598103934665603ULL);

// Stable short key for a path (terms are limited to 245 bytes; paths are not).
std::string file_key(const std::string& absolute_path);

}  // namespace nsearch
