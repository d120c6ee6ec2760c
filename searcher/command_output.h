// The JSON documents of `nsearch show`, `show --story`, `sources` and `analyze`, as text: the
// CLI prints them and `nsearch serve` answers with them, so both say exactly the same.
#pragma once

#include <string>
#include <vector>

#include "common/analyzer.h"
#include "common/article.h"
#include "searcher/searcher.h"
#include "searcher/source_catalog.h"
#include "searcher/story_members.h"

namespace nsearch {

// Each ends with a newline.
std::string article_document(const Article& article);
std::string story_document(const StoryInfo& story);
std::string sources_document(const std::vector<SourceInfo>& sources);
std::string tokens_document(const std::vector<Token>& tokens);

// Why a lookup found no single article: "no article with id 'X'", or "'X' matches several
// articles: a, b, ...".
std::string lookup_failure(const std::string& id, const ArticleLookup& found);

}  // namespace nsearch
