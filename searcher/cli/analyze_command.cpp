// `nsearch analyze`: shows what the one analyzer makes of a text, exactly as the indexer and
// the searcher see it.
#include <sys/stat.h>
#include <time.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <sstream>
#include <string>

#include <fmt/core.h>

#include "common/analyzer.h"
#include "common/errors.h"
#include "indexer/article_parser.h"
#include "indexer/folder_profile.h"
#include "searcher/cli/commands.h"
#include "searcher/cli/format_option.h"
#include "searcher/command_output.h"
#include "searcher/searcher.h"

namespace nsearch::cli {

namespace {

struct AnalyzeOptions {
  std::string text;
  bool text_given = false;
  std::string format = "text";
  bool terms = false;
  std::string metadata;  // a file whose inferred metadata to show
  std::string reference_date;
  bool forms = false;  // what each word matches in the index
  IndexSetOptions index;
};

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

std::optional<Date> reference_day(const AnalyzeOptions& opt, const std::string& path, std::string& why) {
  if (!opt.reference_date.empty()) {
    auto day = parse_date(opt.reference_date);
    if (!day || day->precision != Date::Precision::Day)
      throw Error(ErrorCode::usage, "--reference-date must be a day, YYYY-MM-DD (got '" + opt.reference_date + "')");
    why = "--reference-date";
    return day;
  }
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return std::nullopt;
  struct tm local {};
  localtime_r(&st.st_mtim.tv_sec, &local);
  why = "the file's modification day";
  return parse_date(fmt::format("{:04}-{:02}-{:02}", local.tm_year + 1900, local.tm_mon + 1, local.tm_mday));
}

// Where a header field's value came from: the header, a line of the text (and which rule read
// which words there), or nowhere. The field's map is left open for the caller to add to.
void print_origin(const char* field, const std::string& value, const Provenance& from, bool inferred, Printer& p) {
  p.map_key(field).begin_map();
  p.map_key("value").string(value);
  p.text(fmt::format("{:<10} {}", std::string(field) + ":", value.empty() ? "-" : value));
  if (value.empty()) {
    p.map_key("from").string("none");
  } else if (!inferred) {
    p.map_key("from").string("header").text("  [header]");
  } else {
    p.map_key("from").string("text");
    p.map_key("line").integer(from.line).map_key("line_text").string(from.text);
    p.map_key("rule").string(from.rule).map_key("phrase").string(from.phrase);
    p.text(fmt::format("  [line {}, {}", from.line, from.rule));
    if (!from.phrase.empty() && from.phrase != value) p.text(": " + from.phrase);
    p.text("]");
  }
  p.text("\n");
}

// What the indexer reads from the file at path, and from which line.
void print_metadata(const std::string& path, const FolderProfile& profile, const InferenceOptions& options,
                    const std::string& reference_why, const ParseResult& r, Printer& p) {
  const Article& a = *r.article;
  const MetadataInference& m = *r.inference;
  auto inferred = [&](const char* field) {
    return std::find(a.inferred.begin(), a.inferred.end(), field) != a.inferred.end();
  };
  p.begin_map();
  p.map_key("format_version").integer(1);
  p.map_key("file").string(path).text("file:      " + path + "\n");
  p.map_key("folder_files").integer(profile.files());
  p.text(fmt::format("folder:    {} article files measured for recurring lines\n", profile.files()));
  p.map_key("reference").string(options.reference ? options.reference->text() : "");
  p.map_key("reference_from").string(reference_why);
  if (options.reference) p.text("reference: " + options.reference->text() + " (" + reference_why + ")\n");
  print_origin("title", a.title, m.title_from, inferred("title"), p);
  p.end();
  print_origin("source", a.source, m.source_from, inferred("source"), p);
  p.end();
  p.map_key("co_sources").begin_list();
  for (const auto& co : a.co_sources) p.string(co).text("with:      " + co + "\n");
  p.end();
  print_origin("date", a.date.text(), m.date_from, inferred("date"), p);
  if (!m.date_not_resolved.empty()) {
    p.map_key("relative_not_resolved").string(m.date_not_resolved);
    p.text("           (relative dates not resolved: " + m.date_not_resolved + ")\n");
  }
  p.end();
  p.map_key("inferred").begin_list();
  for (const auto& f : a.inferred) p.string(f);
  p.end();
  p.map_key("dropped").begin_list();
  // Only when the body is the cleaned text: a header keeps the body as written.
  if (a.body == m.body && !m.dropped.empty()) {
    p.text("left out of the body:\n");
    for (const auto& d : m.dropped) {
      p.begin_map().map_key("line").integer(d.line).map_key("text").string(d.text);
      p.map_key("reason").string(d.reason).end();
      p.text(fmt::format("  line {:>3}  {}: {}\n", d.line, d.reason, d.text));
    }
  }
  p.end().end();
}

// --metadata FILE: what the indexer reads from the file, measured against its folder.
void run_metadata(const AnalyzeOptions& opt, Printer& p) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (fs::is_directory(opt.metadata, ec))
    throw Error(ErrorCode::usage, opt.metadata + " is a folder: --metadata takes one article file");
  if (!fs::is_regular_file(opt.metadata, ec)) throw Error(ErrorCode::usage, "no such file: " + opt.metadata);
  std::ifstream in(opt.metadata, std::ios::binary);
  std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  fs::path path = fs::absolute(opt.metadata, ec);
  FolderProfile profile = profile_files(article_files_in(path.parent_path()));
  InferenceOptions options;
  options.profile = &profile;
  std::string reference_why;
  options.reference = reference_day(opt, path.string(), reference_why);
  ParseResult r = parse_article_file(content, path.filename().string(), &options);
  if (!r.article) throw Error(ErrorCode::usage, opt.metadata + ": " + r.error);
  print_metadata(path.string(), profile, options, reference_why, r, p);
}

// Up to 12 words, comma-separated, "…" after them when there are more.
std::string listed(const std::vector<std::string>& words) {
  std::string out;
  for (std::size_t i = 0; i < words.size() && i < 12; ++i) out += (i ? ", " : " ") + words[i];
  if (words.size() > 12) out += ", …";
  return out;
}

// --forms: each word's indexed forms and, for a name, the other spellings it finds and why.
void print_forms(const std::vector<WordMatch>& words, Printer& p) {
  auto list = [&](const char* key, const std::vector<std::string>& items) {
    p.map_key(key).begin_list();
    for (const auto& i : items) p.string(i);
    p.end();
  };
  p.begin_map().map_key("words").begin_list();
  for (const auto& w : words) {
    p.begin_map();
    p.map_key("surface").string(w.word.surface);
    p.map_key("normalized").string(w.word.normalized);
    list("forms", w.forms);
    p.map_key("name").boolean(w.name);
    p.map_key("variants").begin_list();
    for (const auto& v : w.variants) p.begin_map().map_key("word").string(v.word).map_key("edit").string(v.why).end();
    p.end();
    list("derived", w.derived);
    list("weighing", w.weighing);
    p.end();
    p.text(std::string(w.word.surface));
    if (w.word.stopword()) {
      p.text(": a function word, left out of ranking\n");
      continue;
    }
    std::string line = ": " + std::to_string(w.forms.size()) + " indexed forms" + listed(w.forms);
    line += w.name ? "\n  a name here (no article, no verb)" : "\n  not a name here";
    for (const auto& v : w.variants) line += "\n  also spelled " + v.word + " (" + v.why + "), ranked below it";
    if (!w.derived.empty()) line += "\n  also finds, ranked below it:" + listed(w.derived);
    if (!w.weighing.empty()) line += "\n  adds weight where it matches, finds nothing alone:" + listed(w.weighing);
    p.text(line + "\n");
  }
  p.end().end();
}

void run_analyze(const AnalyzeOptions& opt) {
  std::string out;
  std::unique_ptr<Printer> printer = document_printer(opt.format, out);
  if (!opt.metadata.empty()) {
    run_metadata(opt, *printer);
  } else if (opt.forms) {
    if (!opt.text_given) throw Error(ErrorCode::usage, "--forms needs the words as an argument");
    Searcher searcher(open_indexes(opt.index));
    print_forms(searcher.word_matches(opt.text), *printer);
  } else if (opt.terms) {
    const Analyzer analyzer;
    if (opt.text_given) {
      std::istringstream in(opt.text);
      print_terms(analyzer, in);
    } else {
      print_terms(analyzer, std::cin);
    }
  } else {
    std::string text = opt.text;
    if (!opt.text_given) text.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
    print_tokens(Analyzer().analyze(text), *printer);
  }
  std::fputs(out.c_str(), stdout);
}

}  // namespace

