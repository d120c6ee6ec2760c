#include "searcher/searcher.h"

#include <algorithm>
#include <cstdlib>
#include <future>
#include <limits>
#include <map>
#include <memory>
#include <unordered_set>

#include "common/dates.h"
#include "common/errors.h"
#include "common/fields.h"
#include "common/overtaken_read.h"
#include "common/schema.h"
#include "searcher/match_counter.h"
#include "searcher/prefix_forms.h"
#include "searcher/query_parser.h"
#include "searcher/ranked_parts.h"
#include "searcher/term_forms.h"
#include "searcher/title_boost.h"
#include "searcher/weighting.h"

namespace nsearch {

namespace {

// "Did you mean" is for queries with few or no results (each suspect word costs a few hundred
// term look-ups; with more results, a suggestion for a rare word is more often a rarer
// inflection or name taken for a typo); then a word is suspect when fewer articles hold it
// than the query found, and the suggestion replaces it only when many times more articles
// hold the suggested word (كرونا: 3 articles, كورونا: 90).
constexpr Xapian::doccount kFewResults = 10;
constexpr Xapian::doccount kRareWord = kFewResults;
constexpr Xapian::doccount kSuggestionFactor = 10;
// Reopens that may find a writer's new commit before the two openings are left unaligned.
constexpr int kAlignTries = 3;
// Words whose forms a searcher keeps (a few KB each) before it starts afresh.
constexpr std::size_t kWordsKept = 20000;
// Titles whose words a searcher keeps (a few hundred bytes each) before it starts afresh.
constexpr std::size_t kTitlesKept = 100000;
// Up to this many matches, stories are counted exactly when the ranked page did not reach
// them all: reading each match's story key costs well under a millisecond here.
constexpr Xapian::doccount kStoriesCountedUpTo = 1000;

// Matching stories: matches once collapsed on the story key, unweighted.
Xapian::doccount count_stories(const Xapian::Database& db, const Xapian::Query& query, Xapian::doccount matches) {
  Xapian::Enquire enquire(db);
  enquire.set_query(query);
  enquire.set_weighting_scheme(counting_weight());
  enquire.set_collapse_key(schema::kSlotStory);
  return enquire.get_mset(0, matches).size();
}

// The whole article as build_document stored it (schema.h: kSlotHead and the data).
Article stored_article(const Xapian::Document& doc) {
  return Article::from_stored(doc.get_value(schema::kSlotHead), doc.get_data());
}

Xapian::Query with_flag_filters(Xapian::Query q, const SearchRequest& r, const SourceLookup& sources) {
  std::vector<Xapian::Query> filters;
  if (!r.sources.empty()) {
    std::vector<Xapian::Query> any;
    for (const auto& s : r.sources) any.push_back(sources(s));
    filters.emplace_back(Xapian::Query::OP_OR, any.begin(), any.end());
  }
  Xapian::Query dates = date_range_filter(r.since, r.until);
  if (!dates.empty()) filters.push_back(dates);
  if (filters.empty()) return q;
  return Xapian::Query(Xapian::Query::OP_FILTER, q,
                       Xapian::Query(Xapian::Query::OP_AND, filters.begin(), filters.end()));
}

// "since 2020 is later than until 2019", when it is (either may be empty or unparsable:
// the date filter reports those).
std::optional<std::string> reversed_dates(const SearchRequest& r) {
  auto since = parse_date(r.since), until = parse_date(r.until);
  if (!since || !until || since->first_day() <= until->last_day()) return std::nullopt;
  return "since " + r.since + " is later than until " + r.until + ": nothing can match";
}

// Remote parts are asked fewer, larger questions (term_frequencies.h).
FormSearch form_search_for(const IndexSet& set) {
  return set.has_remote ? FormSearch::AllCandidates : FormSearch::LookUpCandidates;
}

}  // namespace

Searcher::Searcher(IndexSet index, const SearcherOptions& options)
    : ranking_(std::move(index)),
      db_(ranking_.db),
      counting_(open_index_set(ranking_.locations, ranking_.allow_partial)),
      missing_(ranking_.missing),
      form_search_(form_search_for(ranking_)),
      analyzer_(AnalyzerOptions::variant([&] {
        std::string v = read_newest(
            db_, [](Xapian::Database& db) { return db.get_metadata(std::string(schema::kMetaAnalyzerVariant)); });
        return v.empty() ? std::string("default") : v;
      }())),
      speller_(analyzer_),
      weighting_(make_weighting(options.weighting)) {}

SearchResult Searcher::search(const SearchRequest& request) {
  // Start from the latest revision: a long-lived searcher (--batch) would otherwise start each
  // query on handles many commits old, which a writer overtakes at once.
  reopen();
  return read_newest(
      [&] {
        SearchResult result = run(request, request.query);
        if (result.total == 0 && request.spelling == SpellingMode::Auto && result.suggestion) {
          std::string original = request.query;
          SearchResult again = run(request, *result.suggestion);
          again.warnings.insert(again.warnings.begin(),
                                "no results for '" + original + "'; showing results for '" + *result.suggestion + "'");
          return again;
        }
        return result;
      },
      [&] { return reopen(); });
}

SearchResult Searcher::run(const SearchRequest& request, const std::string& query_text) {
  SourceLookup sources = [&](const std::string& name) {
    if (!catalog_) {
      catalog_.emplace(db_);
      catalog_dated_ = false;
    }
    std::vector<std::string> keys = catalog_->resolve(name);
    if (keys.empty()) throw Error(ErrorCode::unknown_source, unknown_source_message(*catalog_, name));
    std::vector<Xapian::Query> any;
    for (const auto& k : keys) any.emplace_back(std::string(schema::kSource) + k);
    return Xapian::Query(Xapian::Query::OP_OR, any.begin(), any.end());
  };
  // No words but --source/--since/--until: every article they let through.
  bool filters_only = query_text.find_first_not_of(" \t\r\n") == std::string::npos &&
                      (!request.sources.empty() || !request.since.empty() || !request.until.empty());
  ParsedQuery parsed;
  if (filters_only) {
    parsed.query = Xapian::Query::MatchAll;
  } else {
    parsed = parse(query_text, sources);
  }
  Xapian::Query query = with_flag_filters(parsed.query, request, sources);

  for (const auto& name : request.facets) check_facet(name);
  // Two threads, each on its own handles. Each ranks one docid slice of the index, stopping as
  // soon as no other match of its slice can reach the page (Xapian's early termination: the
  // same top 100 as visiting every match, for all 1,856 development questions on 1 and 4
  // shards), then counts shards for the exact total and the facet counts (match_counter.h),
  // taking each shard the other has not. At a million articles a common word's ranking costs
  // three times its counting and a phrase's half of it, so the work is shared out both ways.
  // Sharing needs both openings on the same revision of every shard (the slices are cut at
  // each shard's last docid, and what is counted must be what is ranked), which rules out
  // shard servers (no revision to compare, and they cannot run the slices) and a writer that
  // kept committing while the handles were reopened: then this thread ranks all and the other
  // counts all, as one revision or two.
  RankOrder order;
  // Undated articles last either way (see the two slots in common/schema.h).
  if (request.sort == SortOrder::Newest) {
    order.sort_slot = schema::kSlotDateStart;
    order.descending = true;
  }
  if (request.sort == SortOrder::Oldest) order.sort_slot = schema::kSlotOldestKey;
  if (request.collapse) order.collapse_slot = schema::kSlotStory;
  // Of equal weights (copies of one story), the earliest published first, whatever the layout.
  order.tie_slot = schema::kSlotMemberKey;
  const Xapian::doccount page_end =
      request.offset + std::min(request.limit, std::numeric_limits<Xapian::doccount>::max() - request.offset);
  // Ranked by relevance, whole-title matches are raised within a window of the first matches
  // (title_boost.h): the window is ranked whatever the page.
  const bool boosts_titles = !order.sort_slot && parsed.has_ranked_terms;
  // One match past the page says whether another page follows (a story count over 1,000
  // matches is an estimate, and cannot say it).
  const Xapian::doccount past_page = page_end < std::numeric_limits<Xapian::doccount>::max() ? page_end + 1 : page_end;
  const Xapian::doccount rank_end = boosts_titles ? std::max(past_page, kTitleWindow) : past_page;
  const unsigned slices = aligned_ ? 2 : 1;
  MatchCounter counter(request.facets, counting_.shards.size());
  std::vector<RankedMatch> other_slice;
  Xapian::doccount stories[2] = {0, 0};
  bool stories_exact = false;
  auto helper = std::async(std::launch::async, [&, copy = Xapian::Query::unserialise(query.serialise())] {
    if (slices == 2) other_slice = rank_part(counting_.db, copy, *weighting_, order, rank_end, 1, 2, &stories[1]);
    counter.count_with(counting_, copy);
  });
  std::vector<RankedMatch> page = rank_part(db_, query, *weighting_, order, rank_end, 0, slices, &stories[0]);
  if (aligned_) counter.count_with(ranking_, query);
  helper.get();
  if (request.collapse && page.size() < rank_end && other_slice.size() < rank_end) {
    // Every story was ranked: count them, as a story may have matches in both slices.
    std::unordered_set<std::string> keys;
    for (const auto* part : {&page, &other_slice})
      for (const auto& m : *part) keys.insert(m.collapse_key.empty() ? std::to_string(m.did) : m.collapse_key);
    stories[0] = static_cast<Xapian::doccount>(keys.size());
    stories[1] = 0;
    stories_exact = true;
  }
  if (slices == 2) page = merge_parts({std::move(page), std::move(other_slice)}, order, 0, rank_end);
  if (boosts_titles) {
    boost_whole_titles(page, order, page_end,
                       [&](Xapian::docid did) { return every_word_marked(title_words(did), parsed.highlight); });
  }
  const bool more = page.size() > page_end;
  page.erase(page.begin(), page.begin() + std::min<std::size_t>(request.offset, page.size()));
  if (page.size() > request.limit) page.resize(request.limit);
  MatchCount counted = counter.result();

  SearchResult result;
  result.query = query_text;
  result.parsed_query = query.get_description();
  result.warnings = parsed.warnings;
  if (auto w = reversed_dates(request)) result.warnings.push_back(*w);
  for (const auto& m : missing_) result.warnings.push_back("partial results: " + m);
  result.partial = !missing_.empty();
  result.offset = request.offset;
  result.limit = request.limit;
  result.total = counted.total;
  result.more = more;
  result.collapsed = request.collapse;
  // A story with members in both slices is estimated in each.
  result.stories = std::min(counted.total, stories[0] + stories[1]);
  if (request.collapse && !stories_exact && counted.total <= kStoriesCountedUpTo) {
    result.stories = count_stories(db_, query, counted.total);
    stories_exact = true;
  }
  result.stories_is_estimate = request.collapse && !stories_exact;

  Xapian::doccount rank = request.offset;
  std::map<std::string, StoryInfo> stories_read;  // --duplicates show: members of a story share one
  for (const RankedMatch& match : page) {
    Hit hit;
    hit.rank = ++rank;
    hit.score = match.weight;
    // Values and data are read when asked for: a hit without a snippet never reads its body.
    const Xapian::Document doc = db_.get_document(match.did, Xapian::DOC_ASSUME_VALID);
    hit.article = Article::from_json(doc.get_value(schema::kSlotHead));
    if (request.snippets) hit.article.body = doc.get_data();
    hit.source_name = source_name(hit.article.source);
    if (request.stories) {
      // Collapsing ranked by the story key: it is at hand.
      const std::string story_key = request.collapse ? match.collapse_key : doc.get_value(schema::kSlotStory);
      if (story_key.empty()) {
        hit.story = lone_story(hit.article, hit.source_name, false);
      } else if (auto known = stories_read.find(story_key); known != stories_read.end()) {
        hit.story = known->second;
      } else {
        hit.story = read_story(db_, ranking_.shards, story_key, kStoryMembersShown, false, source_namer());
        stories_read.emplace(story_key, *hit.story);
      }
    }
    if (request.snippets) {
      hit.title = highlight_all(hit.article.title, parsed.highlight, analyzer_);
      hit.snippet = best_snippet(without_title(hit.article.body, hit.article.title), parsed.highlight, analyzer_,
                                 request.snippet_chars);
    } else {
      hit.title.text = hit.article.title;
    }
    result.hits.push_back(std::move(hit));
  }
  for (auto& counts : counted.facets) {
    Facet f{counts.name, {}};
    // A value is shown by its display name where the field has them (the source's).
    const std::string names(fields::find(f.name)->display_names);
    for (auto& [value, count] : counts.values) {
      std::string display = names.empty() ? "" : db_.get_metadata(names + value);
      f.values.push_back({display.empty() ? value : display, count});
    }
    result.facets.push_back(std::move(f));
  }
  if (request.spelling != SpellingMode::Off && result.total < kFewResults) {
    result.suggestion = suggest(parsed.words, query_text);
  }
  return result;
}

const SourceCatalog& Searcher::sources() {
  reopen();
  if (!catalog_ || !catalog_dated_) {
    catalog_.emplace(db_, true);
    catalog_dated_ = true;
  }
  return *catalog_;
}

bool Searcher::reopen() {
  bool moved = false;
  if (listing_changed(ranking_)) {
    ranking_ = open_index_set(ranking_.locations, ranking_.allow_partial);
    db_ = ranking_.db;
    counting_ = open_index_set(ranking_.locations, ranking_.allow_partial);
    missing_ = ranking_.missing;
    form_search_ = form_search_for(ranking_);
    moved = true;
  }
  for (int tries = 0; tries < kAlignTries; ++tries) {
    moved |= db_.reopen();
    moved |= counting_.db.reopen();
    aligned_ = same_revisions();
    if (aligned_) break;
  }
  if (moved) {  // the outlets and the words' forms may have changed with the revision
    catalog_.reset();
    forms_.clear();
    titles_.clear();
    source_names_.clear();
  }
  return moved;
}

bool Searcher::same_revisions() const {
  if (ranking_.has_remote || ranking_.parts != counting_.parts) return false;
  try {
    for (std::size_t i = 0; i < ranking_.shards.size(); ++i) {
      if (ranking_.shards[i].get_revision() != counting_.shards[i].get_revision()) return false;
    }
  } catch (const Xapian::InvalidOperationError&) {
    return false;  // not a glass database: no revision to compare
  }
  return true;
}

const WordForms& Searcher::forms_of(std::string_view prefix, const std::string& normalized,
                                    const std::string& stem) const {
  std::string key(prefix);
  key += '\0';
  key += normalized;
  if (auto known = forms_.find(key); known != forms_.end()) return known->second;
  if (forms_.size() >= kWordsKept) forms_.clear();
  WordForms forms = indexed_forms(db_, analyzer_, prefix, normalized, stem, form_search_);
  forms.common = common_across(db_, forms, form_search_);
  return forms_.emplace(std::move(key), std::move(forms)).first->second;
}

const std::vector<MarkableWord>& Searcher::title_words(Xapian::docid did) {
  if (auto known = titles_.find(did); known != titles_.end()) return known->second;
  if (titles_.size() >= kTitlesKept) titles_.clear();
  const Xapian::Document doc = db_.get_document(did, Xapian::DOC_ASSUME_VALID);
  const std::string title = Article::from_json(doc.get_value(schema::kSlotHead)).title;
  return titles_.emplace(did, markable_words(title, analyzer_)).first->second;
}

std::vector<WordMatch> Searcher::word_matches(const std::string& text) {
  reopen();
  std::vector<WordMatch> out;
  for (const auto& tok : analyzer_.analyze(text)) {
    WordMatch m{tok, {}, false, {}, {}, {}};
    if (!tok.stopword()) {
      const WordForms& forms = forms_of("", tok.normalized, tok.term);
      m.forms = forms.held_forms();
      m.name = looks_like_name(db_, forms.written);
      m.variants = forms.spellings;
      m.derived = forms.derived;
      m.weighing = forms.boosting;
    }
    out.push_back(std::move(m));
  }
  return out;
}

// Replaces each misspelled word by the speller's correction (both are normalized words).
std::optional<std::string> Searcher::suggest(const std::vector<std::string>& words, const std::string& query_text) {
  std::map<std::string, std::string> fixes;
  auto word_freq = [&](const std::string& normalized) {
    return forms_frequency(db_, forms_of("", normalized, analyzer_.stem(normalized)));
  };
  for (const auto& w : words) {
    if (db_.get_termfreq(w) >= kRareWord) continue;  // one look-up settles most words
    const WordForms& forms = forms_of("", w, analyzer_.stem(w));
    // A name the index spells other ways is no typo (قالن is not قال or قالت misspelled).
    if (!forms.spellings.empty()) continue;
    Xapian::doccount freq = forms_frequency(db_, forms);
    if (freq >= kRareWord) continue;
    std::string s = speller_.correct(db_, w);
    // One of the word's own forms is found already (دبلوم for دبلومه).
    if (s.empty() || s == w || analyzer_.stem(s) == analyzer_.stem(w)) continue;
    // An unknown word takes any known suggestion; a rare one only a far more common word.
    Xapian::doccount suggested = word_freq(s);
    if ((freq == 0 && suggested > 0) || suggested >= kSuggestionFactor * freq) {
      fixes[w] = s;
    }
  }
  if (fixes.empty()) return std::nullopt;
  std::string out;
  std::size_t last = 0;
  for (const auto& tok : analyzer_.analyze(query_text)) {
    auto f = fixes.find(tok.normalized);
    if (f == fixes.end()) continue;
    out += query_text.substr(last, tok.start - last) + f->second;
    last = tok.end;
  }
  out += query_text.substr(last);
  return out;
}

std::optional<StoryInfo> Searcher::story(const std::string& id) {
  reopen();  // a long-lived searcher (nsearch serve) sees what the last commit holds
  std::string term = std::string(schema::kId) + id;
  auto p = db_.postlist_begin(term);
  if (p == db_.postlist_end(term)) return std::nullopt;
  const Xapian::Document doc = db_.get_document(*p, Xapian::DOC_ASSUME_VALID);
  const std::string key = doc.get_value(schema::kSlotStory);
  if (!key.empty()) return read_story(db_, ranking_.shards, key, Xapian::doccount(-1), true, source_namer());
  Article head = Article::from_json(doc.get_value(schema::kSlotHead));
  return lone_story(head, source_name(head.source), true);
}

const std::string& Searcher::source_name(const std::string& source) {
  if (auto known = source_names_.find(source); known != source_names_.end()) return known->second;
  std::string name = db_.get_metadata(std::string(schema::kMetaSourcePrefix) + normalize_source(source));
  return source_names_.emplace(source, name.empty() ? source : name).first->second;
}

SourceNamer Searcher::source_namer() {
  return [this](const std::string& source) { return source_name(source); };
}

Snippet Searcher::highlight(const std::string& query, const std::string& text) {
  reopen();
  // Outlets only filter: they mark no words, so any outlet name reads as no restriction here.
  SourceLookup any_source = [](const std::string&) { return Xapian::Query(Xapian::Query::MatchAll); };
  return highlight_all(text, parse(query, any_source).highlight, analyzer_);
}

ParsedQuery Searcher::parse(const std::string& query_text, const SourceLookup& sources) const {
  return parse_query(
      query_text, analyzer_,
      [&](std::string_view prefix, const Token& word) { return forms_of(prefix, word.normalized, word.term); },
      [&](std::string_view prefix, const Token& word) { return prefix_forms(db_, analyzer_, prefix, word); }, sources);
}

ArticleLookup Searcher::find(const std::string& id) {
  reopen();
  constexpr std::size_t kShown = 10;
  ArticleLookup found;
  std::string term = std::string(schema::kId) + id;
  auto exact = db_.postlist_begin(term);
  if (exact != db_.postlist_end(term)) {
    found.article = stored_article(db_.get_document(*exact));
    return found;
  }
  for (auto t = db_.allterms_begin(term); t != db_.allterms_end(term) && found.matches.size() <= kShown; ++t)
    found.matches.push_back((*t).substr(1));
  if (found.matches.empty()) {
    // The id without its root's name: "2024-10-23.txt" for "aljazeera/2024-10-23.txt".
    const std::string prefix(schema::kId), tail = "/" + id;
    for (auto t = db_.allterms_begin(prefix); t != db_.allterms_end(prefix) && found.matches.size() <= kShown; ++t) {
      const std::string& q = *t;
      if (q.size() > tail.size() && q.compare(q.size() - tail.size(), tail.size(), tail) == 0 &&
          q.find('/') == q.size() - tail.size())
        found.matches.push_back(q.substr(1));
    }
  }
  if (found.matches.size() == 1) {
    std::string only = std::string(schema::kId) + found.matches.front();
    found.article = stored_article(db_.get_document(*db_.postlist_begin(only)));
  }
  return found;
}

}  // namespace nsearch
