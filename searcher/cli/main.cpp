#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "common/errors.h"
#include "searcher/cli/commands.h"

namespace {

// `nsearch WORDS...` searches: when no argument names a subcommand, "search" is implied.
std::vector<std::string> with_implied_search(CLI::App& app, int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  bool has_subcommand = false;
  bool has_word = false;
  for (const auto& a : args) {
    if (a.empty() || a[0] != '-') {
      has_word = true;
      for (const auto* sub : app.get_subcommands({})) {
        if (sub->check_name(a)) has_subcommand = true;
      }
      break;  // only the first word can name a subcommand
    }
  }
  if (has_word && !has_subcommand) args.insert(args.begin(), "search");
  return args;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace nsearch;
  CLI::App app{
      "nsearch: full-text search for Arabic news.\n\n"
      "Examples:\n"
      "  nsearch index corpus/                 index a folder of articles\n"
      "  nsearch \"صدام حفتر أنقرة\"               search (same as `nsearch search ...`)\n"
      "  nsearch search '\"جزيرة الحنة\"' --format json\n"
      "  nsearch analyze \"وبالكتاب\"              show how text is normalized and stemmed\n"
      "  nsearch stats                         what the index holds\n"
      "  nsearch roots                         the folders it was built from\n"
      "  nsearch help query                    the query syntax\n",
      "nsearch"};
  app.set_version_flag("--version", "nsearch 0.1.0");
  app.require_subcommand(0, 1);
  app.footer(std::string("Exit codes:\n") + exit_code_help());

  int exit_code = kExitOk;
  cli::add_search_command(app, exit_code);
  cli::add_index_command(app, exit_code);
  cli::add_analyze_command(app, exit_code);
  cli::add_show_command(app, exit_code);
  cli::add_stats_command(app, exit_code);
  cli::add_roots_command(app, exit_code);
  cli::add_help_command(app, exit_code);

  auto args = with_implied_search(app, argc, argv);
  std::vector<std::string> reversed(args.rbegin(), args.rend());  // CLI11 parses a reversed vector
  try {
    app.parse(reversed);
    if (args.empty()) {
      std::fputs(app.help().c_str(), stdout);
      return kExitUsage;
    }
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? kExitOk : kExitUsage;
  } catch (const Error& e) {
    std::fprintf(stderr, "nsearch: %s\n", e.what());
    return e.code();
  } catch (const Xapian::DatabaseLockError& e) {
    std::fprintf(stderr, "nsearch: index is locked by another `nsearch index`; try again when it finishes (%s)\n",
                 e.get_msg().c_str());
    return kExitLocked;
  } catch (const Xapian::Error& e) {
    std::fprintf(stderr, "nsearch: index error: %s: %s\n", e.get_type(), e.get_msg().c_str());
    return kExitIo;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "nsearch: %s\n", e.what());
    return kExitIo;
  }
  return exit_code;
}
