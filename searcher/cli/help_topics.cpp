#include "searcher/cli/help_topics.h"

#include <algorithm>

#include <fmt/core.h>

#include "common/fields.h"
#include "searcher/query_parser.h"
#include "searcher/search_output.h"
#include "searcher/text_layout.h"

namespace nsearch::cli {

namespace {

constexpr std::size_t kHelpColumn = 29;  // where a line's explanation begins
constexpr std::size_t kHelpWidth = 92;

// text wrapped at spaces into lines of at most width columns after indent.
std::string wrapped(std::string_view text, std::size_t indent, std::size_t width) {
  std::string out, line;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t space = text.find(' ', start);
    std::string_view word =
        text.substr(start, space == std::string_view::npos ? std::string_view::npos : space - start);
    if (!line.empty() && indent + display_width(line) + 1 + display_width(word) > width) {
      out += std::string(indent, ' ') + line + "\n";
      line.clear();
    }
    if (!line.empty()) line += ' ';
    line += word;
    start = space == std::string_view::npos ? text.size() : space + 1;
  }
  if (!line.empty()) out += std::string(indent, ' ') + line + "\n";
  return out;
}

// A help entry: its examples from column 2, what they do from kHelpColumn, beside the example
// when there is one short enough, else below the examples.
std::string entry(std::string_view examples, std::string_view help) {
  std::string lead;
  for (std::size_t start = 0; start < examples.size();) {
    std::size_t end = std::min(examples.find('\n', start), examples.size());
    lead += "  " + std::string(examples.substr(start, end - start)) + "\n";
    start = end + 1;
  }
  std::string text = wrapped(help, kHelpColumn, kHelpWidth);
  if (lead.empty() || lead.find('\n') != lead.size() - 1) return lead + text;
  lead.pop_back();
  std::size_t lead_width = display_width(lead);
  if (lead_width >= kHelpColumn) return lead + "\n" + text;
  return lead + std::string(kHelpColumn - lead_width, ' ') + text.substr(kHelpColumn);
}

// The fields a query names (NAME:VALUE), from common/fields.h.
std::string field_lines() {
  std::string out;
  for (const auto& f : fields::kFields) {
    if (f.query) out += entry(f.examples, f.help);
  }
  return out;
}

std::string facet_lines() {
  std::string out;
  for (const auto& f : fields::kFields) {
    if (f.facet) out += entry(f.name, f.facet_help);
  }
  return out;
}

}  // namespace

std::string query_syntax_help() {
  return fmt::format(R"HELP(Query syntax

  صدام حفتر أنقرة           words, ranked: more of the words, rarer words and more of them
                             in a shorter article rank higher, and so does an article whose
                             title is only words of the query; an article need not have
                             every word (AND requires them), so a question always gets
                             results. Words are normalized and stemmed like the articles
                             (وبالكتاب finds الكتاب). A name also finds its other spellings
                             in the index (جولر finds غولر, كالين قالن), ranked below it,
                             and the words derived from it (مصر finds المصري), lower still.
                             Stopwords (في، من، على …) are left out of ranking unless the
                             query has nothing else.
  "جزيرة الحنة"              exact phrase, in this order; diacritics, tatweel, hamza forms and
                             attached و/ال/بال still match ("صدام حفتر" finds وصدام حفتر).
                             Stopwords inside a phrase are kept: they must be there, as
                             written (إلى, not الآلي).
  =قالن                      exact form: the word as written (normalized), not stemmed,
                             no other spelling, no derived word.
  ="وصدام حفتر"              exact phrase: each word as written, in this order.
  كتاب*                      prefix: the indexed words that begin like كتاب, with or without
                             و/ب/ل/ال… in front (كتابات، الكتاب، وبالكتابة); the {} most
                             frequent of them. A * anywhere else is ignored, with a warning.
  حفتر AND أنقرة             both required.   حفتر OR الدبيبة   either.
  حفتر NOT طرابلس            exclude; also حفتر -طرابلس, in the query or as its own argument
                             (nsearch حفتر -طرابلس).   ( … )   grouping.
{}
Options: --source S (by key or name; repeat it for more, OR-ed), --since DATE, --until DATE
filter the same way; --sort newest|oldest; --facets {}; --format
text|json|jsonl|ids|trec (`nsearch help formats`). An option takes one value: words after
it are query words, so `nsearch --source الجزيرة حفتر` and `nsearch حفتر --source الجزيرة`
are the same search. `nsearch sources` lists the outlets.

Facets (--facets, "facets" in JSON) count the matching articles by:
{}
Limits: a query searches at most its first {} words (in phrases or not) and {} words and
operators; the rest is left out, with a warning, so that a pasted page still answers at once.

Repairs: an unbalanced quote or parenthesis is closed at the end of the query, an unknown
field (foo:bar) is searched as words, a field with nothing after it (title: alone) is
ignored, and --since later than --until is pointed out; each is reported on stderr (and in
"warnings" in JSON). A bad date or an unknown source is an error (exit 2).
)HELP",
                     kMaxPrefixTerms, field_lines(), fields::names(fields::is_facet, "", "", ",", ","), facet_lines(),
                     kMaxQueryWords, kMaxQueryTokens);
}

