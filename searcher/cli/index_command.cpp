// `nsearch index`: create or incrementally update the index from article files and JSONL.
#include <sys/resource.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <memory>
#include <optional>
#include <thread>

#include <fmt/core.h>

#include "common/analyzer.h"
#include "common/errors.h"
#include "indexer/indexer.h"
#include "indexer/source_names.h"
#include "searcher/cli/commands.h"
#include "searcher/cli/format_option.h"

namespace nsearch::cli {

namespace {

struct IndexOptions {
  std::vector<std::string> paths;
  std::vector<std::string> forget;
  std::string index;
  bool rebuild = false;
  bool no_delete = false;
  bool wait = false;
  bool quiet = false;
  std::optional<std::size_t> batch_size;  // given: every checkpoint is exactly this size
  unsigned shards = 0;
  std::optional<std::size_t> segment_size;
  unsigned jobs = std::max(1u, std::thread::hardware_concurrency());
  std::string format = "text";
  std::string progress_log;
  bool no_infer = false;
  std::string reference_date;
  std::string source_names;
  std::string analyzer_variant = "default";
};

// CPU time of every thread so far. Beside wall time in the progress log, it tells a build that
// does more work per article late from one that shared a noisy machine.
double cpu_seconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  auto secs = [](const timeval& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6; };
  return secs(usage.ru_utime) + secs(usage.ru_stime);
}

// Redraws one status line on the terminal at most five times a second.
class ProgressLine {
 public:
  void operator()(const IndexProgress& p) {
    auto now = std::chrono::steady_clock::now();
    if (now - last_ < std::chrono::milliseconds(200)) return;
    last_ = now;
    double secs = std::chrono::duration<double>(now - start_).count();
    double mb = p.bytes_done / 1e6;
    std::string line =
        fmt::format("\r{} articles  {:.1f} MB  {:.0f} articles/s", p.articles, mb, secs > 0 ? p.articles / secs : 0.0);
    if (p.bytes_total > 0 && p.bytes_done > 0 && secs > 1) {
      double eta = secs * (double(p.bytes_total) / double(p.bytes_done) - 1);
      line += fmt::format("  {:.0f}%  ETA {:.0f}s", 100.0 * p.bytes_done / p.bytes_total, eta > 0 ? eta : 0);
    }
    std::fputs((line + "\033[K").c_str(), stderr);
    drawn_ = true;
  }
  void clear() {
    if (drawn_) std::fputs("\r\033[K", stderr);
  }

