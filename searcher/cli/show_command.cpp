// `nsearch show ID`: one article's metadata and full text.
#include <cstdio>
#include <memory>

#include "common/errors.h"
#include "searcher/cli/commands.h"
#include "searcher/cli/format_option.h"
#include "searcher/cli/terminal.h"
#include "searcher/command_output.h"
#include "searcher/searcher.h"
#include "searcher/text_layout.h"

namespace nsearch::cli {

void add_show_command(CLI::App& app, int& exit_code) {
  struct Options {
    std::string id, format = "text";
    bool story = false;
    IndexSetOptions index;
  };
  auto o = std::make_shared<Options>();
  auto* cmd = app.add_subcommand("show", "Show one article: metadata and full text");
  cmd->footer(
      "Examples:\n  nsearch show corpus/002_531c9af4ea5c5933.txt\n  nsearch show snn-2015-07-21-00001 --format json\n"
      "A unique prefix of an id is enough (corpus/002_531c), and so is an article file's id without its\n"
      "root's name (002_531c9af4ea5c5933.txt) when one root has it.");
  cmd->add_option("id", o->id, "Article id (as printed by search)")->required();
  add_index_set_options(cmd, o->index);
  cmd->add_option("--format", o->format, "text or json")->capture_default_str();
  cmd->add_flag("--story", o->story, "Show the article's story instead: its members, first published first");
  cmd->callback([o, &exit_code] {
    std::string out;
    std::unique_ptr<Printer> printer = document_printer(o->format, out);
    Searcher searcher(open_indexes(o->index));
    auto found = searcher.find(o->id);
    if (!found.article) {
      std::fprintf(stderr, "nsearch: %s\n", lookup_failure(o->id, found).c_str());
      exit_code = kExitNoHits;
      return;
    }
    const Article& a = *found.article;
    if (o->story) {
      auto story = searcher.story(a.id);
      if (!story) throw Error(ErrorCode::inconsistent, "the index holds no story for '" + a.id + "'");
      print_story(*story, a.id, *printer);
    } else {
      print_article(a, *printer);
    }
    if (printer->is_text())
      write_paged(printable(out), screen(), true);  // the article as stored, but never its escape sequences
    else
      std::fputs(out.c_str(), stdout);
    exit_code = kExitOk;
  });
}

}  // namespace nsearch::cli
