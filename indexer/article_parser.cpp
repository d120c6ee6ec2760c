#include "indexer/article_parser.h"

#include <algorithm>

#include <unicode/uchar.h>
#include <unicode/utf8.h>
#include <nlohmann/json.hpp>

#include "indexer/byte_blocks.h"
#include "indexer/text_cleaner.h"

namespace nsearch {

namespace {

std::string_view trim(std::string_view s) {
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return s;
}

// Splits off the next line of s (without '\n'); s advances past it.
std::string_view next_line(std::string_view& s) {
  size_t nl = s.find('\n');
  std::string_view line = s.substr(0, nl);
  s.remove_prefix(nl == std::string_view::npos ? s.size() : nl + 1);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

// JSON nested deeper than this is not an article record; checked before parsing because
// freeing a deeply nested value recurses once per level.
constexpr int kMaxJsonDepth = 64;

// These checks reject what cannot be an article before any analysis is spent on it.
std::string content_problem(std::string_view content) {
  if (std::string big = oversize_problem(content.size()); !big.empty()) return big;
  if (trim(content).empty()) return "empty article";
  if (content.find('\0') != std::string_view::npos) return "binary data (NUL bytes), not an article";
  if (size_t bad = invalid_utf8_offset(content); bad != std::string_view::npos) {
    return "not valid UTF-8 (first bad byte at offset " + std::to_string(bad) + ")";
  }
  return "";
}

// Deepest nesting of arrays and objects, strings skipped (a cheap pre-scan, no parse).
int json_depth(std::string_view text) {
  int depth = 0, deepest = 0;
  bool in_string = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (in_string) {
      if (c == '\\')
        ++i;
      else if (c == '"')
        in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      deepest = std::max(deepest, ++depth);
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return deepest;
}

// False when text has no letter or digit that survives normalization: only diacritics,
// tatweel (a modifier letter to Unicode), punctuation or spaces.
bool has_searchable_text(std::string_view text) {
  int32_t i = 0, n = static_cast<int32_t>(text.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(reinterpret_cast<const uint8_t*>(text.data()), i, n, c);
    if (c > 0 && c != 0x0640 && u_isalnum(c)) return true;
  }
  return false;
}

// The last check on a parsed article: something a query can find.
void accept(Article&& a, ParseResult& result) {
  if (!has_searchable_text(a.title) && !has_searchable_text(a.body)) {
    result.error = "no searchable text (only diacritics, tatweel, punctuation or spaces)";
  } else {
    result.article = std::move(a);
  }
}

void set_date(Article& a, std::string_view text, ParseResult& result) {
  if (trim(text).empty()) return;
  if (auto d = parse_date(text)) {
    a.date = *d;
  } else {
    result.warnings.push_back("unparseable date '" + std::string(trim(text)) + "'; indexed without a date");
  }
}

bool read_front_matter(std::string_view& rest, Article& a, ParseResult& result) {
  std::string_view probe = rest;
  if (trim(next_line(probe)) != "---") return false;
  std::string_view header = probe;
  while (!header.empty()) {
    std::string_view line = next_line(header);
    if (trim(line) == "---") {
      rest = header;
      return true;
    }
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    std::string key(trim(line.substr(0, colon)));
    std::string_view value = trim(line.substr(colon + 1));
    if (key == "id")
      a.id = value;
    else if (key == "title")
      a.title = value;
    else if (key == "source")
      a.source = value;
    else if (key == "date")
      set_date(a, value, result);
    else if (key == "url")
      a.url = value;
    else if (key == "author")
      a.author = value;
  }
  return false;  // no closing `---`: the whole file is body
}

void first_line_as_title(Article& a) {
  std::string_view scan = a.body;
  while (!scan.empty() && a.title.empty()) a.title = trim(next_line(scan));
}

// Fills what the header left empty from the text, and marks it inferred.
void infer_from_text(Article& a, bool had_header, int first_line, const InferenceOptions& options,
                     ParseResult& result) {
  MetadataInference m = infer_metadata(a.body, first_line, options);
  if (a.title.empty() && !m.title.empty()) {
    a.title = m.title;
    a.inferred.push_back("title");
  }
  if (a.source.empty() && !m.source.empty()) {
    a.source = m.source;
    a.co_sources = m.co_sources;
    a.inferred.push_back("source");
  }
  if (a.date.empty() && !m.date.empty()) {
    a.date = m.date;
    a.inferred.push_back("date");
  }
  if (!had_header && !m.body.empty()) a.body = m.body;
  result.inference = std::move(m);
}

// Every field as it will be stored and shown (indexer/text_cleaner.h).
void clean_fields(Article& a) {
  a.id = clean_id(a.id);
  a.title = trim(clean_text(a.title));
  a.body = trim(clean_text(a.body));
  a.source = clean_line(a.source);
  a.url = clean_line(a.url);
  a.author = clean_line(a.author);
}

std::string string_field(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return "";
  if (it->is_string()) return it->get<std::string>();
  if (it->is_number()) return it->dump();
  throw std::invalid_argument(std::string("field '") + key + "' is not a string");
}

}  // namespace

std::string oversize_problem(size_t bytes) {
  if (bytes <= kMaxArticleBytes) return "";
  return "article of " + std::to_string(bytes >> 20) + " MB is over the " + std::to_string(kMaxArticleBytes >> 20) +
         " MB limit";
}

namespace {

// Whether the sixteen bytes at p (and the one after them) are ASCII and whole two-byte sequences
// (Arabic text is little else), p being at a character's start.
bool ascii_and_two_byte_block(const char* p) {
  ByteBlock x = load_block(p), next = load_block(p + 1);
  BlockMask lead = x >= 0xC2, continued = (next & 0xC0) == 0x80;
  // Every lead byte followed by a continuation byte and every continuation byte led (the first
  // byte is a character's start: it must not be one); no byte of a longer sequence.
  return !any((x >= 0xE0) | ((x & 0xFE) == 0xC0) | (lead ^ continued)) && (x[0] & 0xC0) != 0x80;
}

}  // namespace

size_t invalid_utf8_offset(std::string_view text) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  size_t n = text.size(), i = 0;
  size_t one_by_one_until = 0;  // after a block that is not all ASCII and two-byte sequences
  while (i < n) {
    if (i >= one_by_one_until && i + sizeof(ByteBlock) + 1 <= n) {
      if (ascii_and_two_byte_block(text.data() + i)) {
        i += sizeof(ByteBlock) + (s[i + sizeof(ByteBlock) - 1] >= 0xC2);  // and a last lead's continuation
        continue;
      }
      one_by_one_until = i + sizeof(ByteBlock);
    }
    unsigned char c = s[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    if (c >= 0xC2 && c <= 0xDF && i + 1 < n && (s[i + 1] & 0xC0) == 0x80) {
      i += 2;
      continue;
    }
    size_t len = c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
    if (len == 0 || i + len > n) return i;
    for (size_t k = 1; k < len; ++k) {
      if ((s[i + k] & 0xC0) != 0x80) return i;
    }
    // Overlong 3/4-byte forms, surrogates and code points past U+10FFFF.
    if ((c == 0xE0 && s[i + 1] < 0xA0) || (c == 0xED && s[i + 1] > 0x9F) || (c == 0xF0 && s[i + 1] < 0x90) ||
        (c == 0xF4 && s[i + 1] > 0x8F)) {
      return i;
    }
    i += len;
  }
  return std::string_view::npos;
}

ParseResult parse_article_file(std::string_view content, const std::string& default_id, const InferenceOptions* infer) {
  ParseResult result;
  if (std::string problem = content_problem(content); !problem.empty()) {
    result.error = problem;
    return result;
  }
  if (content.substr(0, 3) == "\xEF\xBB\xBF") content.remove_prefix(3);  // UTF-8 BOM
  Article a;
  std::string_view rest = content;
  bool had_header = read_front_matter(rest, a, result);
  std::string_view body = trim(rest);
  a.body = body;
  clean_fields(a);
  if (infer) {
    int first_line =
        1 + static_cast<int>(std::count(content.begin(), content.begin() + (body.data() - content.data()), '\n'));
    infer_from_text(a, had_header, first_line, *infer, result);
  }
  first_line_as_title(a);
  if (a.body.empty() && a.title.empty()) {
    result.error = "header but no body";
    return result;
  }
  if (a.id.empty()) a.id = default_id;
  accept(std::move(a), result);
  return result;
}

ParseResult parse_json_article(std::string_view line) {
  ParseResult result;
  if (std::string problem = content_problem(line); !problem.empty()) {
    result.error = problem;
    return result;
  }
  if (json_depth(line) > kMaxJsonDepth) {
    result.error = "JSON nested deeper than " + std::to_string(kMaxJsonDepth) + " levels, not an article record";
    return result;
  }
  nlohmann::json j = nlohmann::json::parse(line.begin(), line.end(), nullptr, false);
  if (j.is_discarded()) {
    result.error = "malformed JSON (truncated line or syntax error)";
    return result;
  }
  if (!j.is_object()) {
    result.error = "not a JSON object";
    return result;
  }
  try {
    Article a;
    a.id = string_field(j, "id");
    a.title = string_field(j, "title");
    a.body = string_field(j, "body");
    a.source = string_field(j, "source");
    a.url = string_field(j, "url");
    a.author = string_field(j, "author");
    set_date(a, string_field(j, "date"), result);
    clean_fields(a);
    if (a.id.empty())
      result.error = "no 'id'";
    else if (trim(a.title).empty() && trim(a.body).empty())
      result.error = "no title and no body";
    else
      accept(std::move(a), result);
  } catch (const std::invalid_argument& e) {
    result.error = e.what();
  }
  return result;
}

}  // namespace nsearch
