// `nsearch help [TOPIC]`: the query syntax, the output formats and the exit codes.
#include <memory>
#include <string>

#include "common/errors.h"
#include "searcher/cli/commands.h"
#include "searcher/cli/help_topics.h"
#include "searcher/cli/terminal.h"

namespace nsearch::cli {

std::string exit_codes_help() {
  return std::string("Exit codes\n\n") + exit_code_help() +
         "\nsearch --batch: 2 when any line was rejected (each reported), else 0 when any query\n"
         "matched, else 1. search -n 0 exits 0 when anything matched.\n";
}

void add_help_command(CLI::App& app, int& exit_code) {
  auto topic = std::make_shared<std::string>();
  auto* cmd = app.add_subcommand("help", "Help topics: query, formats, exit-codes");
  cmd->footer(
      "Examples:\n  nsearch help query         the query syntax\n"
      "  nsearch help formats       text, json, jsonl, ids and trec output, and --batch\n"
      "  nsearch help exit-codes    what each exit code means\n"
      "Each command has its own help: nsearch search --help, nsearch index --help, ...");
  cmd->add_option("topic", *topic, "query, formats or exit-codes");
  cmd->callback([topic, &app, &exit_code] {
    std::string text;
    if (*topic == "query")
      text = query_syntax_help();
    else if (*topic == "formats")
      text = output_formats_help();
    else if (*topic == "exit-codes")
      text = exit_codes_help();
    else if (topic->empty())
      text = app.help();
    else
      throw Error(ErrorCode::usage, "no help on '" + *topic + "'; topics: query, formats, exit-codes");
    write_paged(text, screen(), true);
    exit_code = kExitOk;
  });
}

}  // namespace nsearch::cli
