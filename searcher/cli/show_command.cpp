// Placeholder until the command lands; replaced by its real implementation.
#include "common/errors.h"
#include "searcher/cli/commands.h"

namespace nsearch::cli {

void add_show_command(CLI::App& app, int& exit_code) {
  auto* cmd = app.add_subcommand("show", "(not yet available)");
  cmd->allow_extras();
  cmd->callback([&exit_code] { throw Error(kExitUsage, "`show` is not implemented yet"); });
}

}  // namespace nsearch::cli
