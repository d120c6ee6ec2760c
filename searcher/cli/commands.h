// One file per command; each registers its subcommand on the app. A command's callback
// stores its exit code in `exit_code` and reports failures by throwing nsearch::Error, which
// main() turns into one line on stderr and the documented exit code (exit_codes.h).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "searcher/cli/exit_codes.h"
#include "searcher/index_set.h"

#include <CLI/CLI.hpp>

namespace nsearch::cli {

// --index DIR, else $NSEARCH_INDEX, else $XDG_DATA_HOME/nsearch/index, else
// ~/.local/share/nsearch/index (index_dir.cpp).
std::filesystem::path resolve_index_dir(const std::string& flag_value);

// --index DIR, shared by every command that opens the index.
inline void add_index_option(CLI::App* cmd, std::string& dir) {
  cmd->add_option("--index", dir, "Index directory (default: $NSEARCH_INDEX, else ~/.local/share/nsearch/index)");
}

// What the reading commands search: one or more --index (directories, databases or stub
// files listing local and remote shards), and whether a shard server that is down may be
// left out.
struct IndexSetOptions {
  std::vector<std::string> indexes;
  bool allow_partial = false;
};

inline void add_index_set_options(CLI::App* cmd, IndexSetOptions& o) {
  cmd->add_option("--index", o.indexes,
                  "Index directory or stub file; repeat to search several as one (default: $NSEARCH_INDEX, else "
                  "~/.local/share/nsearch/index)")
      ->allow_extra_args(false);  // one value per --index, so query words stay query words
  cmd->add_flag("--allow-partial", o.allow_partial,
                "If a remote shard server is down, search the others and mark the results partial");
}

inline IndexSet open_indexes(const IndexSetOptions& o) {
  std::vector<std::filesystem::path> locations;
  for (const auto& i : o.indexes) locations.push_back(resolve_index_dir(i));
  if (locations.empty()) locations.push_back(resolve_index_dir(""));
  return open_index_set(locations, o.allow_partial);
}

void add_analyze_command(CLI::App& app, int& exit_code);  // analyze_command.cpp
void add_index_command(CLI::App& app, int& exit_code);    // index_command.cpp
void add_search_command(CLI::App& app, int& exit_code);   // search_command.cpp
void add_show_command(CLI::App& app, int& exit_code);     // show_command.cpp
void add_sources_command(CLI::App& app, int& exit_code);  // sources_command.cpp
void add_stats_command(CLI::App& app, int& exit_code);    // stats_command.cpp
void add_roots_command(CLI::App& app, int& exit_code);    // roots_command.cpp
void add_serve_command(CLI::App& app, int& exit_code);    // serve_command.cpp
void add_help_command(CLI::App& app, int& exit_code);     // help_command.cpp (`help query` ...)
std::string exit_codes_help();                            // help_command.cpp

}  // namespace nsearch::cli
