// `nsearch stats`: what the index holds.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <memory>

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include "common/dates.h"
#include "common/errors.h"
#include "common/index_location.h"
#include "common/roots.h"
#include "common/schema.h"
#include "searcher/cli/commands.h"

namespace nsearch::cli {

namespace {

namespace fs = std::filesystem;

struct StatsOptions {
  std::string index;
  std::string format = "text";
};

std::uintmax_t disk_size(const fs::path& dir) {
  std::uintmax_t total = 0;
  std::error_code ec;
  for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    std::error_code fec;
    if (it->is_regular_file(fec)) total += it->file_size(fec);
  }
  return total;
}

nlohmann::json collect(const IndexSet& set, const fs::path& dir) {
  const Xapian::Database& db = set.db;
  nlohmann::json sources = nlohmann::json::array();
  std::string prefix(schema::kSource);
  std::vector<std::pair<std::string, Xapian::doccount>> counts;
  for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it) {
    std::string key = (*it).substr(prefix.size());
    std::string display = db.get_metadata(std::string(schema::kMetaSourcePrefix) + key);
    counts.emplace_back(display.empty() ? key : display, it.get_termfreq());
  }
  std::sort(counts.begin(), counts.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  for (const auto& [name, n] : counts) sources.push_back({{"value", name}, {"count", n}});
  auto meta = [&](std::string_view key) { return db.get_metadata(std::string(key)); };
  nlohmann::json roots = nlohmann::json::array();  // paths; `nsearch roots` has the rest
  for (const auto& r : parse_roots(meta(schema::kMetaRoots))) roots.push_back(r.path);
  return {{"format_version", 1},
          {"index", dir.string()},
          {"documents", db.get_doccount()},
          // A shard is a chain of databases once full ones are sealed: the count searched is
          // the databases'. "shards" was that count before sealing and stays, for scripts.
          {"databases", set.parts.size()},
          {"shards", set.parts.size()},
          {"sources", sources},
          {"date_from", iso_day(db.get_value_lower_bound(schema::kSlotDateStart))},
          {"date_to", iso_day(db.get_value_upper_bound(schema::kSlotDateEnd))},
          {"size_bytes", disk_size(dir)},
          {"schema_version", meta(schema::kMetaSchemaVersion)},
          {"analyzer_version", meta(schema::kMetaAnalyzerVersion)},
          {"analyzer_variant", meta(schema::kMetaAnalyzerVariant)},
          {"last_update", meta(schema::kMetaLastUpdate)},
          {"roots", roots}};
}

void print_text(const nlohmann::json& s) {
  std::string out =
      fmt::format("index       {}\ndocuments   {}\nsize        {:.1f} MB\n", s["index"].get<std::string>(),
                  s["documents"].get<Xapian::doccount>(), s["size_bytes"].get<double>() / 1e6);
  out += fmt::format("databases   {}\n", s["databases"].get<std::size_t>());
  out += fmt::format("dates       {} .. {}\n", s["date_from"].get<std::string>(), s["date_to"].get<std::string>());
  out += fmt::format("versions    schema {}, analyzer {} ({})\n", s["schema_version"].get<std::string>(),
                     s["analyzer_version"].get<std::string>(), s["analyzer_variant"].get<std::string>());
  out += fmt::format("updated     {}\n", s["last_update"].get<std::string>());
  for (const auto& r : s["roots"]) out += fmt::format("root        {}\n", r.get<std::string>());
  out += "sources\n";
  for (const auto& src : s["sources"]) {
    out += fmt::format("  {:>7}  {}\n", src["count"].get<Xapian::doccount>(), src["value"].get<std::string>());
  }
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
    if (opt->format != "text" && opt->format != "json") throw Error(kExitUsage, "--format must be text or json");
    auto dir = resolve_index_dir(opt->index);
    auto stats = collect(open_index_set({dir}, false), dir);
    if (opt->format == "json")
      std::puts(stats.dump(2).c_str());
    else
      print_text(stats);
    exit_code = kExitOk;
  });
}

}  // namespace nsearch::cli
