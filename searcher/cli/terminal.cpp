#include "searcher/cli/terminal.h"

#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "common/errors.h"

namespace nsearch::cli {

namespace {

std::size_t env_number(const char* name) {
  const char* v = std::getenv(name);
  if (!v || !*v) return 0;
  char* end = nullptr;
  long n = std::strtol(v, &end, 10);
  return *end == '\0' && n > 0 ? static_cast<std::size_t>(n) : 0;
}

bool env_set(const char* name) {
  const char* v = std::getenv(name);
  return v && *v;
}

}  // namespace

Screen screen() {
  Screen s;
  s.terminal = isatty(STDOUT_FILENO);
  winsize size{};
  if (s.terminal && ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) {
    s.columns = size.ws_col;
    s.rows = size.ws_row;
  }
  if (!s.columns) s.columns = env_number("COLUMNS");
  if (!s.rows) s.rows = env_number("LINES");
  return s;
}

BidiMode bidi_mode(const std::string& option, const Screen& screen) {
  std::string mode = option;
  if (mode == "auto" && env_set("NSEARCH_BIDI")) mode = std::getenv("NSEARCH_BIDI");
  if (mode == "logical") return BidiMode::Logical;
  if (mode == "isolate") return BidiMode::Isolate;
  if (mode == "visual") return BidiMode::Visual;
  if (mode != "auto")
    throw Error(ErrorCode::usage, "--bidi must be auto, isolate, visual or logical (got '" + mode + "')");
  if (!screen.terminal) return BidiMode::Logical;
  // Terminals known to draw characters in the order they come: xterm, the Linux console, and
  // tmux and screen, which redraw cell by cell whatever terminal they run in.
  std::string_view term = env_set("TERM") ? std::getenv("TERM") : "";
  if (env_set("XTERM_VERSION") || env_set("TMUX") || term == "linux" || term.rfind("screen", 0) == 0 ||
      term.rfind("tmux", 0) == 0)
    return BidiMode::Visual;
  return BidiMode::Isolate;
}

void write_paged(const std::string& text, const Screen& screen, bool paging) {
  std::size_t lines = static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
  const char* pager = std::getenv("PAGER");
  std::string command = pager ? pager : "less";
  bool page =
      paging && screen.terminal && screen.rows > 0 && lines >= screen.rows && !command.empty() && command != "cat";
  if (page) {
    // F: quit at once if it fits after all; R: pass colours through; X: leave the screen as is.
    setenv("LESS", "FRX", 0);
    std::fflush(stdout);
    if (std::FILE* p = popen(command.c_str(), "w")) {
      auto old = std::signal(SIGPIPE, SIG_IGN);  // the reader may quit before the end
      std::fwrite(text.data(), 1, text.size(), p);
      pclose(p);
      std::signal(SIGPIPE, old);
      return;
    }
  }
  std::fwrite(text.data(), 1, text.size(), stdout);
}

}  // namespace nsearch::cli
