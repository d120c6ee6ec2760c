// `nsearch stats`: what the index holds.
#include <cstdio>
#include <memory>

#include <fmt/core.h>

#include "common/errors.h"
#include "searcher/cli/commands.h"
#include "searcher/cli/format_option.h"
#include "searcher/index_set.h"
#include "searcher/index_stats.h"

namespace nsearch::cli {

namespace {

struct StatsOptions {
  std::string index;
  std::string format = "text";
};

void print_stats(const IndexStats& s, Printer& p) {
  p.begin_map();
  p.map_key("format_version").integer(1);
  p.map_key("index").string(s.index).text(fmt::format("index       {}\n", s.index));
  p.map_key("documents").integer(s.documents).text(fmt::format("documents   {}\n", s.documents));
  p.map_key("size_bytes").integer(static_cast<std::int64_t>(s.size_bytes));
  p.text(fmt::format("size        {:.1f} MB\n", static_cast<double>(s.size_bytes) / 1e6));
  // A shard is a chain of databases once full ones are sealed: the count searched is the
  // databases'. "shards" was that count before sealing and stays, for scripts.
  p.map_key("databases").integer(s.databases).text(fmt::format("databases   {}\n", s.databases));
  p.map_key("shards").integer(s.databases);
  p.map_key("date_from").string(s.date_from).map_key("date_to").string(s.date_to);
  p.text(fmt::format("dates       {} .. {}\n", s.date_from, s.date_to));
  p.map_key("schema_version").string(s.schema_version);
  p.map_key("analyzer_version").string(s.analyzer_version);
  p.map_key("analyzer_variant").string(s.analyzer_variant);
  p.text(fmt::format("versions    schema {}, analyzer {} ({})\n", s.schema_version, s.analyzer_version,
                     s.analyzer_variant));
  p.map_key("last_update").string(s.last_update).text(fmt::format("updated     {}\n", s.last_update));
  p.map_key("roots").begin_list();
  for (const auto& r : s.roots) p.string(r).text(fmt::format("root        {}\n", r));
  p.end();
  p.map_key("sources").begin_list().text("sources\n");
  for (const auto& src : s.sources) {
    p.begin_map().map_key("value").string(src.name).map_key("count").integer(src.count).end();
    p.text(fmt::format("  {:>7}  {}\n", src.count, src.name));
  }
  p.end().end();
}

}  // namespace

void add_stats_command(CLI::App& app, int& exit_code) {
  auto opt = std::make_shared<StatsOptions>();
  auto* cmd = app.add_subcommand("stats", "Show what the index holds");
  cmd->footer("Examples:\n  nsearch stats\n  nsearch stats --format json --index /srv/nsearch");
  add_index_option(cmd, opt->index);
  cmd->add_option("--format", opt->format, "text or json")->capture_default_str();
  cmd->callback([opt, &exit_code] {
    std::string out;
    std::unique_ptr<Printer> printer = document_printer(opt->format, out);
    auto dir = resolve_index_dir(opt->index);
    print_stats(index_stats(open_index_set({dir}, false), dir), *printer);
    std::fputs(out.c_str(), stdout);
    exit_code = kExitOk;
  });
}

}  // namespace nsearch::cli
