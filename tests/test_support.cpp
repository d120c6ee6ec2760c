#include "tests/test_support.h"

#include <fcntl.h>
#include <grp.h>
#include <poll.h>
#include <pty.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>
#include <string_view>
#include <thread>

namespace nsearch::test {

namespace fs = std::filesystem;

TempDir::TempDir() {
  std::random_device rd;
  for (int attempt = 0; attempt < 100; ++attempt) {
    auto candidate = fs::temp_directory_path() / ("nsearch-test-" + std::to_string(rd()));
    if (fs::create_directory(candidate)) {
      path_ = candidate;
      return;
    }
  }
  throw std::runtime_error("cannot create a temporary directory");
}

TempDir::~TempDir() {
  std::error_code ec;
  fs::remove_all(path_, ec);
}

namespace {

std::string drain(int fd) {
  std::string text;
  char buf[65536];
  ssize_t n;
  while ((n = ::read(fd, buf, sizeof buf)) > 0) text.append(buf, static_cast<size_t>(n));
  ::close(fd);
  return text;
}

// `nsearch args`, away from the user's index, made ready before the fork: tests fork from
// several threads at once, and a child that allocates may wait forever on an allocator lock
// another thread held at the fork (ASan's allocator takes no care of fork). The child only
// duplicates descriptors, sets limits and calls exec().
class NsearchExec {
 public:
  // env: variables to set (NAME, value); unset: variables to remove. NSEARCH_INDEX and
  // XDG_DATA_HOME are always removed.
  explicit NsearchExec(const std::vector<std::string>& args,
                       const std::vector<std::pair<std::string, std::string>>& env = {},
                       std::vector<std::string> unset = {})
      : args_(args) {
    args_.insert(args_.begin(), NSEARCH_BIN);
    unset.insert(unset.end(), {"NSEARCH_INDEX", "XDG_DATA_HOME"});
    for (const auto& [name, value] : env) unset.push_back(name);
    for (char** e = environ; *e; ++e) {
      std::string_view entry(*e);
      std::string_view name = entry.substr(0, entry.find('='));
      if (std::find(unset.begin(), unset.end(), name) == unset.end()) env_.emplace_back(entry);
    }
    for (const auto& [name, value] : env) env_.push_back(name + "=" + value);
    for (auto& a : args_) argv_.push_back(a.data());
    argv_.push_back(nullptr);
    for (auto& e : env_) envp_.push_back(e.data());
    envp_.push_back(nullptr);
  }
  [[noreturn]] void exec() const {
    execve(argv_[0], argv_.data(), envp_.data());
    _exit(127);
  }

 private:
  std::vector<std::string> args_, env_;
  std::vector<char*> argv_, envp_;
};

// A pipe whose ends no other child inherits: a sibling holding a write end would keep this
// child's reader waiting for the end of its output until the sibling exits.
void make_pipe(int fds[2]) {
  if (pipe2(fds, O_CLOEXEC) != 0) throw std::runtime_error("pipe failed");
}

}  // namespace

RunResult run_nsearch_tty(const std::vector<std::string>& args, unsigned cols, unsigned rows,
                          const std::vector<std::pair<std::string, std::string>>& env) {
  winsize size{};
  size.ws_col = static_cast<unsigned short>(cols);
  size.ws_row = static_cast<unsigned short>(rows);
  std::vector<std::pair<std::string, std::string>> child_env = {{"TERM", "xterm-256color"}};
  for (const auto& [name, value] : env) {
    if (name == "TERM")
      child_env.front().second = value;
    else
      child_env.emplace_back(name, value);
  }
  const NsearchExec command(args, child_env,
                            {"XTERM_VERSION", "TMUX", "NSEARCH_BIDI", "NO_COLOR", "COLUMNS", "LINES", "LESS"});
  int master = -1;
  pid_t pid = forkpty(&master, nullptr, nullptr, &size);
  if (pid < 0) throw std::runtime_error("forkpty failed");
  if (pid == 0) command.exec();
  RunResult result;
  char buf[65536];
  ssize_t n;
  while ((n = ::read(master, buf, sizeof buf)) > 0) result.out.append(buf, static_cast<size_t>(n));  // EIO at the end
  ::close(master);
  int status = 0;
  waitpid(pid, &status, 0);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  for (std::size_t at; (at = result.out.find("\r\n")) != std::string::npos;) result.out.erase(at, 1);
  return result;
}

pid_t spawn_nsearch(const std::vector<std::string>& args) {
  const NsearchExec command(args);
  pid_t pid = fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    int devnull = ::open("/dev/null", O_WRONLY);
    dup2(devnull, 1);
    dup2(devnull, 2);
    command.exec();
  }
  return pid;
}