 private:
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now(), last_{};
  bool drawn_ = false;
};

void print_summary(const IndexSummary& s, const std::string& dir, Printer& p) {
  const auto& c = s.counts;
  double mb = s.input_bytes / 1e6;
  // Articles written: unchanged ones mostly cost a stat of their file, and would make a re-run's
  // rate meaningless.
  const std::uint64_t written = c.added + c.updated;
  double rate = s.seconds > 0 ? written / s.seconds : 0;
  auto count = [&](const char* key, std::uint64_t n) { p.map_key(key).integer(static_cast<std::int64_t>(n)); };
  p.begin_map();
  p.map_key("format_version").integer(1);
  p.map_key("index").string(dir);
  count("added", c.added);
  count("updated", c.updated);
  count("unchanged", c.unchanged);
  count("removed", c.removed);
  p.text(fmt::format("{} added, {} updated, {} unchanged, {} removed", c.added, c.updated, c.unchanged, c.removed));
  count("skipped", c.skipped);
  if (c.skipped) p.text(fmt::format(", {} skipped", c.skipped));
  count("warnings", c.warnings);
  if (c.warnings) p.text(fmt::format(", {} warning{}", c.warnings, c.warnings == 1 ? "" : "s"));
  count("missing_roots", c.missing_roots);
  if (c.missing_roots) p.text(fmt::format(", {} {} missing", c.missing_roots, c.missing_roots == 1 ? "root" : "roots"));
  p.map_key("seconds").real(s.seconds);
  count("input_bytes", s.input_bytes);
  p.map_key("input_mb").real(mb);
  p.map_key("articles_per_s").real(rate);
  p.map_key("mb_per_s").real(s.seconds > 0 ? mb / s.seconds : 0);
  const std::string rate_text = written ? fmt::format(", {:.0f} articles/s", rate) : "";
  p.text(fmt::format(" in {:.1f}s ({:.1f} MB{})\n", s.seconds, mb, rate_text));
  p.end();
}

void run(const IndexOptions& opt, int& exit_code) {
  std::string out;
  // One line: a script reads each run's summary as a line of its log.
  std::unique_ptr<Printer> printer = document_printer(opt.format, out, JsonPrinter::Layout::OneLine);
  auto dir = resolve_index_dir(opt.index);
  IndexRequest request;
  request.paths = opt.paths;
  request.forget = opt.forget;
  request.no_delete = opt.no_delete;
  request.store.rebuild = opt.rebuild;
  request.store.wait = opt.wait;
  if (opt.batch_size) {
    request.store.batch_size = std::max<std::size_t>(*opt.batch_size, 1);
    request.store.grow_batch = false;
  }
  request.store.shards = opt.shards;
  if (opt.segment_size) request.store.segment_size = std::max<std::size_t>(*opt.segment_size, 1);
  request.jobs = opt.jobs;
  request.infer = !opt.no_infer;
  if (!opt.reference_date.empty()) {
    auto day = parse_date(opt.reference_date);
    if (!day || day->precision != Date::Precision::Day)
      throw Error(ErrorCode::usage, "--reference-date must be a day, YYYY-MM-DD (got '" + opt.reference_date + "')");
    request.reference_date = day;
  }
  try {
    AnalyzerOptions::variant(opt.analyzer_variant);  // refused before any index is written with it
  } catch (const std::invalid_argument& e) {
    throw Error(ErrorCode::usage, std::string("--analyzer-variant: ") + e.what());
  }
  request.store.analyzer_variant = opt.analyzer_variant;
  if (!opt.source_names.empty()) request.store.source_names = read_source_names(opt.source_names);
  request.report = [](const std::string& line) { std::fprintf(stderr, "nsearch: %s\n", line.c_str()); };
  auto progress = std::make_shared<ProgressLine>();
  bool show_progress = !opt.quiet && opt.format == "text" && isatty(2);
  if (show_progress) {
    request.report = [progress](const std::string& line) {
      progress->clear();
      std::fprintf(stderr, "nsearch: %s\n", line.c_str());
    };
    request.progress = [progress](const IndexProgress& p) { (*progress)(p); };
  }
  std::shared_ptr<std::FILE> log;
  if (!opt.progress_log.empty()) {
    log.reset(std::fopen(opt.progress_log.c_str(), "w"), std::fclose);
    if (!log) throw Error(ErrorCode::usage, "cannot write the progress log " + opt.progress_log);
    auto start = std::chrono::steady_clock::now();
    auto screen = request.progress;
    request.progress = [log, start, screen](const IndexProgress& p) {
      double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      std::fprintf(log.get(), "%.3f %llu %llu %.3f\n", secs, static_cast<unsigned long long>(p.articles),
                   static_cast<unsigned long long>(p.bytes_done), cpu_seconds());
      if (screen) screen(p);
    };
  }
  IndexSummary summary;
  try {
    summary = run_index(dir, request);
  } catch (const Xapian::DatabaseError& e) {
    // A failed write (full disk, quota, I/O error) loses only the uncommitted batch.
    std::string why = e.get_error_string() ? std::string(" (") + e.get_error_string() + ")" : "";
    throw Error(ErrorCode::io,
                "writing the index failed: " + e.get_msg() + why +
                    "; the index keeps its last complete commit: fix the cause and run `nsearch index` again");
  }
  if (show_progress) progress->clear();
  for (const std::string& root : summary.missing_roots)
    std::fprintf(stderr, "nsearch: `nsearch index --forget %s` removes the articles of %s\n", root.c_str(),
                 root.c_str());
  if (!opt.quiet) {
    print_summary(summary, dir.string(), *printer);
    std::fputs(out.c_str(), stdout);
  }
  exit_code = summary.counts.skipped || summary.counts.missing_roots ? kExitSkipped : kExitOk;
}

}  // namespace

