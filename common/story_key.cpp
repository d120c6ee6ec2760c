#include "common/story_key.h"

#include <charconv>

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

std::string story_list_key(std::string_view first_id) {
  std::string key(schema::kMetaStoryPrefix);
  key += first_id;
  return key;
}

// Each key as its length, ':' and its bytes (a netstring without the comma): ids may hold any
// byte.
std::string encode_story_list(const std::set<std::string>& member_keys) {
  std::string out;
  for (const auto& k : member_keys) {
    out += std::to_string(k.size());
    out += ':';
    out += k;
  }
  return out;
}

std::vector<std::string> decode_story_list(const std::string& value) {
  std::vector<std::string> keys;
  const char* p = value.data();
  const char* end = p + value.size();
  while (p < end) {
    std::size_t size = 0;
    auto [colon, ec] = std::from_chars(p, end, size);
    if (ec != std::errc() || colon == end || *colon != ':' || size > static_cast<std::size_t>(end - colon - 1)) break;
    keys.emplace_back(colon + 1, size);
    p = colon + 1 + size;
  }
  return keys;
}

}  // namespace nsearch
