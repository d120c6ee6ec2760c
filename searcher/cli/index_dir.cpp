// Where the index lives when --index is not given: the environment is read here, in the CLI,
// and nowhere in the libraries.
#include <cstdlib>

#include "searcher/cli/commands.h"

namespace nsearch::cli {

std::filesystem::path resolve_index_dir(const std::string& flag_value) {
  namespace fs = std::filesystem;
  if (!flag_value.empty()) return flag_value;
  if (const char* env = std::getenv("NSEARCH_INDEX"); env && *env) return env;
  if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg) return fs::path(xdg) / "nsearch" / "index";
  const char* home = std::getenv("HOME");
  return fs::path(home && *home ? home : ".") / ".local" / "share" / "nsearch" / "index";
}

}  // namespace nsearch::cli