void add_index_command(CLI::App& app, int& exit_code) {
  auto opt = std::make_shared<IndexOptions>();
  auto* cmd = app.add_subcommand("index", "Create or update the index from article files and JSON Lines");
  cmd->footer(
      "Inputs: folders of .txt/.md articles (optional front matter between `---` lines: title, source,\n"
      "date, url, author, id), JSON Lines files (.jsonl, .jsonl.gz, .jsonl.xz; fields id, title, body,\n"
      "source, date, url, author), or - for JSON Lines on standard input.\n"
      "What a file's header lacks is read from its text: the headline (not a banner above it), the\n"
      "outlet it credits, its date (relative dates against the file's modification day, or\n"
      "--reference-date); a file without a header also loses its boilerplate. Such values are listed\n"
      "as inferred (`nsearch show`); `nsearch analyze --metadata FILE` shows where each came from.\n\n"
      "Examples:\n"
      "  nsearch index corpus/                     first run: index a folder\n"
      "  nsearch index                             re-scan the recorded folders; only changes are redone\n"
      "  nsearch index news.jsonl.xz --index /srv/nsearch\n"
      "  xzcat feed.jsonl.xz | nsearch index -\n"
      "  nsearch index --forget ~/news/old         remove a root and its articles, re-scan the others\n"
      "  nsearch index --rebuild                   build afresh beside the old index, then swap\n"
      "  nsearch index --rebuild --shards 2        the same, as 2 shards written in parallel\n"
      "  nsearch index scraped/ --reference-date 2025-10-23   pages saved on that day\n"
      "  nsearch index --source-names sources.tsv  name the outlets (alriyadh<TAB>الرياض)\n\n"
      "Each folder or file given is recorded as a root (`nsearch roots` lists them); an article file's id is\n"
      "the root's name and its path under the root (aljazeera/2024-10-23.txt). A root that is missing is\n"
      "reported and its articles kept until `--forget`.\n\n"
      "Exit codes: 0 all indexed, 3 some inputs skipped or a root missing (reported on stderr), 4-7 see\n"
      "`nsearch --help`.");
  cmd->add_option("paths", opt->paths, "Files, folders, or - (default: the paths recorded in the index)");
  add_index_option(cmd, opt->index);
  cmd->add_option("--forget", opt->forget,
                  "Remove this recorded root (its path or its name) and its articles; then re-scan the other roots, "
                  "or the paths given (repeatable)")
      ->allow_extra_args(false);
  cmd->add_flag("--rebuild", opt->rebuild, "Build a fresh index beside the old one and swap it in when complete");
  cmd->add_flag("--no-delete", opt->no_delete, "Keep articles whose file has disappeared");
  cmd->add_flag("--wait", opt->wait, "Wait for another running `nsearch index` instead of failing");
  cmd->add_flag("-q,--quiet", opt->quiet, "No progress and no summary (problems are still reported)");
  cmd->add_option("--batch-size", opt->batch_size,
                  fmt::format("Articles per commit (default: {}, or 1/16 of the articles in the open databases when "
                              "that is more, up to {})",
                              IndexStore::Options{}.batch_size, IndexStore::Options::kLargestGrownBatch));
  cmd->add_option("--shards", opt->shards,
                  "Spread a new (or --rebuild) index over N shards, written in parallel, each a chain of "
                  "databases (default for a new index: one per core, at most 4; else as the index has)")
      ->check(CLI::Range(1u, 64u));
  cmd->add_option("--segment-size", opt->segment_size,
                  fmt::format("Articles a shard's database takes before it is sealed and a new one started, so that "
                              "commits stay fast as the index grows (default: {})",
                              IndexStore::Options{}.segment_size));
  cmd->add_option("--jobs", opt->jobs, "Threads analyzing articles (each shard also has its own writer thread)")
      ->capture_default_str()
      ->check(CLI::Range(1u, 256u));
  cmd->add_flag("--no-infer", opt->no_infer,
                "Read nothing from the text but a header-less file's first line as its title: no inferred outlet "
                "or date, the body as written");
  cmd->add_option("--reference-date", opt->reference_date,
                  "The day scraped files were saved, YYYY-MM-DD: what their 'today', 'yesterday' and weekdays "
                  "mean (default: each file's modification day)");
  cmd->add_option("--format", opt->format, "Summary format: text or json")->capture_default_str();
  cmd->add_option("--source-names", opt->source_names,
                  "Give outlets display names: FILE has one 'KEY<TAB>NAME' a line (alriyadh<TAB>الرياض); "
                  "# starts a comment. The names stay in the index")
      ->check(CLI::ExistingFile);
  cmd->add_option(
      "--progress-log", opt->progress_log,
      "Write 'seconds articles input-bytes cpu-seconds' every 256 articles to FILE, and once more when the run is "
      "complete (for benchmarks)");
  // For the ablation bench (bench/run --variant), so not in --help.
  cmd->add_option("--analyzer-variant", opt->analyzer_variant,
                  "Analyzer variant recorded in a new index (common/analyzer.h: nostem, noprefix, ...)")
      ->group("");
  cmd->callback([opt, &exit_code] { run(*opt, exit_code); });
}

}  // namespace nsearch::cli