ServeProcess::ServeProcess(const std::vector<std::string>& args) {
  std::vector<std::string> all{"serve", "--port", "0"};
  all.insert(all.end(), args.begin(), args.end());
  const NsearchExec command(all);
  int pipe_fds[2];
  make_pipe(pipe_fds);
  pid_ = fork();
  if (pid_ < 0) throw std::runtime_error("fork failed");
  if (pid_ == 0) {
    dup2(pipe_fds[1], 1);  // the duplicate is not closed on exec; the originals are
    command.exec();
  }
  ::close(pipe_fds[1]);
  out_ = pipe_fds[0];
  // The banner: "nsearch serve: listening on http://127.0.0.1:PORT/ (...)".
  pollfd p{out_, POLLIN, 0};
  char c;
  while (banner_.find('\n') == std::string::npos && poll(&p, 1, 30000) > 0 && ::read(out_, &c, 1) == 1) banner_ += c;
  auto at = banner_.find("http://");
  auto colon = at == std::string::npos ? std::string::npos : banner_.find(':', at + 7);
  if (colon != std::string::npos) port_ = std::atoi(banner_.c_str() + colon + 1);
}

int ServeProcess::stop(int signal) {
  if (pid_ < 0) return -1;
  kill(pid_, signal);
  int status = 0;
  pid_t pid = pid_;
  pid_ = -1;
  for (int i = 0; i < 1000; ++i) {
    if (waitpid(pid, &status, WNOHANG) == pid) {
      ::close(out_);
      return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  kill(pid, SIGKILL);
  waitpid(pid, &status, 0);
  ::close(out_);
  return -1;
}

ServeProcess::~ServeProcess() { stop(); }

namespace {

// In the forked child, before exec.
void apply_limits(const ChildLimits& limits) {
  if (limits.file_size) {
    signal(SIGXFSZ, SIG_IGN);  // ignored dispositions survive exec
    rlimit r{limits.file_size, limits.file_size};
    setrlimit(RLIMIT_FSIZE, &r);
  }
#ifdef __SANITIZE_ADDRESS__
  const bool asan = true;  // ASan reserves terabytes of address space: ulimit -v cannot apply
#else
  const bool asan = false;
#endif
  if (limits.address_space && !asan) {
    rlimit r{limits.address_space, limits.address_space};
    setrlimit(RLIMIT_AS, &r);
  }
  if (limits.uid >= 0) {
    setgroups(0, nullptr);
    if (setgid(static_cast<gid_t>(limits.uid)) != 0 || setuid(static_cast<uid_t>(limits.uid)) != 0) _exit(126);
  }
}

}  // namespace

RunResult run_nsearch(const std::vector<std::string>& args, const std::string& stdin_text, const ChildLimits& limits) {
  signal(SIGPIPE, SIG_IGN);  // a child that ignores stdin must not kill the test
  const NsearchExec command(args);
  int in[2], out[2], err[2];
  make_pipe(in);
  make_pipe(out);
  make_pipe(err);
  pid_t pid = fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    dup2(in[0], 0);  // the duplicates are not closed on exec; the originals are
    dup2(out[1], 1);
    dup2(err[1], 2);
    apply_limits(limits);
    command.exec();
  }
  close(in[0]);
  close(out[1]);
  close(err[1]);
  std::thread writer([&] {
    size_t off = 0;
    while (off < stdin_text.size()) {
      ssize_t n = ::write(in[1], stdin_text.data() + off, stdin_text.size() - off);
      if (n <= 0) break;
      off += static_cast<size_t>(n);
    }
    close(in[1]);
  });
  RunResult result;
  std::thread err_reader([&] { result.err = drain(err[0]); });
  result.out = drain(out[0]);
  err_reader.join();
  writer.join();
  int status = 0;
  waitpid(pid, &status, 0);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return result;
}

void write_file(const fs::path& path, const std::string& text) {
  if (path.has_parent_path()) fs::create_directories(path.parent_path());
  std::ofstream f(path, std::ios::binary);
  f << text;
  if (!f) throw std::runtime_error("cannot write " + path.string());
}

std::string read_file(const fs::path& path) {
  std::ifstream f(path, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

std::vector<fs::path> databases_of(const fs::path& index_dir) {
  std::istringstream stub(read_file(index_dir / "XAPIANDB"));
  std::vector<fs::path> paths;
  std::string backend, path;
  while (stub >> backend >> path) paths.push_back(index_dir / path);
  return paths;
}

fs::path source_dir() { return NSEARCH_SOURCE_DIR; }
fs::path shared_dir() { return source_dir().parent_path() / "shared"; }

std::vector<std::string> seed_sentences() {
  std::vector<std::string> sentences;
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(source_dir() / "corpus")) files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  for (const auto& file : files) {
    std::string text = read_file(file);
    std::size_t body = text.find("\n---\n", 4);
    text = body == std::string::npos ? text : text.substr(body + 5);
    std::size_t start = 0;
    for (std::size_t i = 0; i <= text.size(); ++i) {
      if (i == text.size() || text[i] == '.' || text[i] == '\n') {
        std::string s = text.substr(start, i - start);
        if (s.size() > 40) sentences.push_back(s);
        start = i + 1;
      }
    }
  }
  return sentences;
}

}  // namespace nsearch::test
