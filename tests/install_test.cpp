// `cmake --install` into a temporary prefix: the binary, a man page for nsearch and for each
// command (built from their own --help), and the bash and zsh completion, which complete
// commands, options and the index's outlet names through the installed binary.
#include <gtest/gtest.h>

#include <cstdlib>
#include <sstream>

#include "tests/test_support.h"

namespace nsearch::test {
namespace {

namespace fs = std::filesystem;

// Runs a shell command line, returning its output (stderr included) and exit code.
RunResult shell(const std::string& command) {
  RunResult r;
  std::FILE* p = popen((command + " 2>&1").c_str(), "r");
  if (!p) return r;
  char buf[4096];
  for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, p)) > 0;) r.out.append(buf, n);
  int status = pclose(p);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

std::string sh_quoted(const std::string& s) { return "'" + s + "'"; }

// Runs script with interpreter (bash, zsh -f), from a file so that it may quote freely.
RunResult run_script(const TempDir& dir, const std::string& interpreter, const std::string& script) {
  fs::path file = dir / "script";
  write_file(file, script);
  return shell(interpreter + " " + sh_quoted(file.string()));
}

class Install : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    tmp_ = new TempDir();
    auto r = shell(std::string(NSEARCH_CMAKE) + " --install " + sh_quoted(NSEARCH_BUILD_DIR) + " --prefix " +
                   sh_quoted((*tmp_ / "prefix").string()));
    ASSERT_EQ(r.exit_code, 0) << r.out;
    auto a = run_nsearch({"index", "--index", (*tmp_ / "idx").string(), (source_dir() / "corpus").string()});
    ASSERT_EQ(a.exit_code, 0) << a.err;
  }
  static void TearDownTestSuite() { delete tmp_; }
  static fs::path prefix() { return *tmp_ / "prefix"; }
  static inline TempDir* tmp_ = nullptr;
};

TEST_F(Install, BinaryManPagesAndCompletions) {
  EXPECT_TRUE(fs::exists(prefix() / "bin" / "nsearch"));
  EXPECT_TRUE(fs::exists(prefix() / "share" / "bash-completion" / "completions" / "nsearch"));
  EXPECT_TRUE(fs::exists(prefix() / "share" / "zsh" / "vendor-completions" / "_nsearch"));
  for (std::string page : {"nsearch", "nsearch-search", "nsearch-index", "nsearch-analyze", "nsearch-show",
                           "nsearch-roots", "nsearch-stats", "nsearch-sources", "nsearch-serve", "nsearch-help"}) {
    EXPECT_TRUE(fs::exists(prefix() / "share" / "man" / "man1" / (page + ".1"))) << page;
  }
  std::string main_page = read_file(prefix() / "share" / "man" / "man1" / "nsearch.1");
  for (const char* section : {"QUERY SYNTAX", "OUTPUT FORMATS", "EXIT STATUS", "SEE ALSO"})
    EXPECT_NE(main_page.find(section), std::string::npos) << section;
  std::string search_page = read_file(prefix() / "share" / "man" / "man1" / "nsearch-search.1");
  EXPECT_NE(search_page.find("\\-\\-source"), std::string::npos);
  EXPECT_NE(search_page.find("nsearch \"صدام حفتر أنقرة\""), std::string::npos) << "examples, Arabic intact";
  auto man =
      shell("MANWIDTH=80 LC_ALL=C.UTF-8 man -l " + sh_quoted((prefix() / "share/man/man1/nsearch-search.1").string()));
  EXPECT_EQ(man.exit_code, 0) << man.out;
  EXPECT_NE(man.out.find("--batch"), std::string::npos) << man.out;
}

TEST_F(Install, BashCompletesCommandsOptionsAndSources) {
  std::string script = "PATH=" + sh_quoted((prefix() / "bin").string()) + ":$PATH; source " +
                       sh_quoted((prefix() / "share/bash-completion/completions/nsearch").string()) + "; ";
  auto complete = [&](const std::string& words, int cword) {
    return run_script(*tmp_, "bash",
                      script + "COMP_WORDS=(" + words + "); COMP_CWORD=" + std::to_string(cword) +
                          "; _nsearch; printf '%s\\n' \"${COMPREPLY[@]}\"")
        .out;
  };
  EXPECT_EQ(complete("nsearch so", 1), "sources\n");
  EXPECT_EQ(complete("nsearch search --so", 2), "--sort\n--source\n");
  EXPECT_EQ(complete("nsearch help e", 2), "exit-codes\n");
  // Facets as the binary lists them (common/fields.h), after any typed before a comma.
  EXPECT_EQ(complete("nsearch search --facets y", 3), "year\n");
  EXPECT_EQ(complete("nsearch search --facets source,m", 3), "source,month\n");
  std::string idx = (*tmp_ / "idx").string();
  EXPECT_EQ(complete("nsearch --index " + idx + " --source وكالة", 4), "وكالة\\ الأناضول\n");
  EXPECT_EQ(complete("nsearch --index " + idx + " source : الم", 5), "المشهد\n");
}

TEST_F(Install, ZshCompletionParsesAndCompletesSources) {
  if (shell("command -v zsh").exit_code != 0) GTEST_SKIP() << "zsh is not installed (scripts/install-deps)";
  std::string file = (prefix() / "share/zsh/vendor-completions/_nsearch").string();
  EXPECT_EQ(shell("zsh -n " + sh_quoted(file)).exit_code, 0);
  // compadd and compset stand in for the completion system's builtins, printing what is offered.
  std::string script = "PATH=" + sh_quoted((prefix() / "bin").string()) +
                       ":$PATH; compadd() { if [[ $1 == -a ]]; then print -l -- ${(P)2}; else print -l -- $@; fi }; "
                       "compset() { PREFIX=${PREFIX#source:} }; source " +
                       sh_quoted(file) + " >/dev/null; words=(nsearch --index " + sh_quoted((*tmp_ / "idx").string()) +
                       " --source x); CURRENT=5; PREFIX=; _nsearch";
  auto r = run_script(*tmp_, "zsh -f", script);
  EXPECT_NE(r.out.find("ميدل إيست أون لاين"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace nsearch::test
