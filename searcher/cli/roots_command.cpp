// `nsearch roots`: the roots the index was built from, each with its article count and last scan.
#include <cstdio>
#include <filesystem>
#include <memory>

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include "common/errors.h"
#include "common/index_location.h"
#include "common/roots.h"
#include "common/schema.h"
#include "indexer/document_builder.h"
#include "searcher/cli/commands.h"

namespace nsearch::cli {

namespace {

namespace fs = std::filesystem;

struct RootsOptions {
  std::string index;
  std::string format = "text";
};

// Each root with the articles its files hold: the manifest (in database 0) lists the files, the
// index counts their articles (an article another file took is no longer theirs).
nlohmann::json collect(const IndexSet& set, const fs::path& dir) {
  const Xapian::Database& db = set.db;
  std::vector<RootRecord> roots = parse_roots(db.get_metadata(std::string(schema::kMetaRoots)));
  std::vector<std::uint64_t> articles(roots.size());
  const std::string prefix(schema::kMetaFilePrefix);
  for (auto it = db.metadata_keys_begin(prefix); it != db.metadata_keys_end(prefix); ++it) {
    std::string path = (*it).substr(prefix.size());
    for (std::size_t i = 0; i < roots.size(); ++i) {
      if (!path_under(path, roots[i].path)) continue;
      articles[i] += db.get_termfreq(std::string(schema::kFile) + file_key(path));
      break;
    }
  }
  nlohmann::json list = nlohmann::json::array();
  for (std::size_t i = 0; i < roots.size(); ++i) {
    std::error_code ec;
    list.push_back({{"name", roots[i].name},
                    {"path", roots[i].path},
                    {"articles", articles[i]},
                    {"last_scan", roots[i].last_scan},
                    {"present", fs::exists(roots[i].path, ec)}});
  }
  return {{"format_version", 1}, {"index", dir.string()}, {"roots", list}};
}

void print_text(const nlohmann::json& j) {
  if (j["roots"].empty()) {
    std::puts("no roots recorded; add one with `nsearch index PATH`");
    return;
  }
  std::size_t width = 4;
  for (const auto& r : j["roots"]) width = std::max(width, r["name"].get<std::string>().size());
  std::string out = fmt::format("{:<{}}  {:>8}  {:<20}  {}\n", "name", width, "articles", "last scan", "path");
  for (const auto& r : j["roots"]) {
    std::string scan = r["last_scan"].get<std::string>();
    out += fmt::format("{:<{}}  {:>8}  {:<20}  {}{}\n", r["name"].get<std::string>(), width,
                       r["articles"].get<std::uint64_t>(), scan.empty() ? "never" : scan, r["path"].get<std::string>(),
                       r["present"].get<bool>() ? "" : "  (missing)");
  }
  std::fputs(out.c_str(), stdout);
}

}  // namespace

void add_roots_command(CLI::App& app, int& exit_code) {
  auto opt = std::make_shared<RootsOptions>();
  auto* cmd = app.add_subcommand("roots", "List the folders and files the index was built from");
  cmd->footer(
      "Each root: its name (the start of its articles' ids), the articles it holds, when a run last\n"
      "scanned all of it, and its path. `nsearch index` re-scans them; `nsearch index --forget PATH`\n"
      "removes one and its articles.\n\n"
      "Examples:\n  nsearch roots\n  nsearch roots --format json --index /srv/nsearch");
  add_index_option(cmd, opt->index);
  cmd->add_option("--format", opt->format, "text or json")->capture_default_str();
  cmd->callback([opt, &exit_code] {
    if (opt->format != "text" && opt->format != "json") throw Error(ErrorCode::usage, "--format must be text or json");
    auto dir = resolve_index_dir(opt->index);
    auto roots = collect(open_index_set({dir}, false), dir);
    if (opt->format == "json")
      std::puts(roots.dump(2, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
    else
      print_text(roots);
    exit_code = kExitOk;
  });
}

}  // namespace nsearch::cli
