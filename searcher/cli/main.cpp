#include <algorithm>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "common/errors.h"
#include "searcher/cli/commands.h"
#include "searcher/cli/exit_codes.h"

namespace {

// Whether some command has an option named arg that takes a value ("--index", "-n").
bool takes_value(CLI::App& app, const std::string& arg) {
  if (arg.size() < 2 || arg[0] != '-' || arg.find('=') != std::string::npos) return false;
  for (const auto* sub : app.get_subcommands({})) {
    const CLI::Option* opt = sub->get_option_no_throw(arg);
    if (opt && opt->get_expected_max() > 0 && opt->get_type_size_max() > 0) return true;
  }
  return false;
}

// `nsearch WORDS...` searches: when the first word (not an option's value) names no command,
// "search" is implied. The command name goes first, so options may come before it
// (`nsearch --index DIR stats`).
std::vector<std::string> with_implied_search(CLI::App& app, int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--") break;
    if (!a.empty() && a[0] == '-') {
      if (takes_value(app, a)) ++i;
      continue;
    }
    for (const auto* sub : app.get_subcommands({})) {
      if (sub->check_name(a)) {
        std::rotate(args.begin(), args.begin() + static_cast<std::ptrdiff_t>(i),
                    args.begin() + static_cast<std::ptrdiff_t>(i) + 1);
        return args;
      }
    }
    break;  // only the first word can name a command
  }
  bool has_word = std::any_of(args.begin(), args.end(), [](const std::string& a) { return a.empty() || a[0] != '-'; });
  if (has_word) args.insert(args.begin(), "search");
  return args;
}

// The option of cmd that arg names ("--limit", "--limit=5", "-n", "-n5"), or null.
const CLI::Option* named_option(const CLI::App& cmd, const std::string& arg) {
  if (arg.size() < 2 || arg[0] != '-') return nullptr;
  std::string name = arg[1] == '-' ? arg.substr(0, arg.find('=')) : arg.substr(0, 2);
  return cmd.get_option_no_throw(name);
}

// Whether `attached` (what follows the letter of a short option: -n5) is a value opt takes: a
// flag takes none, a number option digits only. -nasa and -hamas are no options but words.
bool takes_attached(const CLI::Option& opt, const std::string& attached) {
  if (opt.get_expected_max() == 0 || opt.get_type_size_max() == 0) return false;
  if (opt.get_type_name().find("INT") == std::string::npos) return true;
  return !attached.empty() &&
         std::all_of(attached.begin(), attached.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// "unknown option --sourc; did you mean --source?" (the options that begin like it, or that
// it begins like).
std::string unknown_option_message(const CLI::App& cmd, const std::string& arg) {
  std::string typed = arg.substr(2, arg.find('=') - 2), near;
  for (const CLI::Option* opt : cmd.get_options()) {
    for (const auto& name : opt->get_lnames()) {
      if (!typed.empty() && (name.rfind(typed, 0) == 0 || typed.rfind(name, 0) == 0))
        near += (near.empty() ? "" : " or ") + ("--" + name);
    }
  }
  std::string message = "unknown option " + arg.substr(0, arg.find('=')) + " for `nsearch " + cmd.get_name() + "`";
  return message + (near.empty() ? "; see `nsearch " + cmd.get_name() + " --help`" : "; did you mean " + near + "?");
}

// Search arguments as people type them: an option takes one value per occurrence (repeat it
// for more), whatever follows is query words, and a `-word` that is no option of the command
// is an excluded word (`nsearch حفتر -أنقرة`; `nsearch حفتر -nasa` too, since -n takes a
// number). The options go first and the words after `--`, in their order, so that CLI11 takes
// every one of them as a word.
std::vector<std::string> separate_query_words(const CLI::App& search, const std::vector<std::string>& args) {
  std::vector<std::string> options, words;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--") {
      words.insert(words.end(), args.begin() + static_cast<std::ptrdiff_t>(i) + 1, args.end());
      break;
    }
    const CLI::Option* opt = named_option(search, a);
    bool attached = a.find('=') != std::string::npos || (a.size() > 2 && a[1] != '-');
    if (opt && a.size() > 2 && a[1] != '-' && !takes_attached(*opt, a.substr(2))) opt = nullptr;
    if (!opt && a.size() > 2 && a[0] == '-' && a[1] != '-' && named_option(search, "-" + a)) {  // -limit
      throw nsearch::Error(nsearch::ErrorCode::usage, "unknown option " + a.substr(0, a.find('=')) +
                                                          " for `nsearch search`; did you mean -" +
                                                          a.substr(0, a.find('=')) + "?");
    }
    if (opt) {
      options.push_back(a);
      // The value, unless nothing or another option follows.
      bool next_is_option =
          i + 1 < args.size() && (args[i + 1].rfind("--", 0) == 0 || named_option(search, args[i + 1]));
      if (opt->get_expected_max() > 0 && opt->get_type_size_max() > 0 && !attached) {
        if (i + 1 == args.size() || next_is_option)
          throw nsearch::Error(nsearch::ErrorCode::usage,
                               "option " + a + " needs a value; see `nsearch search --help`");
        options.push_back(args[++i]);
      }
    } else if (a.size() > 1 && a[0] == '-' && a[1] == '-') {
      throw nsearch::Error(nsearch::ErrorCode::usage, unknown_option_message(search, a));
    } else {
      words.push_back(a);  // a word, or a `-word` to exclude
    }
  }
  if (!words.empty()) {
    options.push_back("--");
    options.insert(options.end(), words.begin(), words.end());
  }
  return options;
}

// Arguments in the order CLI11 reads them, with search's query words set apart.
std::vector<std::string> arguments(CLI::App& app, int argc, char** argv) {
  auto args = with_implied_search(app, argc, argv);
  auto first = std::find_if(args.begin(), args.end(), [](const std::string& a) { return a.empty() || a[0] != '-'; });
  if (first != args.end() && *first == "search") {
    std::vector<std::string> rest(first + 1, args.end());
    args.erase(first + 1, args.end());
    auto separated = separate_query_words(*app.get_subcommand("search"), rest);
    args.insert(args.end(), separated.begin(), separated.end());
  }
  return args;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace nsearch;
  using namespace nsearch::cli;
  CLI::App app{
      "nsearch: full-text search for Arabic news.\n\n"
      "Examples:\n"
      "  nsearch index corpus/                 index a folder of articles\n"
      "  nsearch \"صدام حفتر أنقرة\"               search (same as `nsearch search ...`)\n"
      "  nsearch search '\"جزيرة الحنة\"' --format json\n"
      "  nsearch analyze \"وبالكتاب\"              show how text is normalized and stemmed\n"
      "  nsearch stats                         what the index holds\n"
      "  nsearch roots                         the folders it was built from\n"
      "  nsearch serve                         the search page and JSON API on http://127.0.0.1:8080/\n"
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
  cli::add_sources_command(app, exit_code);
  cli::add_serve_command(app, exit_code);
  cli::add_help_command(app, exit_code);

  try {
    auto args = arguments(app, argc, argv);
    std::vector<std::string> reversed(args.rbegin(), args.rend());  // CLI11 parses a reversed vector
    app.parse(reversed);
    if (args.empty()) {
      std::fputs(app.help().c_str(), stdout);
      return kExitUsage;
    }
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? kExitOk : kExitUsage;
  } catch (const Error& e) {
    std::fprintf(stderr, "nsearch: %s\n", cli::describe(e).c_str());
    return cli::exit_code_for(e.code());
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
