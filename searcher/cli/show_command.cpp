// `nsearch show ID`: one article's metadata and full text.
#include <cstdio>
#include <memory>

#include <nlohmann/json.hpp>

#include "common/errors.h"
#include "common/index_location.h"
#include "searcher/cli/commands.h"
#include "searcher/cli/terminal.h"
#include "searcher/searcher.h"
#include "searcher/text_layout.h"

namespace nsearch::cli {

void add_show_command(CLI::App& app, int& exit_code) {
  struct Options {
    std::string id, format = "text";
    IndexSetOptions index;
  };
  auto o = std::make_shared<Options>();
  auto* cmd = app.add_subcommand("show", "Show one article: metadata and full text");
  cmd->footer(
      "Examples:\n  nsearch show 002_531c9af4ea5c5933.txt\n  nsearch show snn-2015-07-21-00001 --format json\n"
      "A unique prefix of an id is enough (002_531c9af4ea5c5933).");
  cmd->add_option("id", o->id, "Article id (as printed by search)")->required();
  add_index_set_options(cmd, o->index);
  cmd->add_option("--format", o->format, "text or json")->capture_default_str();
  cmd->callback([o, &exit_code] {
    if (o->format != "text" && o->format != "json") throw Error(kExitUsage, "--format must be text or json");
    Searcher searcher(open_indexes(o->index));
    auto article = searcher.find(o->id);
    if (!article) {
      std::fprintf(stderr, "nsearch: no article with id '%s' (or it is an ambiguous prefix)\n", o->id.c_str());
      exit_code = kExitNoHits;
      return;
    }
    const Article& a = *article;
    if (o->format == "json") {
      nlohmann::json j = nlohmann::json::parse(a.to_json());
      j["format_version"] = 1;
      std::puts(j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
    } else {
      std::string out = "id:     " + a.id + "\ntitle:  " + a.title + "\n";
      if (!a.source.empty()) out += "source: " + a.source + "\n";
      if (!a.date.empty()) out += "date:   " + a.date.text() + "\n";
      if (!a.url.empty()) out += "url:    " + a.url + "\n";
      if (!a.author.empty()) out += "author: " + a.author + "\n";
      out += "file:   " + a.path + (a.line ? ":" + std::to_string(a.line) : "") + "\n\n" + a.body + "\n";
      // The article as stored, but never its escape sequences or bidi overrides.
      write_paged(printable(out), screen(), true);
    }
    exit_code = kExitOk;
  });
}

}  // namespace nsearch::cli
