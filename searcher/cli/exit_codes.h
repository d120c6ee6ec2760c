// The one place where library errors become process exit codes, and where the hints that name
// this program's commands and flags are added to their messages.
#pragma once

#include <string>

#include "common/errors.h"

namespace nsearch::cli {

// Exit codes, documented in README.md and in `nsearch --help`. grep-like for search.
enum ExitCode : int {
  kExitOk = 0,             // search: hits; index: everything indexed
  kExitNoHits = 1,         // search: no hits
  kExitUsage = 2,          // bad command line or query the parser rejects
  kExitSkipped = 3,        // index: finished, but some inputs were skipped or a root is missing (see stderr)
  kExitNoIndex = 4,        // no index at the given location
  kExitIncompatible = 5,   // index written by another schema/analyzer version
  kExitLocked = 6,         // index locked by another `nsearch index`
  kExitIo = 7,             // I/O or database error (disk full, corrupt index, ...)
  kExitInterrupted = 130,  // SIGINT
};

ExitCode exit_code_for(ErrorCode code);

// The error as the CLI prints it after "nsearch: ": the message, then the hint (the library's,
// or the CLI's for its code: "pass --wait", "run `nsearch index --rebuild`", ...).
std::string describe(const Error& e);

// An Error of the CLI's own: a bad command line.
inline Error usage_error(const std::string& message) { return Error(ErrorCode::usage, message); }

// One-line description of each exit code, for --help and the README.
const char* exit_code_help();

}  // namespace nsearch::cli
