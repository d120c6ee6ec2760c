// Story keys (schema::kSlotStory): the oldest-first sort key and id of a story's first member.
#pragma once

#include <string>
#include <string_view>

namespace nsearch {

// oldest_key: the member's schema::kSlotOldestKey value.
std::string story_key(std::string_view oldest_key, std::string_view id);
// The first member's id in a story key ("" when the key is malformed).
std::string story_first_id(std::string_view key);

}  // namespace nsearch
