// `nsearch roots`: the roots the index was built from, each with its article count and last scan.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <memory>

#include <fmt/core.h>

#include "common/errors.h"
#include "searcher/cli/commands.h"
#include "searcher/cli/format_option.h"
#include "searcher/index_roots.h"
#include "searcher/index_set.h"

namespace nsearch::cli {

namespace {

namespace fs = std::filesystem;

struct RootsOptions {
  std::string index;
  std::string format = "text";
};

std::string table(const std::vector<RootInfo>& roots) {
  if (roots.empty()) return "no roots recorded; add one with `nsearch index PATH`\n";
  std::size_t width = 4;
  for (const auto& r : roots) width = std::max(width, r.name.size());
  std::string out = fmt::format("{:<{}}  {:>8}  {:<20}  {}\n", "name", width, "articles", "last scan", "path");
  for (const auto& r : roots) {
    out += fmt::format("{:<{}}  {:>8}  {:<20}  {}{}\n", r.name, width, r.articles,
                       r.last_scan.empty() ? "never" : r.last_scan, r.path, r.present ? "" : "  (missing)");
  }
  return out;
}

void print_roots(const std::vector<RootInfo>& roots, const fs::path& dir, Printer& p) {
  p.begin_map();
  p.map_key("format_version").integer(1);
  p.map_key("index").string(dir.string());
  p.map_key("roots").begin_list();
  for (const auto& r : roots) {
    p.begin_map().map_key("name").string(r.name).map_key("path").string(r.path);
    p.map_key("articles").integer(static_cast<std::int64_t>(r.articles)).map_key("last_scan").string(r.last_scan);
    p.map_key("present").boolean(r.present).end();
  }
  p.end();
  if (p.is_text()) p.text(table(roots));
  p.end();
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
    std::string out;
    std::unique_ptr<Printer> printer = document_printer(opt->format, out);
    auto dir = resolve_index_dir(opt->index);
    print_roots(index_roots(open_index_set({dir}, false).db), dir, *printer);
    std::fputs(out.c_str(), stdout);
    exit_code = kExitOk;
  });
}

}  // namespace nsearch::cli
