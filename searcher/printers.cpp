#include "searcher/printers.h"

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include "common/errors.h"

namespace nsearch {

namespace {

using nlohmann::json;

std::string dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

json hit_json(const Hit& h) {
  json highlights = json::array();
  for (const auto& s : h.snippet.highlights) highlights.push_back({{"start", s.start}, {"end", s.end}});
  return {{"rank", h.rank},
          {"id", h.article.id},
          {"title", h.article.title},
          {"source", h.article.source},
          {"date", h.article.date.text()},
          {"score", h.score},
          {"snippet", h.snippet.text},
          {"highlights", highlights},
          {"url", h.article.url},
          {"inferred", h.article.inferred}};
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
            {"partial", r.partial},
            {"offset", r.offset},
            {"limit", r.limit},
            {"facets", facets_json(r)},
            {"suggestion", r.suggestion ? json(*r.suggestion) : json(nullptr)},
            {"warnings", r.warnings}};
  if (!qid.empty()) j["qid"] = qid;
  return j;
}

void print_text(const SearchResult& r, bool color, std::FILE* out) {
  std::string s;
  for (const auto& h : r.hits) {
    std::string meta = h.article.source.empty() ? "" : h.article.source;
    if (!h.article.date.empty()) meta += (meta.empty() ? "" : " · ") + h.article.date.text();
    s += fmt::format("{}. {}  [{}]  score {:.2f}\n", h.rank, mark(h.title, color), h.article.id, h.score);
    if (!meta.empty()) s += "   " + meta + "\n";
    if (!h.snippet.text.empty()) {
      s += "   " + std::string(h.snippet.truncated_start ? "…" : "") + mark(h.snippet, color) +
           (h.snippet.truncated_end ? "…" : "") + "\n";
    }
    s += "\n";
  }
  if (r.hits.empty()) {
    s += "no results\n";
  } else {
    s += fmt::format("{}{} results, showing {}-{}\n", r.total_is_estimate ? "about " : "", r.total, r.offset + 1,
                     r.offset + r.hits.size());
  }
  for (const auto& f : r.facets) {
    s += f.name + ":";
    for (const auto& v : f.values) s += fmt::format("  {} ({})", v.value, v.count);
    s += "\n";
  }
  if (r.suggestion) s += "did you mean: " + *r.suggestion + "\n";
  std::fputs(s.c_str(), out);
}

std::string one_line(std::string s) {
  for (char& c : s) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  return s;
}

}  // namespace

OutputFormat parse_output_format(const std::string& name) {
  if (name == "text") return OutputFormat::Text;
  if (name == "json") return OutputFormat::Json;
  if (name == "jsonl") return OutputFormat::Jsonl;
  if (name == "ids") return OutputFormat::Ids;
  if (name == "trec") return OutputFormat::Trec;
  throw Error(kExitUsage, "unknown --format '" + name + "'; use text, json, jsonl, ids or trec");
}

std::string mark(const Snippet& snippet, bool color) {
  const char* open = color ? "\033[1;31m" : "**";
  const char* close = color ? "\033[0m" : "**";
  std::string out;
  std::size_t last = 0;
  for (const auto& h : snippet.highlights) {
    out += one_line(snippet.text.substr(last, h.start - last));
    out += open + one_line(snippet.text.substr(h.start, h.end - h.start)) + close;
    last = h.end;
  }
  out += one_line(snippet.text.substr(last));
  return out;
}

void print_result(const SearchResult& r, const PrintOptions& o, std::FILE* out) {
  switch (o.format) {
    case OutputFormat::Text:
      if (!o.qid.empty()) std::fprintf(out, "# %s\t%s\n", o.qid.c_str(), r.query.c_str());
      print_text(r, o.color, out);
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

}  // namespace nsearch
