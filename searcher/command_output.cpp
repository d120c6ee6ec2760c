#include "searcher/command_output.h"

#include <algorithm>

#include <fmt/core.h>

#include "searcher/story_output.h"

namespace nsearch {

namespace {

void print_strings(const std::vector<std::string>& list, Printer& p) {
  p.begin_list();
  for (const auto& s : list) p.string(s);
  p.end();
}

// A file name may hold control characters: shown as %XX.
std::string shown_path(const std::string& path) {
  std::string out;
  for (unsigned char c : path) out += c < 0x20 || c == 0x7F ? fmt::format("%{:02X}", c) : std::string(1, char(c));
  return out;
}

std::string padded(const std::string& text, std::size_t width) {
  std::size_t w = display_width(text);
  return text + std::string(w < width ? width - w : 0, ' ');
}

// Keys are mostly Latin and names mostly Arabic: the name goes last, so that a right-to-left
// name cannot move the columns, and each key and name is a field (isolated on a terminal).
std::string sources_table(const std::vector<SourceInfo>& sources, BidiMode bidi) {
  std::size_t key_width = 3;
  for (const auto& s : sources) key_width = std::max(key_width, display_width(s.key));
  std::string out =
      render_line(
          {{fmt::format("{:>8}  {}  {:<10}  {:<10}  name", "articles", padded("key", key_width), "from", "to"), false}},
          false, bidi, {}, 0) +
      "\n";
  for (const auto& s : sources) {
    std::string line =
        fmt::format("{:>8}  {}  {:<10}  {:<10}  {}", s.count, field(padded(s.key, key_width), bidi),
                    s.date_from.empty() ? "-" : s.date_from, s.date_to.empty() ? "-" : s.date_to, field(s.name, bidi));
    out += render_line({{line, false}}, false, bidi, {}, 0) + "\n";
  }
  return out;
}

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

// Padded by code points, not bytes, so Arabic columns line up on a terminal.
std::string padded_by_code_points(std::string_view s, std::size_t width) {
  std::size_t cps = 0;
  for (unsigned char c : s) cps += (c & 0xC0) != 0x80;
  return std::string(s) + std::string(cps < width ? width - cps : 1, ' ');
}

std::string token_line(const Token& t) {
  return fmt::format("{:>5} {:>4}  ", t.start, t.end) + padded_by_code_points(t.surface, 24) +
         padded_by_code_points(t.normalized, 24) + padded_by_code_points(t.term, 24) + flag_names(t) + "\n";
}

}  // namespace

void print_article(const Article& a, Printer& p) {
  // A value read from the text, not given by the file, says so.
  auto mark = [&](const char* field) {
    return std::find(a.inferred.begin(), a.inferred.end(), field) != a.inferred.end() ? "  (inferred)" : "";
  };
  p.begin_map();
  p.map_key("format_version").integer(1);
  p.map_key("id").string(a.id).text("id:     " + a.id + "\n");
  p.map_key("title").string(a.title).text("title:  " + a.title + mark("title") + "\n");
  p.map_key("source").string(a.source);
  if (!a.source.empty()) p.text("source: " + a.source + mark("source") + "\n");
  // Only when set, as the article's stored form has them.
  if (!a.co_sources.empty()) {
    p.map_key("co_sources");
    print_strings(a.co_sources, p);
    for (const auto& co : a.co_sources) p.text("with:   " + co + "\n");
  }
  p.map_key("date").string(a.date.text());
  if (!a.date.empty()) p.text("date:   " + a.date.text() + mark("date") + "\n");
  p.map_key("url").string(a.url);
  if (!a.url.empty()) p.text("url:    " + a.url + "\n");
  p.map_key("author").string(a.author);
  if (!a.author.empty()) p.text("author: " + a.author + "\n");
  p.map_key("path").string(a.path);
  p.map_key("line").integer(a.line);
  p.text("file:   " + shown_path(a.path));
  if (a.line) p.text(fmt::format(":{}", a.line));
  p.map_key("body").string(a.body).text("\n\n").text(a.body).text("\n");
  p.map_key("inferred");
  print_strings(a.inferred, p);
  p.end();
}

void print_story(const StoryInfo& story, const std::string& this_id, Printer& p) {
  p.begin_map();
  p.map_key("format_version").integer(1);
  print_story_entries(story, p);
  p.text(fmt::format("story {}: {} article{}, first published first\n\n", story.id, story.count,
                     story.count == 1 ? "" : "s"));
  p.map_key("articles").begin_list();  // the members' details, in the same order
  for (std::size_t i = 0; i < story.members.size(); ++i) {
    const StoryMember& m = story.members[i];
    p.begin_map().map_key("id").string(m.id).map_key("source").string(m.source);
    p.map_key("date").string(m.date).map_key("title").string(m.title).end();
    p.text(fmt::format("{}. {} · {} · {}{}\n   {}\n", i + 1, m.date.empty() ? "undated" : m.date,
                       m.source.empty() ? "-" : m.source, m.id, m.id == this_id ? "  (this article)" : "", m.title));
  }
  p.end().end();
}

void print_sources(const std::vector<SourceInfo>& sources, BidiMode bidi, Printer& p) {
  p.begin_map();
  p.map_key("format_version").integer(1);
  p.map_key("sources").begin_list();
  for (const auto& s : sources) {
    p.begin_map();
    p.map_key("key").string(s.key);
    p.map_key("name").string(s.name);
    p.map_key("articles").integer(s.count);
    p.map_key("date_from").string_or_null(s.date_from);
    p.map_key("date_to").string_or_null(s.date_to);
    p.end();
  }
  p.end();
  if (p.is_text()) p.text(sources_table(sources, bidi));
  p.end();
}

void print_tokens(const std::vector<Token>& tokens, Printer& p) {
  p.begin_map();
  p.map_key("format_version").integer(1);
  p.map_key("analyzer_version").integer(Analyzer::kVersion);
  p.text("start  end  surface                 normalized              term                    flags\n");
  p.map_key("tokens").begin_list();
  for (const auto& t : tokens) {
    p.begin_map();
    p.map_key("start").integer(t.start);
    p.map_key("end").integer(t.end);
    p.map_key("surface").string(t.surface);
    p.map_key("normalized").string(t.normalized);
    p.map_key("term").string(t.term);
    p.map_key("stopword").boolean(t.stopword());
    p.map_key("number").boolean(t.number());
    p.map_key("latin").boolean(t.latin());
    p.end();
    if (p.is_text()) p.text(token_line(t));
  }
  p.end().end();
}

std::string lookup_failure(const std::string& id, const ArticleLookup& found) {
  if (found.matches.empty()) return "no article with id '" + id + "'";
  std::string ids;
  for (std::size_t i = 0; i < found.matches.size() && i < 10; ++i) ids += (i ? ", " : "") + found.matches[i];
  if (found.matches.size() > 10) ids += ", ...";
  return "'" + id + "' matches several articles: " + ids;
}

}  // namespace nsearch
