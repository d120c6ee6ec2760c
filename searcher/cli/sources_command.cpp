// `nsearch sources`: the outlets of the index, with their keys, display names, article counts
// and date ranges; `--format names` is for shell completion.
#include <cstdio>
#include <memory>

#include <fmt/core.h>

#include "common/errors.h"
#include "searcher/cli/commands.h"
#include "searcher/cli/terminal.h"
#include "searcher/json_documents.h"
#include "searcher/source_catalog.h"
#include "searcher/text_layout.h"

namespace nsearch::cli {

namespace {

struct SourcesOptions {
  IndexSetOptions index;
  std::string format = "text";
};

std::string padded(const std::string& text, std::size_t width) {
  std::size_t w = display_width(text);
  return text + std::string(w < width ? width - w : 0, ' ');
}

// Keys are mostly Latin and names mostly Arabic: the name goes last, so that a right-to-left
// name cannot move the columns, and each key and name is a field (isolated on a terminal).
std::string text_table(const std::vector<SourceInfo>& sources, BidiMode bidi) {
  std::size_t key_width = 3;
  for (const auto& s : sources) key_width = std::max(key_width, display_width(s.key));
  std::string out =
      render_line(
          {{fmt::format("{:>8}  {}  {:<10}  {:<10}  name", "articles", padded("key", key_width), "from", "to"), false}},
          false, bidi, {}, 0) +
      "\n";
  for (const auto& s : sources) {
    std::string line =
        fmt::format("{:>8}  {}  {:<10}  {:<10}  {}", s.count, field(padded(s.key, key_width), bidi),
                    s.date_from.empty() ? "-" : s.date_from, s.date_to.empty() ? "-" : s.date_to, field(s.name, bidi));
    out += render_line({{line, false}}, false, bidi, {}, 0) + "\n";
  }
  return out;
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
    if (o->format != "text" && o->format != "json" && o->format != "names")
      throw Error(ErrorCode::usage, "--format must be text, json or names");
    IndexSet set = open_indexes(o->index);
    SourceCatalog catalog(set.db, o->format != "names");
    std::string out;
    if (o->format == "json") {
      out = sources_document(catalog.sources());
    } else if (o->format == "names") {
      for (const auto& s : catalog.sources()) {
        out += s.key + "\n";
        if (s.name != s.key) out += s.name + "\n";
      }
    } else {
      out = text_table(catalog.sources(), bidi_mode("auto", screen()));
    }
    write_paged(out, screen(), true);
    exit_code = kExitOk;
  });
}

}  // namespace nsearch::cli