void add_analyze_command(CLI::App& app, int& exit_code) {
  auto opt = std::make_shared<AnalyzeOptions>();
  auto* cmd = app.add_subcommand("analyze", "Show how text is tokenized, normalized and stemmed");
  cmd->footer(
      "Examples:\n"
      "  nsearch analyze \"وبالكتاب والكتاب\"\n"
      "  nsearch analyze --format json \"معرض الساحة 2024\"\n"
      "  nsearch analyze --terms < words.txt      one line of terms per input line\n"
      "  nsearch analyze --forms \"جولر بأنقرة\"   what each word matches in the index, and other spellings\n"
      "  nsearch analyze --metadata page.txt      the title, outlet, date and boilerplate the indexer reads\n"
      "                                           from a file, each with the line it came from");
  cmd->add_option("text", opt->text, "Text to analyze (default: standard input)");
  cmd->add_option("--format", opt->format, "text (a table) or json")->capture_default_str();
  cmd->add_flag("--terms", opt->terms, "Print only the index terms, one output line per input line");
  cmd->add_flag("--forms", opt->forms,
                "Show what each word matches in the index (--index): its indexed forms and, for a name, the other "
                "spellings it also finds and the edit that joins them");
  add_index_set_options(cmd, opt->index);
  cmd->add_option("--metadata", opt->metadata,
                  "Show what is read from an article FILE's text (title, outlet, date, boilerplate) and from which "
                  "line, measured against the other files of its folder");
  cmd->add_option("--reference-date", opt->reference_date,
                  "With --metadata: the day the file was saved, YYYY-MM-DD (default: its modification day)");
  cmd->callback([opt, cmd, &exit_code] {
    opt->text_given = cmd->count("text") > 0;
    run_analyze(*opt);
    exit_code = kExitOk;
  });
}

}  // namespace nsearch::cli
