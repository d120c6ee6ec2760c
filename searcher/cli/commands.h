// One file per command; each registers its subcommand on the app. A command's callback
// stores its exit code in `exit_code` and reports failures by throwing nsearch::Error, which
// main() turns into one line on stderr and the documented exit code.
#pragma once

#include <string>

#include <CLI/CLI.hpp>

namespace nsearch::cli {

// --index DIR, shared by every command that opens the index.
inline void add_index_option(CLI::App* cmd, std::string& dir) {
  cmd->add_option("--index", dir, "Index directory (default: $NSEARCH_INDEX, else ~/.local/share/nsearch/index)");
}

void add_analyze_command(CLI::App& app, int& exit_code);  // analyze_command.cpp
void add_index_command(CLI::App& app, int& exit_code);    // index_command.cpp
void add_search_command(CLI::App& app, int& exit_code);   // search_command.cpp
void add_show_command(CLI::App& app, int& exit_code);     // show_command.cpp
void add_stats_command(CLI::App& app, int& exit_code);    // stats_command.cpp
void add_help_command(CLI::App& app, int& exit_code);     // help_command.cpp (`help query`)

}  // namespace nsearch::cli
