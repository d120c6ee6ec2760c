#include "common/story_key.h"

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

}  // namespace nsearch