std::string output_formats_help() {
  return fmt::format(R"HELP(Output formats (--format)

text   for people: per hit a line with rank, outlet, date, score and id, then the title
       and a snippet with the matched words marked (bold red on a terminal, **word**
       otherwise), wrapped to the terminal at spaces; then the count and any facets.
       --bidi says how Arabic is written (see `nsearch search --help`).
json   one object (format_version {0}):
         {{"format_version": {0}, "query": "حفتر", "parsed_query": "Query(...)",
          "total": 5, "total_is_estimate": false, "partial": false,
          "offset": 0, "limit": 10,
          "hits": [{{"rank": 1, "id": "...", "title": "...", "source": "...",
                    "source_name": "...", "date": "2025-10", "score": 12.3, "snippet": "...",
                    "highlights": [{{"start": 10, "end": 20}}], "url": "",
                    "story": {{"id": "...", "count": 3, "members": ["..."],
                              "first": {{"id": "...", "source": "...", "date": "..."}}}}}}],
          "stories": 4, "stories_is_estimate": false,
          "facets": {{"source": [{{"value": "الجزيرة", "count": 1}}], "month": [...],
                     "date": [...]}},
          "suggestion": null, "warnings": []}}
       source is the article's own, source_name the outlet's display name (nsearch
       sources); highlights are byte offsets into snippet; total is exact; facets.date
       repeats the finest date facet asked for (month over year); partial is true only
       with --allow-partial when a remote shard was down (the reason is in warnings).
       Hits are collapsed to one per story by default: total counts articles, stories
       the stories they form, story lists a hit's members (null with --duplicates show,
       when stories is null too); facets count articles (docs/stories.md).
jsonl  one object a line: each hit as in json with "type": "hit", then the summary (json
       without hits) with "type": "summary".
ids    one article id a line.
trec   TREC run lines: qid Q0 id rank score nsearch.

--batch FILE (or - for stdin) runs one query a line, "qid<TAB>query" or a bare query
(numbered by its line). In json, one compact object per query; in jsonl and json every
record carries "qid"; ids prints "qid<TAB>id". A line the parser rejects (a bad date, an
unknown source) gives, in json and jsonl, the record
  {{"type": "error", "format_version": {0}, "qid": "q4", "query": "date:2015-13",
   "error": "bad date '2015-13' in date:2015-13; ..."}}
and in every format a line on stderr; the batch goes on, and its exit code is 2.

Other JSON: `nsearch stats --format json`, `nsearch sources --format json`
({{"format_version": 1, "sources": [{{"key", "name", "articles", "date_from",
"date_to"}}]}}), `nsearch show ID --format json`, `nsearch index --format json`.
New keys may appear in any object; existing keys keep their meaning until format_version
changes.
)HELP",
                     kFormatVersion);
}

}  // namespace nsearch::cli
