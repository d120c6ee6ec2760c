// `nsearch sources`: the outlets of the index, with their keys, display names, article counts
// and date ranges; `--format names` is for shell completion.
#include <cstdio>
#include <memory>

#include "common/errors.h"
#include "searcher/cli/commands.h"
#include "searcher/cli/format_option.h"
#include "searcher/cli/terminal.h"
#include "searcher/command_output.h"
#include "searcher/source_catalog.h"

namespace nsearch::cli {

namespace {

struct SourcesOptions {
  IndexSetOptions index;
  std::string format = "text";
};

// --format names: keys and names, one a line, for shell completion.
void print_names(const std::vector<SourceInfo>& sources, Printer& p) {
  for (const auto& s : sources) {
    p.text(s.key + "\n");
    if (s.name != s.key) p.text(s.name + "\n");
  }
}

}  // namespace

void add_sources_command(CLI::App& app, int& exit_code) {
  auto o = std::make_shared<SourcesOptions>();
  auto* cmd = app.add_subcommand("sources", "List the outlets of the index: key, name, articles, dates");
  cmd->footer(
      "`--source` and `source:` take an outlet's key or its name (give keys names with\n"
      "`nsearch index --source-names FILE`).\n\n"
      "Examples:\n"
      "  nsearch sources\n"
      "  nsearch sources --format json | jq -r '.sources[].key'\n"
      "  nsearch sources --format names              keys and names, one a line (for completion)");
  add_index_set_options(cmd, o->index);
  cmd->add_option("--format", o->format, "text, json or names")->capture_default_str();
  cmd->callback([o, &exit_code] {
    const bool names = o->format == "names";
    if (!names && o->format != "text" && o->format != "json")
      throw Error(ErrorCode::usage, "--format must be text, json or names");
    std::string out;
    std::unique_ptr<Printer> printer = document_printer(names ? "text" : o->format, out);
    IndexSet set = open_indexes(o->index);
    SourceCatalog catalog(set.db, !names);
    if (names)
      print_names(catalog.sources(), *printer);
    else
      print_sources(catalog.sources(), bidi_mode("auto", screen()), *printer);
    write_paged(out, screen(), true);
    exit_code = kExitOk;
  });
}

}  // namespace nsearch::cli
