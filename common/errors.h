// Errors a caller can act on: what kind of failure (a semantic code), what happened (the
// message), and what the caller's user might do about it (the hint). Library code knows no
// process exit codes and no command-line flags: the CLI maps codes to exit codes and adds
// hints in its own terms (searcher/cli/exit_codes.cpp); another caller maps them its way.
#pragma once

#include <stdexcept>
#include <string>

namespace nsearch {

enum class ErrorCode {
  usage,           // a request that cannot be carried out as given (a value out of its set)
  no_input,        // an indexing run given no paths, where the index has none recorded either
  unknown_root,    // a root named that the index has not recorded (subject: the name given)
  unknown_source,  // an outlet named that the index does not hold (the message names the closest)
  query,           // a query, or a date or outlet in it, that has no sensible reading
  no_index,        // no index at the location
  unreadable,      // something is at the location, but it cannot be opened as an index
  incompatible,    // the index was written with another schema or analyzer version
  inconsistent,    // the index's own records disagree (it must be rebuilt)
  locked,          // another writer holds the index
  shard_count,     // the request asks for another shard count than the index has
  root_missing,    // a recorded root is missing where the request needs it (subject: the root)
  unreachable,     // a remote shard server cannot be reached
  io,              // I/O or database error (disk full, corrupt index, ...)
};

class Error : public std::runtime_error {
 public:
  // subject: what the remedy is about, when it needs naming (a root, a shard count).
  Error(ErrorCode code, const std::string& message, std::string hint = "", std::string subject = "")
      : std::runtime_error(message), code_(code), hint_(std::move(hint)), subject_(std::move(subject)) {}
  ErrorCode code() const { return code_; }
  std::string message() const { return what(); }
  const std::string& hint() const { return hint_; }
  const std::string& subject() const { return subject_; }

 private:
  ErrorCode code_;
  std::string hint_;
  std::string subject_;
};

}  // namespace nsearch
