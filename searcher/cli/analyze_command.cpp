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

#include <sys/stat.h>
#include <time.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "common/analyzer.h"
#include "common/errors.h"
#include "indexer/article_parser.h"
#include "indexer/folder_profile.h"
#include "searcher/cli/commands.h"
#include "searcher/json_documents.h"
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

// --metadata FILE: what the indexer reads from the file, and from which line.
void run_metadata(const AnalyzeOptions& opt) {
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
  const Article& a = *r.article;
  const MetadataInference& m = *r.inference;
  auto inferred = [&](const char* field) {
    return std::find(a.inferred.begin(), a.inferred.end(), field) != a.inferred.end();
  };
  auto origin = [&](const char* field, const std::string& value, const Provenance& from) -> nlohmann::json {
    if (value.empty()) return {{"value", ""}, {"from", "none"}};
    if (!inferred(field)) return {{"value", value}, {"from", "header"}};
    return {{"value", value},         {"from", "text"},    {"line", from.line},
            {"line_text", from.text}, {"rule", from.rule}, {"phrase", from.phrase}};
  };
  nlohmann::json j = {{"format_version", 1},
                      {"file", path.string()},
                      {"folder_files", profile.files()},
                      {"reference", options.reference ? options.reference->text() : ""},
                      {"reference_from", reference_why},
                      {"title", origin("title", a.title, m.title_from)},
                      {"source", origin("source", a.source, m.source_from)},
                      {"co_sources", a.co_sources},
                      {"date", origin("date", a.date.text(), m.date_from)},
                      {"inferred", a.inferred}};
  if (!m.date_not_resolved.empty()) j["date"]["relative_not_resolved"] = m.date_not_resolved;
  nlohmann::json dropped = nlohmann::json::array();
  bool body_cleaned = a.body == m.body;
  if (body_cleaned) {
    for (const auto& d : m.dropped) dropped.push_back({{"line", d.line}, {"text", d.text}, {"reason", d.reason}});
  }
  j["dropped"] = dropped;
  if (opt.format == "json") {
    std::puts(j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
    return;
  }
  std::string out = "file:      " + path.string() + "\n";
  out += fmt::format("folder:    {} article files measured for recurring lines\n", profile.files());
  if (options.reference) out += "reference: " + options.reference->text() + " (" + reference_why + ")\n";
  for (const char* field : {"title", "source", "date"}) {
    const auto& f = j[field];
    std::string value = f["value"];
    out += fmt::format("{:<10} {}", std::string(field) + ":", value.empty() ? "-" : value);
    if (f["from"] == "header") out += "  [header]";
    if (f["from"] == "text") {
      out += fmt::format("  [line {}, {}", f["line"].get<int>(), f["rule"].get<std::string>());
      std::string phrase = f["phrase"];
      if (!phrase.empty() && phrase != value) out += ": " + phrase;
      out += "]";
    }
    out += "\n";
    if (std::string(field) == "source") {
      for (const auto& co : a.co_sources) out += "with:      " + co + "\n";
    }
  }
  if (!m.date_not_resolved.empty()) out += "           (relative dates not resolved: " + m.date_not_resolved + ")\n";
  if (!dropped.empty()) out += "left out of the body:\n";
  for (const auto& d : dropped) {
    out += fmt::format("  line {:>3}  {}: {}\n", d["line"].get<int>(), d["reason"].get<std::string>(),
                       d["text"].get<std::string>());
  }
  std::fputs(out.c_str(), stdout);
}

// Up to 12 words, comma-separated, "…" after them when there are more.
std::string listed(const std::vector<std::string>& words) {
  std::string out;
  for (std::size_t i = 0; i < words.size() && i < 12; ++i) out += (i ? ", " : " ") + words[i];
  if (words.size() > 12) out += ", …";
  return out;
}

// --forms: each word's indexed forms and, for a name, the other spellings it finds and why.
void print_forms(const std::vector<WordMatch>& words, const std::string& format) {
  using nlohmann::json;
  if (format == "json") {
    json out = json::array();
    for (const auto& w : words) {
      json variants = json::array();
      for (const auto& v : w.variants) variants.push_back({{"word", v.word}, {"edit", v.why}});
      out.push_back({{"surface", w.word.surface},
                     {"normalized", w.word.normalized},
                     {"forms", w.forms},
                     {"name", w.name},
                     {"variants", variants},
                     {"derived", w.derived},
                     {"weighing", w.weighing}});
    }
    std::puts(json{{"words", out}}.dump(2).c_str());
    return;
  }
  for (const auto& w : words) {
    std::string line = std::string(w.word.surface);
    if (w.word.stopword()) {
      std::puts((line + ": a function word, left out of ranking").c_str());
      continue;
    }
    line += ": " + std::to_string(w.forms.size()) + " indexed forms" + listed(w.forms);
    line += w.name ? "\n  a name here (no article, no verb)" : "\n  not a name here";
    for (const auto& v : w.variants) line += "\n  also spelled " + v.word + " (" + v.why + "), ranked below it";
    if (!w.derived.empty()) line += "\n  also finds, ranked below it:" + listed(w.derived);
    if (!w.weighing.empty()) line += "\n  adds weight where it matches, finds nothing alone:" + listed(w.weighing);
    std::puts(line.c_str());
  }
}

void run_analyze(const AnalyzeOptions& opt) {
  if (opt.format != "text" && opt.format != "json") {
    throw Error(ErrorCode::usage, "--format must be text or json");
  }
  if (!opt.metadata.empty()) {
    run_metadata(opt);
    return;
  }
  if (opt.forms) {
    if (!opt.text_given) throw Error(ErrorCode::usage, "--forms needs the words as an argument");
    Searcher searcher(open_indexes(opt.index));
    print_forms(searcher.word_matches(opt.text), opt.format);
    return;
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
    std::fputs(tokens_document(tokens).c_str(), stdout);
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
