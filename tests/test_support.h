// Helpers for tests that build real indexes in temporary directories and run the real binary.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace nsearch::test {

// A fresh directory under $TMPDIR, removed with everything in it on destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

 private:
  std::filesystem::path path_;
};

struct RunResult {
  int exit_code = -1;  // the process's exit status, or 128+signal
  std::string out;
  std::string err;
};

// Conditions for the child process, for the hostile-environment tests.
struct ChildLimits {
  int uid = -1;                     // run as this user (and group) when >= 0 (needs root)
  std::uint64_t file_size = 0;      // RLIMIT_FSIZE bytes (SIGXFSZ ignored: writes fail with EFBIG)
  std::uint64_t address_space = 0;  // RLIMIT_AS bytes (ulimit -v)
};

// Runs the built `nsearch` binary with args (no shell), optional stdin text, and returns its
// exit code and output. NSEARCH_INDEX and XDG_DATA_HOME are cleared so a test never touches
// the user's index.
RunResult run_nsearch(const std::vector<std::string>& args, const std::string& stdin_text = "",
                      const ChildLimits& limits = {});

// Runs `nsearch args` on a pseudo-terminal of cols x rows, with env set (NAME, value pairs;
// TERM is xterm-256color unless given), and returns what the terminal received, stdout and
// stderr together, with the terminal's \r\n turned back into \n.
RunResult run_nsearch_tty(const std::vector<std::string>& args, unsigned cols, unsigned rows,
                          const std::vector<std::pair<std::string, std::string>>& env = {});

// Starts the built `nsearch` with args, output discarded, and returns at once (for tests
// that kill it). The caller waits for the pid.
pid_t spawn_nsearch(const std::vector<std::string>& args);

// `nsearch serve --port 0 args...` (the first line of its stdout gives the port), stopped with
// SIGTERM by stop() or on destruction.
class ServeProcess {
 public:
  explicit ServeProcess(const std::vector<std::string>& args);
  ~ServeProcess();
  ServeProcess(const ServeProcess&) = delete;
  ServeProcess& operator=(const ServeProcess&) = delete;
  int port() const { return port_; }
  const std::string& banner() const { return banner_; }  // the line it printed on start
  // The signal (SIGTERM or SIGINT), then its exit code (128+signal if a signal ended it, -1 if it
  // outlived 10 s).
  int stop(int signal = 15);

 private:
  pid_t pid_ = -1;
  int out_ = -1;
  int port_ = 0;
  std::string banner_;
};

// Writes text to path, creating parent directories.
void write_file(const std::filesystem::path& path, const std::string& text);
std::string read_file(const std::filesystem::path& path);
// The databases an index directory's stub lists, in order (as nsearch index names them, which
// changes as it merges and compacts them).
std::vector<std::filesystem::path> databases_of(const std::filesystem::path& index_dir);

// Real text for generated corpora: the sentences (over 40 bytes) of the seed articles in
// corpus/, front matter left out.
std::vector<std::string> seed_sentences();

// The repository's corpus/ directory and ../shared (may not exist).
std::filesystem::path source_dir();
std::filesystem::path shared_dir();

}  // namespace nsearch::test
