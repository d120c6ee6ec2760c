// Placeholder until the command lands; replaced by its real implementation.
#include "common/errors.h"
#include "searcher/cli/commands.h"

namespace nsearch::cli {

void add_search_command(CLI::App& app, int& exit_code) {
  auto* cmd = app.add_subcommand("search", "(not yet available)");
  cmd->allow_extras();
  cmd->callback([&exit_code] { throw Error(kExitUsage, "`search` is not implemented yet"); });
}

}  // namespace nsearch::cli
