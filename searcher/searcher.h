// Runs one query: parse -> filters -> a ranked pass (DLH, sort; early termination) beside a
// counting pass on a second thread, which the ranked pass joins once its page is ranked
// (exact total, facets: match_counter.h) -> hits with snippets.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <xapian.h>

#include "common/analyzer.h"
#include "common/article.h"
#include "searcher/highlighter.h"
#include "searcher/index_set.h"
#include "searcher/name_variants.h"
#include "searcher/source_catalog.h"
#include "searcher/speller.h"
#include "searcher/story_members.h"
#include "searcher/term_forms.h"
#include "searcher/weighting.h"

namespace nsearch {

enum class SortOrder { Relevance, Newest, Oldest };
enum class SpellingMode { Off, Suggest, Auto };

// Members a hit's story lists (its count is exact).
inline constexpr std::size_t kStoryMembersShown = 50;

struct SearchRequest {
  std::string query;
  std::vector<std::string> sources;  // --source, by key or display name, OR-ed
  std::string since, until;          // --since / --until
  std::vector<std::string> facets;   // facets of common/fields.h: "source", "year", ...
  SortOrder sort = SortOrder::Relevance;
  Xapian::doccount offset = 0;
  Xapian::doccount limit = 10;
  std::size_t snippet_chars = 200;
  bool snippets = true;
  bool stories = true;  // each hit's story (Hit::story); ids-only output needs none
  SpellingMode spelling = SpellingMode::Suggest;
  bool collapse = true;  // one hit per story (--duplicates collapse), else every article
};

struct Hit {
  Xapian::doccount rank = 0;  // 1-based, counting the offset
  double score = 0;
  Article article;
  std::string source_name;  // the outlet's display name (nsearch sources), else article.source
  Snippet title;
  Snippet snippet;
  std::optional<StoryInfo> story;  // its story (members: the first kStoryMembersShown), if asked
};

struct FacetValue {
  std::string value;
  Xapian::doccount count = 0;
};

struct Facet {
  std::string name;  // a facet of common/fields.h
  std::vector<FacetValue> values;
};

struct SearchResult {
  std::string query;           // what was searched (the suggestion, when spelling auto used it)
  std::string parsed_query;    // Xapian's description of the compiled query
  Xapian::doccount total = 0;  // matching articles
  bool total_is_estimate = false;
  bool collapsed = false;            // one hit per story
  Xapian::doccount stories = 0;      // matching stories, when collapsed
  bool stories_is_estimate = false;  // Xapian's collapse estimate: over 1,000 matches, not every story ranked
  Xapian::doccount offset = 0, limit = 0;
  bool more = false;  // a match (a story, when collapsed) follows this page
  std::vector<Hit> hits;
  std::vector<Facet> facets;
  std::optional<std::string> suggestion;
  std::vector<std::string> warnings;
  bool partial = false;  // some shards were unreachable (--allow-partial): hits from the rest
};

// What `nsearch show` asked for: the article, or the ids that matched when not exactly one did.
struct ArticleLookup {
  std::optional<Article> article;
  std::vector<std::string> matches;  // up to 11, when the id was a prefix or lacked its root's name
};

// What one query word matches in an index (`nsearch analyze --forms`).
struct WordMatch {
  Token word;
  std::vector<std::string> forms;     // the indexed forms it is searched as (stem and clitic forms)
  bool name = false;                  // whether the index treats it as a name (name_variants.h)
  std::vector<NameVariant> variants;  // the other spellings it also finds, ranked below it
  std::vector<std::string> derived;   // words derived from it or it from them, found below it
  std::vector<std::string> weighing;  // words that add weight where it matches and find nothing alone
};

// How a Searcher ranks; the defaults are the product's.
struct SearcherOptions {
  std::string weighting = kDefaultWeighting;  // weighting.h; others for the ablation bench
};

class Searcher {
 public:
  // index: from open_index_set (versions checked).
  explicit Searcher(IndexSet index, const SearcherOptions& options = {});
  SearchResult search(const SearchRequest& request);
  // The article with this id; when none, the one whose id starts with it, or else the one whose
  // id is a root's name, "/" and it ("2024-10-23.txt" for "aljazeera/2024-10-23.txt"), if unique.
  ArticleLookup find(const std::string& id);
  // The story of the article with this exact id, every member with its title.
  std::optional<StoryInfo> story(const std::string& id);
  // text with the words the query matches marked, as a hit's title is (for an article's full text).
  Snippet highlight(const std::string& query, const std::string& text);
  // The outlets with their counts and date spans (`nsearch sources`), at the latest revision:
  // read again only when the index moved since the last call.
  const SourceCatalog& sources();
  // Each word of text with what it matches here.
  std::vector<WordMatch> word_matches(const std::string& text);

 private:
  SearchResult run(const SearchRequest& request, const std::string& query_text);
  // Both openings onto the latest revision, the same one if a writer allows, opened afresh when
  // a stub lists other databases (sealed ones added, a rebuild swapped in); true when either moved.
  bool reopen();
  bool same_revisions() const;
  std::optional<std::string> suggest(const std::vector<std::string>& words, const std::string& query_text);
  // A word's indexed forms under prefix, found the way this index set needs (term_forms.h), with
  // whether they are common across the collection; looked up once per revision of the index.
  const WordForms& forms_of(std::string_view prefix, const std::string& normalized, const std::string& stem) const;
  // The query text compiled against this index: its words' forms and prefix expansions.
  ParsedQuery parse(const std::string& query_text, const SourceLookup& sources) const;
  // An article's title words as the highlighter compares them (title_boost.h), read once per
  // revision of the index.
  const std::vector<MarkableWord>& title_words(Xapian::docid did);
  // An outlet as an article gives it, by its display name where the index has one.
  const std::string& source_name(const std::string& source);
  SourceNamer source_namer();

  IndexSet ranking_;      // the ranked pass's handles; it counts shards with them once done
  Xapian::Database db_;   // ranking_.db, sharing its handles
  IndexSet counting_;     // the same index opened again, for the counting thread (match_counter.h)
  bool aligned_ = false;  // both openings at the same revision of every shard (reopen)
  std::vector<std::string> missing_;
  FormSearch form_search_;  // how query words find their indexed forms (term_forms.h)
  // Words met at this revision (prefix, NUL, normalized word): a long-lived searcher (--batch,
  // nsearch serve) meets the same words again and again, and a look-up costs block reads.
  mutable std::unordered_map<std::string, WordForms> forms_;
  Analyzer analyzer_;
  Speller speller_;                            // after analyzer_, which it reads
  std::optional<SourceCatalog> catalog_;       // read when a query names a source, or by sources()
  bool catalog_dated_ = false;                 // catalog_ was read with the date spans
  std::unique_ptr<Xapian::Weight> weighting_;  // weighting.h
  // Titles met at this revision, by docid (title_words): the first matches of one query are
  // often those of the next.
  std::unordered_map<Xapian::docid, std::vector<MarkableWord>> titles_;
  // Outlets' display names met at this revision (source_name): every hit and member names one.
  std::unordered_map<std::string, std::string> source_names_;
};

}  // namespace nsearch
