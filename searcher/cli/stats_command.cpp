// `nsearch stats`: what the index holds.
#include <cstdio>
#include <memory>

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include "common/errors.h"
#include "searcher/cli/commands.h"
#include "searcher/index_set.h"
#include "searcher/index_stats.h"

namespace nsearch::cli {

namespace {

struct StatsOptions {
  std::string index;
  std::string format = "text";
};

nlohmann::json to_json(const IndexStats& s) {
  nlohmann::json sources = nlohmann::json::array();
  for (const auto& src : s.sources) sources.push_back({{"value", src.name}, {"count", src.count}});
  return {{"format_version", 1},
          {"index", s.index},
          {"documents", s.documents},
          // A shard is a chain of databases once full ones are sealed: the count searched is
          // the databases'. "shards" was that count before sealing and stays, for scripts.
          {"databases", s.databases},
          {"shards", s.databases},
          {"sources", sources},
          {"date_from", s.date_from},
          {"date_to", s.date_to},
          {"size_bytes", s.size_bytes},
          {"schema_version", s.schema_version},
          {"analyzer_version", s.analyzer_version},
          {"analyzer_variant", s.analyzer_variant},
          {"last_update", s.last_update},
          {"roots", s.roots}};
}

void print_text(const IndexStats& s) {
  std::string out = fmt::format("index       {}\ndocuments   {}\nsize        {:.1f} MB\n", s.index, s.documents,
                                static_cast<double>(s.size_bytes) / 1e6);
  out += fmt::format("databases   {}\n", s.databases);
  out += fmt::format("dates       {} .. {}\n", s.date_from, s.date_to);
  out += fmt::format("versions    schema {}, analyzer {} ({})\n", s.schema_version, s.analyzer_version,
                     s.analyzer_variant);
  out += fmt::format("updated     {}\n", s.last_update);
  for (const auto& r : s.roots) out += fmt::format("root        {}\n", r);
  out += "sources\n";
  for (const auto& src : s.sources) out += fmt::format("  {:>7}  {}\n", src.count, src.name);
  std::fputs(out.c_str(), stdout);
}

}  // namespace

void add_stats_command(CLI::App& app, int& exit_code) {
  auto opt = std::make_shared<StatsOptions>();
  auto* cmd = app.add_subcommand("stats", "Show what the index holds");
  cmd->footer("Examples:\n  nsearch stats\n  nsearch stats --format json --index /srv/nsearch");
  add_index_option(cmd, opt->index);
  cmd->add_option("--format", opt->format, "text or json")->capture_default_str();
  cmd->callback([opt, &exit_code] {
    if (opt->format != "text" && opt->format != "json") throw Error(ErrorCode::usage, "--format must be text or json");
    auto dir = resolve_index_dir(opt->index);
    IndexStats stats = index_stats(open_index_set({dir}, false), dir);
    if (opt->format == "json")
      std::puts(to_json(stats).dump(2).c_str());
    else
      print_text(stats);
    exit_code = kExitOk;
  });
}

}  // namespace nsearch::cli
