// `nsearch roots`: the roots the index was built from, each with its article count and last scan.
#include <cstdio>
#include <filesystem>
#include <memory>

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include "common/errors.h"
#include "searcher/cli/commands.h"
#include "searcher/index_roots.h"
#include "searcher/index_set.h"

namespace nsearch::cli {

namespace {

namespace fs = std::filesystem;

struct RootsOptions {
  std::string index;
  std::string format = "text";
};

nlohmann::json collect(const Xapian::Database& db, const fs::path& dir) {
  nlohmann::json list = nlohmann::json::array();
  for (const RootInfo& r : index_roots(db)) {
    list.push_back({{"name", r.name},
                    {"path", r.path},
                    {"articles", r.articles},
                    {"last_scan", r.last_scan},
                    {"present", r.present}});
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
    auto roots = collect(open_index_set({dir}, false).db, dir);
    if (opt->format == "json")
      std::puts(roots.dump(2, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
    else
      print_text(roots);
    exit_code = kExitOk;
  });
}

}  // namespace nsearch::cli
