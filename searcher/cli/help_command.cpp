// `nsearch help query`: the query syntax.
#include <cstdio>
#include <memory>

#include "common/errors.h"
#include "searcher/cli/commands.h"
#include "searcher/query_syntax.h"

namespace nsearch::cli {

void add_help_command(CLI::App& app, int& exit_code) {
  auto topic = std::make_shared<std::string>();
  auto* cmd = app.add_subcommand("help", "Help topics: `nsearch help query`");
  cmd->footer("Examples:\n  nsearch help query");
  cmd->add_option("topic", *topic, "query");
  cmd->callback([topic, &app, &exit_code] {
    if (*topic == "query") {
      std::fputs(query_syntax_help(), stdout);
    } else if (topic->empty()) {
      std::fputs(app.help().c_str(), stdout);
    } else {
      throw Error(kExitUsage, "no help on '" + *topic + "'; try `nsearch help query`");
    }
    exit_code = kExitOk;
  });
}

}  // namespace nsearch::cli
