// `nsearch show ID`: one article's metadata and full text.
#include <algorithm>
#include <cstdio>
#include <memory>

#include <fmt/core.h>

#include "common/errors.h"
#include "searcher/cli/commands.h"
#include "searcher/cli/terminal.h"
#include "searcher/index_set.h"
#include "searcher/json_documents.h"
#include "searcher/searcher.h"
#include "searcher/text_layout.h"

namespace nsearch::cli {

namespace {

// The members in publication order: date, outlet, id and title, one line each (text), or the
// story object with each member's details (json).
void show_story(const std::optional<StoryInfo>& story, const std::string& id, bool json) {
  if (!story) throw Error(ErrorCode::inconsistent, "the index holds no story for '" + id + "'");
  if (json) {
    std::fputs(story_document(*story).c_str(), stdout);
    return;
  }
  std::string out = fmt::format("story {}: {} article{}, first published first\n\n", story->id, story->count,
                                story->count == 1 ? "" : "s");
  for (std::size_t i = 0; i < story->members.size(); ++i) {
    const StoryMember& m = story->members[i];
    out += fmt::format("{}. {} · {} · {}{}\n   {}\n", i + 1, m.date.empty() ? "undated" : m.date,
                       m.source.empty() ? "-" : m.source, m.id, m.id == id ? "  (this article)" : "", m.title);
  }
  write_paged(printable(out), screen(), true);
}

}  // namespace

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
    if (o->format != "text" && o->format != "json") throw Error(ErrorCode::usage, "--format must be text or json");
    Searcher searcher(open_indexes(o->index));
    auto found = searcher.find(o->id);
    if (!found.article) {
      std::fprintf(stderr, "nsearch: %s\n", lookup_failure(o->id, found).c_str());
      exit_code = kExitNoHits;
      return;
    }
    const Article& a = *found.article;
    if (o->story) {
      show_story(searcher.story(a.id), a.id, o->format == "json");
    } else if (o->format == "json") {
      std::fputs(article_document(a).c_str(), stdout);
    } else {
      // A value read from the text, not given by the file, says so.
      auto mark = [&](const char* field) {
        return std::find(a.inferred.begin(), a.inferred.end(), field) != a.inferred.end() ? "  (inferred)" : "";
      };
      std::string out = "id:     " + a.id + "\ntitle:  " + a.title + mark("title") + "\n";
      if (!a.source.empty()) out += "source: " + a.source + mark("source") + "\n";
      for (const auto& co : a.co_sources) out += "with:   " + co + "\n";
      if (!a.date.empty()) out += "date:   " + a.date.text() + mark("date") + "\n";
      if (!a.url.empty()) out += "url:    " + a.url + "\n";
      if (!a.author.empty()) out += "author: " + a.author + "\n";
      std::string path;  // a file name may hold control characters: shown as %XX
      for (unsigned char c : a.path)
        path += c < 0x20 || c == 0x7F ? fmt::format("%{:02X}", c) : std::string(1, char(c));
      out += "file:   " + path + (a.line ? ":" + std::to_string(a.line) : "") + "\n\n" + a.body + "\n";
      // The article as stored, but never its escape sequences or bidi overrides.
      write_paged(printable(out), screen(), true);
    }
    exit_code = kExitOk;
  });
}

}  // namespace nsearch::cli
