// Story keys (schema::kSlotStory): the oldest-first sort key and id of a story's first member.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace nsearch {

// oldest_key: the member's schema::kSlotOldestKey value.
std::string story_key(std::string_view oldest_key, std::string_view id);
// The first member's id in a story key ("" when the key is malformed).
std::string story_first_id(std::string_view key);

// A database's list of a story's members (schema::kMetaStoryPrefix): its metadata key, and
// the value for a set of member keys ("" for none, which removes the entry) and back.
std::string story_list_key(std::string_view first_id);
std::string encode_story_list(const std::set<std::string>& member_keys);
std::vector<std::string> decode_story_list(const std::string& value);

}  // namespace nsearch
