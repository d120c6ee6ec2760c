// `nsearch search` (also `nsearch WORDS...`): ranked search with filters, facets and snippets;
// --batch runs many queries with the index opened once.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>

#include "common/errors.h"
#include "common/fields.h"
#include "searcher/cli/commands.h"
#include "searcher/cli/search_params.h"
#include "searcher/cli/terminal.h"
#include "searcher/index_set.h"
#include "searcher/search_output.h"
#include "searcher/searcher.h"

namespace nsearch::cli {

namespace {

struct SearchOptions {
  std::vector<std::string> words;
  IndexSetOptions index;
  SearchParams params;
  std::string format = "text";
  std::string color = "auto";
  std::string batch;
  std::string bidi = "auto";
  std::optional<std::size_t> width;
  bool no_pager = false;
  SearcherOptions searcher;  // --weighting
};

bool use_color(const std::string& mode) {
  if (mode == "always") return true;
  if (mode == "never") return false;
  if (mode != "auto") throw Error(ErrorCode::usage, "--color must be auto, always or never");
  const char* no_color = std::getenv("NO_COLOR");
  return isatty(1) && !(no_color && *no_color);
}

void report_warnings(const SearchResult& r, OutputFormat format) {
  // JSON carries them in "warnings"; text and line formats get them on stderr.
  if (format == OutputFormat::Json || format == OutputFormat::Jsonl) return;
  for (const auto& w : r.warnings) std::fprintf(stderr, "nsearch: note: %s\n", w.c_str());
}

// One query a line: "qid<TAB>query", or a bare query numbered from 1. A line the parser
// rejects is reported (a record of type "error" in json and jsonl, a line on stderr otherwise)
// and the batch goes on; the exit code is then 2, else 0 when any query matched, else 1.
int run_batch(Searcher& searcher, SearchRequest request, PrintOptions print, const std::string& path) {
  std::ifstream file;
  std::istream* in = &std::cin;
  if (path != "-") {
    file.open(path);
    if (!file) throw Error(ErrorCode::usage, "cannot read the batch file " + path);
    in = &file;
  }
  std::string line;
  long number = 0;
  bool any_hits = false, any_rejected = false;
  while (std::getline(*in, line)) {
    ++number;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    std::size_t tab = line.find('\t');
    print.qid = tab == std::string::npos ? std::to_string(number) : line.substr(0, tab);
    request.query = tab == std::string::npos ? line : line.substr(tab + 1);
    try {
      SearchResult r = searcher.search(request);
      report_warnings(r, print.format);
      print_result(r, print, stdout);
      any_hits |= r.total > 0;
    } catch (const Error& e) {
      if (exit_code_for(e.code()) != kExitUsage) throw;
      any_rejected = true;
      const std::string why = describe(e);
      std::fprintf(stderr, "nsearch: query %s: %s\n", print.qid.c_str(), why.c_str());
      print_error(request.query, why, print, stdout);
    }
  }
  if (any_rejected) return kExitUsage;
  return any_hits ? kExitOk : kExitNoHits;
}

void run(const SearchOptions& o, int& exit_code) {
  SearchRequest request = search_request(o.params);
  Screen tty = screen();
  PrintOptions print;
  print.format = parse_output_format(o.format);
  print.bidi = bidi_mode(o.bidi, tty);
  // Wrapped to the terminal; in a pipe only when --width asks.
  print.width = o.width ? *o.width : tty.terminal ? tty.columns : 0;
  // Ids and TREC runs print no text and no story: reading them would be wasted time.
  if (print.format == OutputFormat::Ids || print.format == OutputFormat::Trec)
    request.snippets = request.stories = false;
  print.color = print.format == OutputFormat::Text && use_color(o.color);
  bool filters = !o.params.sources.empty() || !o.params.since.empty() || !o.params.until.empty();
  if (o.batch.empty() && o.words.empty() && !filters)
    throw Error(ErrorCode::usage, "nothing to search: give words, a --source or a date, or --batch FILE");
  Searcher searcher(open_indexes(o.index), o.searcher);
  if (!o.batch.empty()) {
    exit_code = run_batch(searcher, request, print, o.batch);
    return;
  }
  for (const auto& w : o.words) request.query += (request.query.empty() ? "" : " ") + w;
  SearchResult r = searcher.search(request);
  report_warnings(r, print.format);
  write_paged(printed_result(r, print), tty, !o.no_pager);
  // grep-like on matches, not on the page: `-n 0` (just the count) exits 0 when anything matched.
  exit_code = r.total == 0 ? kExitNoHits : kExitOk;
}

}  // namespace

void add_search_command(CLI::App& app, int& exit_code) {
  auto o = std::make_shared<SearchOptions>();
  auto* cmd = app.add_subcommand("search", "Search the index (the default command)");
  cmd->footer(
      "Examples:\n"
      "  nsearch \"صدام حفتر أنقرة\"\n"
      "  nsearch search '\"جزيرة الحنة\"'                      exact phrase\n"
      "  nsearch search حفتر --source الجزيرة --since 2020 --facets source,month\n"
      "  nsearch search 'title:حفتر date:2025..' --sort newest --format json\n"
      "  nsearch search --batch questions.tsv --format trec --limit 100\n"
      "Query syntax: `nsearch help query`. Output formats: `nsearch help formats`.\n"
      "Exit codes: 0 matches, 1 none, 2 bad query (--batch: any line rejected); `nsearch help exit-codes`.");
  cmd->add_option("query", o->words, "Query words (see `nsearch help query`)");
  add_index_set_options(cmd, o->index);
  cmd->add_option("--source", o->params.sources, "Only this source, by key or name (repeat for more; OR-ed)")
      ->allow_extra_args(false);
  cmd->add_option("--since", o->params.since, "Only articles dated on or after DATE (YYYY[-MM[-DD]])");
  cmd->add_option("--until", o->params.until, "Only articles dated on or before DATE (YYYY[-MM[-DD]])");
  cmd->add_option("--facets", o->params.facets,
                  "Comma-separated facets: " + fields::names(fields::is_facet, "", "", ", ", ", "));
  cmd->add_option("--sort", o->params.sort, "relevance, newest or oldest")->capture_default_str();
  cmd->add_option("--format", o->format, "text, json, jsonl, ids or trec")->capture_default_str();
  cmd->add_option("--color", o->color, "auto (only on a terminal), always or never")->capture_default_str();
  cmd->add_option("--spelling", o->params.spelling,
                  "suggest (show 'did you mean'), auto (search it when nothing matched) or off")
      ->capture_default_str();
  cmd->add_option("--duplicates", o->params.duplicates,
                  "collapse (one hit per story: copies of an article in other outlets are counted under it) or show "
                  "(every article)")
      ->capture_default_str();
  cmd->add_option("--limit,-n", o->params.limit, "Hits to show")->capture_default_str();
  cmd->add_option("--offset", o->params.offset, "Hits to skip")->capture_default_str();
  cmd->add_option("--snippet-length", o->params.snippet_length, "Snippet length in characters")->capture_default_str();
  cmd->add_flag("--no-snippets", o->params.no_snippets, "Leave snippets out, keep titles (faster)");
  cmd->add_option("--bidi", o->bidi,
                  "Arabic in text output: isolate (for terminals that do bidi), visual (reordered and shaped, for "
                  "terminals that do not), logical, or auto ($NSEARCH_BIDI, else logical in a pipe, visual in xterm, "
                  "tmux, screen and the Linux console, isolate in other terminals)")
      ->capture_default_str();
  cmd->add_option("--width", o->width, "Wrap text output to N columns (default: the terminal's; none in a pipe)");
  cmd->add_flag("--no-pager", o->no_pager, "Do not send long output on a terminal through $PAGER");
  cmd->add_option("--batch", o->batch, "Run one query per line of FILE (- for stdin): qid<TAB>query or a bare query");
  // For the ablation bench (bench/run --weighting), so not in --help.
  cmd->add_option("--weighting", o->searcher.weighting,
                  "Ranking: dlh, pl2, inl2, bm25[:K1,B], bm25plus[:K1,B], lm[:MU]")
      ->group("");
  cmd->callback([o, &exit_code] { run(*o, exit_code); });
}

}  // namespace nsearch::cli
