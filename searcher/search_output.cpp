#include "searcher/printers.h"

#include <algorithm>
#include <cstdlib>

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include "common/errors.h"
#include "searcher/story_output.h"
#include "searcher/text_layout.h"

namespace nsearch {

namespace {

using nlohmann::json;

std::string dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

json hit_json(const Hit& h) {
  json highlights = json::array();
  for (const auto& s : h.snippet.highlights) highlights.push_back({{"start", s.start}, {"end", s.end}});
  json j = {{"rank", h.rank},
            {"id", h.article.id},
            {"title", h.article.title},
            {"source", h.article.source},
            {"source_name", h.source_name},
            {"date", h.article.date.text()},
            {"score", h.score},
            {"snippet", h.snippet.text},
            {"highlights", highlights},
            {"url", h.article.url},
            {"inferred", h.article.inferred}};
  j["story"] = h.story ? story_json(*h.story) : json(nullptr);
  return j;
}

json facets_json(const SearchResult& r) {
  json facets = json::object();
  for (const auto& f : r.facets) {
    json values = json::array();
    for (const auto& v : f.values) values.push_back({{"value", v.value}, {"count", v.count}});
    facets[f.name] = values;
  }
  // "date" is the finest date facet asked for (month over year), so scripts read one key.
  for (const char* name : {"year", "month"}) {
    if (facets.contains(name)) facets["date"] = facets[name];
  }
  return facets;
}

json summary_json(const SearchResult& r, const std::string& qid) {
  json j = {{"format_version", kFormatVersion},
            {"query", r.query},
            {"parsed_query", r.parsed_query},
            {"total", r.total},
            {"total_is_estimate", r.total_is_estimate},
            {"duplicates", r.collapsed ? "collapse" : "show"},
            {"stories", r.collapsed ? json(r.stories) : json(nullptr)},
            {"stories_is_estimate", r.stories_is_estimate},
            {"partial", r.partial},
            {"offset", r.offset},
            {"limit", r.limit},
            {"facets", facets_json(r)},
            {"suggestion", r.suggestion ? json(*r.suggestion) : json(nullptr)},
            {"warnings", r.warnings}};
  if (!qid.empty()) j["qid"] = qid;
  return j;
}

// A metadata field on one line.
std::string one_line(std::string s) {
  std::replace_if(
      s.begin(), s.end(), [](char c) { return c == '\n' || c == '\r' || c == '\t'; }, ' ');
  return s;
}

const char* kHighlightOn = "\033[1;31m";
const char* kHighlightOff = "\033[0m";

Marks marks_for(bool color) { return color ? Marks{kHighlightOn, kHighlightOff, 0} : Marks{"**", "**", 4}; }

StyledLine styled(const Snippet& snippet) {
  StyledLine out;
  std::size_t last = 0;
  for (const auto& h : snippet.highlights) {
    out.push_back({printable(snippet.text.substr(last, h.start - last)), false});
    out.push_back({printable(snippet.text.substr(h.start, h.end - h.start)), true});
    last = h.end;
  }
  out.push_back({printable(snippet.text.substr(last)), false});
  return out;
}

constexpr const char* kIndent = "   ";

// Wrapped text under a hit, indented, in the hit's direction.
void add_block(std::string& s, const StyledLine& text, bool rtl, const PrintOptions& o, const Marks& marks) {
  std::size_t indent = std::string_view(kIndent).size();
  std::size_t width = o.width > indent ? o.width - indent : 0;
  for (const auto& line : wrap_text(text, width, marks)) {
    StyledLine indented{{kIndent, false}};
    indented.insert(indented.end(), line.begin(), line.end());
    s += render_line(indented, rtl, o.bidi, marks, o.width) + "\n";
  }
}

// Lines of units in a left-to-right line (the summary, facets), each Arabic name isolated.
void add_units(std::string& s, const std::vector<std::string>& units, const PrintOptions& o, const Marks& marks) {
  std::vector<StyledLine> styled_units;
  for (const auto& u : units) styled_units.push_back({{u, false}});
  for (const auto& line : wrap_units(styled_units, "  ", o.width, marks))
    s += render_line(line, false, o.bidi, marks, o.width) + "\n";
}

// A hit: its metadata line (rank, outlet, date, score, id: each field isolated, in the title's
// direction, wrapped between fields), then the title and the snippet, indented. The snippet
// never starts the title again (the searcher drops title lines from the body).
void add_hit(std::string& s, const Hit& h, bool collapsed, const PrintOptions& o, const Marks& marks) {
  bool rtl = starts_right_to_left(h.article.title.empty() ? h.snippet.text : h.article.title);
  std::vector<StyledLine> meta;
  for (const auto& f : {h.source_name, h.article.date.text(), fmt::format("score {:.2f}", h.score), h.article.id}) {
    if (!f.empty()) meta.push_back({{field(printable(one_line(f)), o.bidi), false}});
  }
  meta.front().insert(meta.front().begin(), Styled{field(std::to_string(h.rank) + ".", o.bidi) + " ", false});
  // Continuation lines are indented, so every line is filled to the width less the indent.
  std::size_t indent = std::string_view(kIndent).size();
  auto lines = wrap_units(meta, " · ", o.width > indent ? o.width - indent : o.width, marks);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    StyledLine line = lines[i];
    if (i > 0) line.insert(line.begin(), Styled{kIndent, false});
    s += render_line(line, rtl, o.bidi, marks, o.width) + "\n";
  }
  if (std::string more = collapsed && h.story ? story_line(*h.story, h.article.id) : ""; !more.empty())
    add_block(s, {{printable(one_line(more)), false}}, rtl, o, marks);
  if (!h.title.text.empty()) add_block(s, styled(h.title), rtl, o, marks);
  if (!h.snippet.text.empty()) {
    StyledLine snippet = styled(h.snippet);
    if (h.snippet.truncated_start) snippet.insert(snippet.begin(), Styled{"…", false});
    if (h.snippet.truncated_end) snippet.push_back({"…", false});
    add_block(s, snippet, rtl, o, marks);
  }
  s += "\n";
}

// " in 8 stories" after the article count, when hits are collapsed.
std::string stories_note(const SearchResult& r) {
  if (!r.collapsed || r.stories == r.total) return "";
  return fmt::format(" in {}{} stor{}", r.stories_is_estimate ? "about " : "", r.stories, r.stories == 1 ? "y" : "ies");
}

void print_text(const SearchResult& r, const PrintOptions& o, std::FILE* out) {
  Marks marks = marks_for(o.color);
  std::string s;
  for (const auto& h : r.hits) add_hit(s, h, r.collapsed, o, marks);
  std::string about = r.total_is_estimate ? "about " : "";
  if (r.total == 0) {
    s += "no results\n";
  } else if (r.hits.empty()) {
    s += fmt::format("{}{} result{}\n", about, r.total, r.total == 1 ? "" : "s");
  } else {
    s += fmt::format("{}{} result{}{}, showing {}-{}\n", about, r.total, r.total == 1 ? "" : "s", stories_note(r),
                     r.offset + 1, r.offset + r.hits.size());
  }
  for (const auto& f : r.facets) {
    std::vector<std::string> units{f.name + ":"};
    for (const auto& v : f.values)
      units.push_back(field(printable(one_line(v.value)), o.bidi) + fmt::format(" ({})", v.count));
    add_units(s, units, o, marks);
  }
  if (r.suggestion) add_units(s, {"did you mean:", field(printable(one_line(*r.suggestion)), o.bidi)}, o, marks);
  std::fputs(s.c_str(), out);
}

}  // namespace

