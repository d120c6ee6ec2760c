#include "common/story_key.h"

#include <fmt/core.h>

#include "common/fnv1a.h"
#include "common/schema.h"

namespace nsearch {

namespace {

constexpr char kSeparator = '\x1f';

}  // namespace

std::string story_key(std::string_view oldest_key, std::string_view id) {
  std::string key(oldest_key);
  key += kSeparator;
  key += id;
  return key;
}

std::string story_first_id(std::string_view key) {
  auto sep = key.find(kSeparator);
  return sep == std::string_view::npos ? std::string() : std::string(key.substr(sep + 1));
}

std::string story_term(std::string_view key) {
  return fmt::format("{}{:016x}{:04x}", schema::kStory, fnv1a_64(key), key.size() & 0xFFFF);
}

}  // namespace nsearch
