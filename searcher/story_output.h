// How a story is written: the JSON object of a hit or of `nsearch show --story`, and the line
// under a collapsed hit.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "searcher/printer.h"
#include "searcher/story_members.h"

namespace nsearch {

// The entries of a story's map (a hit's "story", `nsearch show --story`): id, count, first
// ({id, source, date}) and members (their ids).
void print_story_entries(const StoryInfo& story, Printer& p);

// How many of a story's outlets a line names; the rest are counted.
inline constexpr std::size_t kOutletsNamed = 5;

// The outlets of the story's members other than the hit with this id, each once, first
// published first.
std::vector<std::string> other_outlets(const StoryInfo& story, const std::string& hit_id);

// "+2 more: okaz, alriyadh (first: sabq, 2015-07-21 02:21)": the other members' outlets, each
// once, for the hit with this id; "" for a story of one article.
std::string story_line(const StoryInfo& story, const std::string& hit_id);

}  // namespace nsearch