OutputFormat parse_output_format(const std::string& name) {
  if (name == "text") return OutputFormat::Text;
  if (name == "json") return OutputFormat::Json;
  if (name == "jsonl") return OutputFormat::Jsonl;
  if (name == "ids") return OutputFormat::Ids;
  if (name == "trec") return OutputFormat::Trec;
  throw Error(ErrorCode::usage, "unknown output format '" + name + "'", "use text, json, jsonl, ids or trec");
}

void print_result(const SearchResult& r, const PrintOptions& o, std::FILE* out) {
  switch (o.format) {
    case OutputFormat::Text:
      if (!o.qid.empty()) std::fprintf(out, "# %s\t%s\n", o.qid.c_str(), r.query.c_str());
      print_text(r, o, out);
      break;
    case OutputFormat::Json: {
      json j = summary_json(r, o.qid);
      j["hits"] = json::array();
      for (const auto& h : r.hits) j["hits"].push_back(hit_json(h));
      std::fputs((o.qid.empty() ? j.dump(2, ' ', false, json::error_handler_t::replace) : dump(j)).c_str(), out);
      std::fputc('\n', out);
      break;
    }
    case OutputFormat::Jsonl: {
      std::string s;
      for (const auto& h : r.hits) {
        json j = hit_json(h);
        j["type"] = "hit";
        if (!o.qid.empty()) j["qid"] = o.qid;
        s += dump(j) + "\n";
      }
      json summary = summary_json(r, o.qid);
      summary["type"] = "summary";
      s += dump(summary) + "\n";
      std::fputs(s.c_str(), out);
      break;
    }
    case OutputFormat::Ids:
      for (const auto& h : r.hits) {
        if (!o.qid.empty()) std::fprintf(out, "%s\t", o.qid.c_str());
        std::fprintf(out, "%s\n", h.article.id.c_str());
      }
      break;
    case OutputFormat::Trec:
      for (const auto& h : r.hits) {
        std::fprintf(out, "%s Q0 %s %u %.6f nsearch\n", o.qid.empty() ? "1" : o.qid.c_str(), h.article.id.c_str(),
                     h.rank, h.score);
      }
      break;
  }
}

std::string printed_result(const SearchResult& r, const PrintOptions& print) {
  char* buffer = nullptr;
  std::size_t size = 0;
  std::FILE* out = open_memstream(&buffer, &size);
  if (!out) throw Error(ErrorCode::io, "out of memory");
  print_result(r, print, out);
  std::fclose(out);
  std::string text(buffer, size);
  std::free(buffer);
  return text;
}

void print_error(const std::string& query, const std::string& message, const PrintOptions& o, std::FILE* out) {
  if (o.format != OutputFormat::Json && o.format != OutputFormat::Jsonl) return;
  json j = {{"type", "error"}, {"format_version", kFormatVersion}, {"query", query}, {"error", message}};
  if (!o.qid.empty()) j["qid"] = o.qid;
  std::fputs((dump(j) + "\n").c_str(), out);
}

}  // namespace nsearch
