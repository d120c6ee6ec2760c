#include "searcher/searcher.h"

#include <algorithm>
#include <cstdlib>
#include <future>
#include <map>
#include <memory>

#include "common/errors.h"
#include "common/overtaken_read.h"
#include "common/schema.h"
#include "searcher/match_counter.h"
#include "searcher/query_parser.h"
#include "searcher/term_forms.h"
#include "searcher/weighting.h"

namespace nsearch {

namespace {

// "Did you mean" is for queries with few or no results (each suspect word costs a few hundred
// term look-ups); then a word is suspect when this few articles hold it, and the suggestion
// replaces it only when many times more articles hold the suggested word.
constexpr Xapian::doccount kFewResults = 10;
constexpr Xapian::doccount kRareWord = 3;
constexpr Xapian::doccount kSuggestionFactor = 10;


Xapian::Query with_flag_filters(Xapian::Query q, const SearchRequest& r) {
  std::vector<Xapian::Query> filters;
  if (!r.sources.empty()) {
    std::vector<Xapian::Query> any;
    for (const auto& s : r.sources) any.push_back(source_filter(s));
    filters.emplace_back(Xapian::Query::OP_OR, any.begin(), any.end());
  }
  Xapian::Query dates = date_range_filter(r.since, r.until);
  if (!dates.empty()) filters.push_back(dates);
  if (filters.empty()) return q;
  return Xapian::Query(Xapian::Query::OP_FILTER, q, Xapian::Query(Xapian::Query::OP_AND, filters.begin(), filters.end()));
}

}  // namespace

Searcher::Searcher(IndexSet index)
    : db_(index.db),
      counting_(open_index_set(index.locations, index.allow_partial)),
      missing_(std::move(index.missing)),
      form_search_(index.has_remote ? FormSearch::AllCandidates : FormSearch::LookUpCandidates),
      analyzer_(AnalyzerOptions::variant([&] {
        std::string v = read_newest(db_, [](Xapian::Database& db) { return db.get_metadata(std::string(schema::kMetaAnalyzerVariant)); });
        return v.empty() ? std::string("default") : v;
      }())),
      speller_(analyzer_),
      weighting_(weighting_from_environment()) {}

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
          again.warnings.insert(again.warnings.begin(), "no results for '" + original + "'; showing results for '" + *result.suggestion + "'");
          return again;
        }
        return result;
      },
      [&] { return reopen(); });
}

SearchResult Searcher::run(const SearchRequest& request, const std::string& query_text) {
  ParsedQuery parsed = parse_query(query_text, analyzer_, [&](std::string_view prefix, const Token& word) {
    return forms_of(prefix, word.normalized, word.term);
  });
  Xapian::Query query = with_flag_filters(parsed.query, request);

  for (const auto& name : request.facets) check_facet(name);
  // Two passes at once, each on its own handles: this thread ranks, stopping as soon as no
  // other match can reach the page (Xapian's early termination: the same top 100 as visiting
  // every match, for all 1,856 development questions on 1 and 4 shards); the other visits every
  // match, unweighted, for the exact total and the facet counts.
  auto counting = std::async(std::launch::async, [this, copy = Xapian::Query::unserialise(query.serialise()),
                                                  facets = request.facets] { return count_matches(counting_, copy, facets); });

  Xapian::Enquire enquire(db_);
  enquire.set_query(query);
  enquire.set_weighting_scheme(*weighting_);
  // Undated articles last either way (see the two slots in common/schema.h).
  if (request.sort == SortOrder::Newest) enquire.set_sort_by_value_then_relevance(schema::kSlotDateStart, true);
  if (request.sort == SortOrder::Oldest) enquire.set_sort_by_value_then_relevance(schema::kSlotOldestKey, false);
  Xapian::MSet mset = enquire.get_mset(request.offset, request.limit);
  MatchCount counted = counting.get();

  SearchResult result;
  result.query = query_text;
  result.parsed_query = query.get_description();
  result.warnings = parsed.warnings;
  for (const auto& m : missing_) result.warnings.push_back("partial results: " + m);
  result.partial = !missing_.empty();
  result.offset = request.offset;
  result.limit = request.limit;
  result.total = counted.total;

  Xapian::doccount rank = request.offset;
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    Hit hit;
    hit.rank = ++rank;
    hit.score = it.get_weight();
    hit.article = Article::from_json(it.get_document().get_data());
    if (request.snippets) {
      hit.title = highlight_all(hit.article.title, parsed.highlight, analyzer_);
      hit.snippet = best_snippet(hit.article.body, parsed.highlight, analyzer_, request.snippet_chars);
    }
    result.hits.push_back(std::move(hit));
  }
  for (auto& counts : counted.facets) {
    Facet f{counts.name, {}};
    for (auto& [value, count] : counts.values) {
      std::string display = f.name == "source" ? db_.get_metadata(std::string(schema::kMetaSourcePrefix) + value) : "";
      f.values.push_back({display.empty() ? value : display, count});
    }
    result.facets.push_back(std::move(f));
  }
  if (request.spelling != SpellingMode::Off && result.total < kFewResults) {
    result.suggestion = suggest(parsed.words, query_text);
  }
  return result;
}

bool Searcher::reopen() {
  bool ranked = db_.reopen();
  bool counting = counting_.db.reopen();
  return ranked || counting;
}

WordForms Searcher::forms_of(std::string_view prefix, const std::string& normalized, const std::string& stem) const {
  return indexed_forms(db_, analyzer_, prefix, normalized, stem, form_search_);
}

// Replaces each misspelled word by the speller's correction (both are normalized words).
std::optional<std::string> Searcher::suggest(const std::vector<std::string>& words, const std::string& query_text) {
  std::map<std::string, std::string> fixes;
  auto word_freq = [&](const std::string& normalized) {
    return forms_frequency(db_, forms_of("", normalized, analyzer_.stem(normalized)));
  };
  for (const auto& w : words) {
    Xapian::doccount freq = word_freq(w);
    if (freq >= kRareWord) continue;
    std::string s = speller_.correct(db_, w);
    if (s.empty() || s == w) continue;
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

std::optional<Article> Searcher::find(const std::string& id) {
  std::string term = std::string(schema::kId) + id;
  auto exact = db_.postlist_begin(term);
  if (exact != db_.postlist_end(term)) return Article::from_json(db_.get_document(*exact).get_data());
  std::optional<Article> found;
  for (auto t = db_.allterms_begin(term); t != db_.allterms_end(term); ++t) {
    if (found) return std::nullopt;  // ambiguous prefix
    auto p = db_.postlist_begin(*t);
    found = Article::from_json(db_.get_document(*p).get_data());
  }
  return found;
}

}  // namespace nsearch
