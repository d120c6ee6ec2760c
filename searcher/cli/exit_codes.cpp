#include "searcher/cli/exit_codes.h"

namespace nsearch::cli {

ExitCode exit_code_for(ErrorCode code) {
  switch (code) {
    case ErrorCode::usage:
    case ErrorCode::no_input:
    case ErrorCode::unknown_root:
    case ErrorCode::unknown_source:
    case ErrorCode::query:
    case ErrorCode::shard_count:
    case ErrorCode::root_missing: return kExitUsage;
    case ErrorCode::no_index:
    case ErrorCode::unreadable: return kExitNoIndex;
    case ErrorCode::incompatible: return kExitIncompatible;
    case ErrorCode::locked: return kExitLocked;
    case ErrorCode::inconsistent:
    case ErrorCode::unreachable:
    case ErrorCode::io: return kExitIo;
  }
  return kExitIo;
}

namespace {

// What to do about it, in this program's commands and flags (with the separator before it).
std::string cli_hint(const Error& e) {
  switch (e.code()) {
    case ErrorCode::no_input: return "; try `nsearch index PATH`";
    case ErrorCode::unknown_root: return "; `nsearch roots` lists them";
    case ErrorCode::unknown_source: return "; `nsearch sources` lists them all";
    case ErrorCode::no_index: return "; create one with `nsearch index PATH`";
    case ErrorCode::incompatible: return ": run `nsearch index --rebuild`";
    case ErrorCode::inconsistent: return "; rebuild it with `nsearch index --rebuild`";
    case ErrorCode::locked: return "; try again when it finishes, or pass --wait";
    case ErrorCode::shard_count: return "; to change that run `nsearch index --rebuild --shards " + e.subject() + "`";
    case ErrorCode::root_missing:
      return ": plug it back in, or remove it with `nsearch index --forget " + e.subject() +
             "`; the index is unchanged";
    case ErrorCode::unreachable: return "; pass --allow-partial to search the other shards";
    default: return "";
  }
}

}  // namespace

std::string describe(const Error& e) {
  if (!e.hint().empty()) return e.message() + "; " + e.hint();
  return e.message() + cli_hint(e);
}

const char* exit_code_help() {
  return "  0  search: hits found; index: every input indexed\n"
         "  1  search: no hits\n"
         "  2  usage error, or a query the parser rejects\n"
         "  3  index: finished, but some inputs were skipped or a root is missing (each reported on stderr)\n"
         "  4  no index at that location (run `nsearch index PATH`)\n"
         "  5  index written by another version (run `nsearch index --rebuild`)\n"
         "  6  index locked by another `nsearch index` (try again, or pass --wait)\n"
         "  7  I/O or database error\n";
}

}  // namespace nsearch::cli
