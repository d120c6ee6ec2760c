// Errors a user can act on, and the one table that maps them to exit codes.
#pragma once

#include <stdexcept>
#include <string>

namespace nsearch {

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

class Error : public std::runtime_error {
 public:
  Error(ExitCode code, const std::string& message) : std::runtime_error(message), code_(code) {}
  ExitCode code() const { return code_; }

 private:
  ExitCode code_;
};

// One-line description of each exit code, for --help and the README.
const char* exit_code_help();

}  // namespace nsearch
