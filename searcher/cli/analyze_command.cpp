// `nsearch analyze`: shows what the one analyzer makes of a text, exactly as the indexer and
// the searcher see it.
#include <cstdio>
#include <iostream>
#include <iterator>
#include <memory>
#include <sstream>
#include <string>

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include "common/analyzer.h"
#include "common/errors.h"
#include "searcher/cli/commands.h"

namespace nsearch::cli {

namespace {

struct AnalyzeOptions {
  std::string text;
  bool text_given = false;
  std::string format = "text";
  bool terms = false;
};

std::string flag_names(const Token& t) {
  std::string s;
  auto add = [&](bool on, const char* name) {
    if (!on) return;
    if (!s.empty()) s += ',';
    s += name;
  };
  add(t.stopword(), "stopword");
  add(t.number(), "number");
  add(t.latin(), "latin");
  return s;
}

// --terms: one output line per input line, so a word list is analyzed in one process.
void print_terms(const Analyzer& analyzer, std::istream& in) {
  std::string line, out;
  while (std::getline(in, line)) {
    out.clear();
    analyzer.analyze(line, [&](const Token& t) {
      if (!out.empty()) out += ' ';
      out += t.term;
    });
    out += '\n';
    std::fwrite(out.data(), 1, out.size(), stdout);
  }
}

void print_json(const std::vector<Token>& tokens) {
  nlohmann::json arr = nlohmann::json::array();
  for (const auto& t : tokens) {
    arr.push_back({{"start", t.start},
                   {"end", t.end},
                   {"surface", std::string(t.surface)},
                   {"normalized", t.normalized},
                   {"term", t.term},
                   {"stopword", t.stopword()},
                   {"number", t.number()},
                   {"latin", t.latin()}});
  }
  nlohmann::json doc = {{"format_version", 1}, {"analyzer_version", Analyzer::kVersion}, {"tokens", arr}};
  std::puts(doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
}

void print_table(const std::vector<Token>& tokens) {
  std::puts("start  end  surface                 normalized              term                    flags");
  for (const auto& t : tokens) {
    // Pad by code points, not bytes, so Arabic columns line up on a terminal.
    auto pad = [](std::string_view s, size_t width) {
      size_t cps = 0;
      for (unsigned char c : s) cps += (c & 0xC0) != 0x80;
      return std::string(s) + std::string(cps < width ? width - cps : 1, ' ');
    };
    std::string line = fmt::format("{:>5} {:>4}  ", t.start, t.end) + pad(t.surface, 24) + pad(t.normalized, 24) +
                       pad(t.term, 24) + flag_names(t);
    std::puts(line.c_str());
  }
}

void run_analyze(const AnalyzeOptions& opt) {
  if (opt.format != "text" && opt.format != "json") {
    throw Error(kExitUsage, "--format must be text or json");
  }
  const Analyzer analyzer;
  if (opt.terms) {
    if (opt.text_given) {
      std::istringstream in(opt.text);
      print_terms(analyzer, in);
    } else {
      print_terms(analyzer, std::cin);
    }
    return;
  }
  std::string text = opt.text;
  if (!opt.text_given) text.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  auto tokens = analyzer.analyze(text);
  if (opt.format == "json") {
    print_json(tokens);
  } else {
    print_table(tokens);
  }
}

}  // namespace

void add_analyze_command(CLI::App& app, int& exit_code) {
  auto opt = std::make_shared<AnalyzeOptions>();
  auto* cmd = app.add_subcommand("analyze", "Show how text is tokenized, normalized and stemmed");
  cmd->footer(
      "Examples:\n"
      "  nsearch analyze \"وبالكتاب والكتاب\"\n"
      "  nsearch analyze --format json \"معرض الساحة 2024\"\n"
      "  nsearch analyze --terms < words.txt      one line of terms per input line");
  cmd->add_option("text", opt->text, "Text to analyze (default: standard input)");
  cmd->add_option("--format", opt->format, "text (a table) or json")->capture_default_str();
  cmd->add_flag("--terms", opt->terms, "Print only the index terms, one output line per input line");
  cmd->callback([opt, cmd, &exit_code] {
    opt->text_given = cmd->count("text") > 0;
    run_analyze(*opt);
    exit_code = kExitOk;
  });
}

}  // namespace nsearch::cli
