// What `nsearch show`, `show --story`, `sources` and `analyze` print, text and JSON, through a
// Printer (printer.h): the CLI prints them and `nsearch serve` answers with their JSON, so both
// say exactly the same.
#pragma once

#include <string>
#include <vector>

#include "common/analyzer.h"
#include "common/article.h"
#include "searcher/printer.h"
#include "searcher/searcher.h"
#include "searcher/source_catalog.h"
#include "searcher/story_members.h"
#include "searcher/text_layout.h"

namespace nsearch {

// The article: its metadata, then its full text. The text is as stored: a terminal's caller
// makes it printable().
void print_article(const Article& article, Printer& p);
// The story's members, first published first; `this_id` is marked in the text.
void print_story(const StoryInfo& story, const std::string& this_id, Printer& p);
// A table of the outlets, each key and name a field written as bidi says.
void print_sources(const std::vector<SourceInfo>& sources, BidiMode bidi, Printer& p);
// The analyzer's tokens, a table of them as text.
void print_tokens(const std::vector<Token>& tokens, Printer& p);

// Why a lookup found no single article: "no article with id 'X'", or "'X' matches several
// articles: a, b, ...".
std::string lookup_failure(const std::string& id, const ArticleLookup& found);

}  // namespace nsearch
