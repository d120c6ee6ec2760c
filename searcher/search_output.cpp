#include "searcher/search_output.h"

#include <algorithm>

#include <fmt/core.h>

#include "common/errors.h"
#include "common/fields.h"
#include "searcher/json_printer.h"
#include "searcher/story_output.h"
#include "searcher/text_layout.h"
#include "searcher/text_printer.h"

namespace nsearch {

namespace {

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
std::string units_text(const std::vector<std::string>& units, const PrintOptions& o, const Marks& marks) {
  std::vector<StyledLine> styled_units;
  for (const auto& u : units) styled_units.push_back({{u, false}});
  std::string s;
  for (const auto& line : wrap_units(styled_units, "  ", o.width, marks))
    s += render_line(line, false, o.bidi, marks, o.width) + "\n";
  return s;
}

// A hit as text: its metadata line (rank, outlet, date, score, id: each field isolated, in the
// title's direction, wrapped between fields), then the title and the snippet, indented. The
// snippet never starts the title again (the searcher drops title lines from the body).
std::string hit_text(const Hit& h, bool collapsed, const PrintOptions& o, const Marks& marks) {
  std::string s;
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
  return s + "\n";
}

// " in 8 stories" after the article count, when hits are collapsed.
std::string stories_note(const SearchResult& r) {
  if (!r.collapsed || r.stories == r.total) return "";
  return fmt::format(" in {}{} stor{}", r.stories_is_estimate ? "about " : "", r.stories, r.stories == 1 ? "y" : "ies");
}

std::string count_text(const SearchResult& r) {
  std::string about = r.total_is_estimate ? "about " : "";
  if (r.total == 0) return "no results\n";
  if (r.hits.empty()) return fmt::format("{}{} result{}\n", about, r.total, r.total == 1 ? "" : "s");
  return fmt::format("{}{} result{}{}, showing {}-{}\n", about, r.total, r.total == 1 ? "" : "s", stories_note(r),
                     r.offset + 1, r.offset + r.hits.size());
}

// A hit's entries; then, for a reader, the hit as text.
void print_hit(const Hit& h, bool collapsed, const PrintOptions& o, const Marks& marks, Printer& p) {
  p.map_key("rank").integer(h.rank);
  p.map_key("id").string(h.article.id);
  p.map_key("title").string(h.article.title);
  p.map_key("source").string(h.article.source);
  p.map_key("source_name").string(h.source_name);
  p.map_key("date").string(h.article.date.text());
  p.map_key("score").real(h.score);
  p.map_key("snippet").string(h.snippet.text);
  p.map_key("highlights").begin_list();
  for (const auto& s : h.snippet.highlights)
    p.begin_map().map_key("start").integer(s.start).map_key("end").integer(s.end).end();
  p.end();
  p.map_key("url").string(h.article.url);
  p.map_key("inferred").begin_list();
  for (const auto& f : h.article.inferred) p.string(f);
  p.end();
  p.map_key("story");
  if (h.story) {
    p.begin_map();
    print_story_entries(*h.story, p);
    p.end();
  } else {
    p.null();
  }
  if (p.is_text()) p.text(hit_text(h, collapsed, o, marks));
}

void print_facet_values(const Facet& f, Printer& p) {
  p.begin_list();
  for (const auto& v : f.values) p.begin_map().map_key("value").string(v.value).map_key("count").integer(v.count).end();
  p.end();
}

void print_facets(const SearchResult& r, const PrintOptions& o, const Marks& marks, Printer& p) {
  p.map_key("facets").begin_map();
  for (const auto& f : r.facets) {
    p.map_key(f.name);
    print_facet_values(f, p);
    if (!p.is_text()) continue;
    std::vector<std::string> units{f.name + ":"};
    for (const auto& v : f.values)
      units.push_back(field(printable(one_line(v.value)), o.bidi) + fmt::format(" ({})", v.count));
    p.text(units_text(units, o, marks));
  }
  // "date" is the finest date facet asked for (month over year: the table's order), so
  // scripts read one key.
  for (const auto& part : fields::kFields) {
    if (part.kind != fields::Kind::DatePart) continue;
    auto f = std::find_if(r.facets.begin(), r.facets.end(), [&](const Facet& x) { return x.name == part.name; });
    if (f == r.facets.end()) continue;
    p.map_key("date");
    print_facet_values(*f, p);
  }
  p.end();
}

// The summary's entries, with the count, facets and suggestion as text.
void print_summary(const SearchResult& r, const PrintOptions& o, const Marks& marks, Printer& p) {
  p.map_key("format_version").integer(kFormatVersion);
  p.map_key("query").string(r.query);
  p.map_key("parsed_query").string(r.parsed_query);
  p.map_key("total").integer(r.total).text(count_text(r));
  p.map_key("total_is_estimate").boolean(r.total_is_estimate);
  p.map_key("duplicates").string(r.collapsed ? "collapse" : "show");
  p.map_key("stories");
  if (r.collapsed)
    p.integer(r.stories);
  else
    p.null();
  p.map_key("stories_is_estimate").boolean(r.stories_is_estimate);
  p.map_key("partial").boolean(r.partial);
  p.map_key("offset").integer(r.offset);
  p.map_key("limit").integer(r.limit);
  print_facets(r, o, marks, p);
  p.map_key("suggestion");
  if (r.suggestion) {
    p.string(*r.suggestion);
    if (p.is_text())
      p.text(units_text({"did you mean: " + field(printable(one_line(*r.suggestion)), o.bidi)}, o, marks));
  } else {
    p.null();
  }
  p.map_key("warnings").begin_list();
  for (const auto& w : r.warnings) p.string(w);
  p.end();
  if (!o.qid.empty()) p.map_key("qid").string(o.qid);
}

// text and json: one document, the hits in it.
void print_document(const SearchResult& r, const PrintOptions& o, Printer& p) {
  Marks marks = marks_for(o.color);
  if (!o.qid.empty()) p.text(fmt::format("# {}\t{}\n", o.qid, r.query));
  p.begin_map();
  p.map_key("hits").begin_list();
  for (const auto& h : r.hits) {
    p.begin_map();
    print_hit(h, r.collapsed, o, marks, p);
    p.end();
  }
  p.end();
  print_summary(r, o, marks, p);
  p.end();
}

// jsonl: a record per hit, then the summary.
void print_records(const SearchResult& r, const PrintOptions& o, Printer& p) {
  Marks marks = marks_for(o.color);
  for (const auto& h : r.hits) {
    p.begin_map();
    print_hit(h, r.collapsed, o, marks, p);
    p.map_key("type").string("hit");
    if (!o.qid.empty()) p.map_key("qid").string(o.qid);
    p.end();
  }
  p.begin_map();
  print_summary(r, o, marks, p);
  p.map_key("type").string("summary");
  p.end();
}

// ids and trec: a line per hit.
void print_run(const SearchResult& r, const PrintOptions& o, Printer& p) {
  for (const auto& h : r.hits) {
    if (o.format == OutputFormat::Ids)
      p.text(o.qid.empty() ? h.article.id + "\n" : o.qid + "\t" + h.article.id + "\n");
    else
      p.text(fmt::format("{} Q0 {} {} {:.6f} nsearch\n", o.qid.empty() ? "1" : o.qid, h.article.id, h.rank, h.score));
  }
}

// One json document is indented; a batch's, one a line, and json lines always are.
JsonPrinter::Layout json_layout(const PrintOptions& o) {
  return o.format == OutputFormat::Json && o.qid.empty() ? JsonPrinter::Layout::Indented : JsonPrinter::Layout::OneLine;
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

std::string printed_result(const SearchResult& r, const PrintOptions& o) {
  std::string out;
  switch (o.format) {
    case OutputFormat::Text: {
      TextPrinter text(out);
      print_document(r, o, text);
      break;
    }
    case OutputFormat::Json: {
      JsonPrinter json(out, json_layout(o));
      print_document(r, o, json);
      break;
    }
    case OutputFormat::Jsonl: {
      JsonPrinter json(out, json_layout(o));
      print_records(r, o, json);
      break;
    }
    case OutputFormat::Ids:
    case OutputFormat::Trec: {
      TextPrinter text(out);
      print_run(r, o, text);
      break;
    }
  }
  return out;
}

void print_result(const SearchResult& r, const PrintOptions& o, std::FILE* out) {
  std::fputs(printed_result(r, o).c_str(), out);
}

void print_error(const std::string& query, const std::string& message, const PrintOptions& o, std::FILE* out) {
  if (o.format != OutputFormat::Json && o.format != OutputFormat::Jsonl) return;
  std::string text;
  JsonPrinter p(text, JsonPrinter::Layout::OneLine);
  p.begin_map();
  p.map_key("type").string("error");
  p.map_key("format_version").integer(kFormatVersion);
  p.map_key("query").string(query);
  p.map_key("error").string(message);
  if (!o.qid.empty()) p.map_key("qid").string(o.qid);
  p.end();
  std::fputs(text.c_str(), out);
}

}  // namespace nsearch
