#include "indexer/text_cleaner.h"

#include <algorithm>
#include <array>
#include <cstdint>

#include <unicode/utf8.h>

namespace nsearch {

namespace {

constexpr char32_t kEsc = 0x1B;

void append_utf8(char32_t c, std::string& out) {
  char buf[4];
  int32_t i = 0;
  UBool error = false;
  U8_APPEND(buf, i, 4, static_cast<UChar32>(c), error);
  if (!error) out.append(buf, static_cast<size_t>(i));
}

// Code points of text (valid UTF-8; a stray bad byte reads as U+FFFD).
std::u32string decode(std::string_view text) {
  std::u32string out;
  out.reserve(text.size());
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const auto n = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT(s, i, n, c);
    out.push_back(c < 0 ? char32_t{0xFFFD} : static_cast<char32_t>(c));
  }
  return out;
}

bool is_space(char32_t c) { return c == ' ' || c == '\t' || c == '\n'; }

// ---- Markup -------------------------------------------------------------------------------

bool ascii_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// A tag is `<name ...>`, `</name>` or `<!...>` within this many bytes, on any number of lines.
constexpr size_t kMaxTagBytes = 1024;

bool breaks_line(std::string_view name) {
  static constexpr std::array<std::string_view, 11> kBlocks = {"br", "p",  "div", "li", "tr", "h1",
                                                               "h2", "h3", "h4",  "h5", "h6"};
  return std::find(kBlocks.begin(), kBlocks.end(), name) != kBlocks.end();
}

// Length of the tag starting at text[i] == '<' (0 when it is not one) and whether it breaks a line.
size_t tag_at(std::string_view text, size_t i, bool& line_break) {
  std::string_view rest = text.substr(i, kMaxTagBytes);
  if (rest.substr(0, 4) == "<!--") {
    size_t end = rest.find("-->", 4);
    return end == std::string_view::npos ? 0 : end + 3;
  }
  size_t k = 1;
  if (k < rest.size() && (rest[k] == '/' || rest[k] == '!')) ++k;
  if (k >= rest.size() || !ascii_alpha(rest[k])) return 0;
  std::string name;
  while (k < rest.size() && (ascii_alpha(rest[k]) || (rest[k] >= '0' && rest[k] <= '9'))) name += lower(rest[k++]);
  if (k < rest.size() && rest[k] != '>' && rest[k] != '/' && !is_space(static_cast<unsigned char>(rest[k])))
    return 0;  // `<abc-def` or `<a,b>` is text, not a tag
  size_t end = rest.find_first_of("<>", k);
  if (end == std::string_view::npos || rest[end] != '>') return 0;
  line_break = breaks_line(name);
  return end + 1;
}

std::string strip_tags(std::string_view text) {
  if (text.find('<') == std::string_view::npos) return std::string(text);
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    bool line_break = false;
    size_t n = text[i] == '<' ? tag_at(text, i, line_break) : 0;
    if (n == 0) {
      out += text[i++];
      continue;
    }
    if (line_break) out += '\n';
    i += n;
  }
  return out;
}

struct Entity {
  std::string_view name;
  char32_t code;
};

// HTML's named entities that news feeds use (the common Latin-1 and punctuation ones).
constexpr Entity kEntities[] = {
    {"amp", '&'},       {"lt", '<'},        {"gt", '>'},       {"quot", '"'},      {"apos", '\''},
    {"nbsp", 0xA0},     {"ensp", 0x2002},   {"emsp", 0x2003},  {"thinsp", 0x2009}, {"shy", 0xAD},
    {"zwnj", 0x200C},   {"zwj", 0x200D},    {"lrm", 0x200E},   {"rlm", 0x200F},    {"ndash", 0x2013},
    {"mdash", 0x2014},  {"lsquo", 0x2018},  {"rsquo", 0x2019}, {"sbquo", 0x201A},  {"ldquo", 0x201C},
    {"rdquo", 0x201D},  {"bdquo", 0x201E},  {"laquo", 0xAB},   {"raquo", 0xBB},    {"lsaquo", 0x2039},
    {"rsaquo", 0x203A}, {"hellip", 0x2026}, {"bull", 0x2022},  {"middot", 0xB7},   {"prime", 0x2032},
    {"Prime", 0x2033},  {"copy", 0xA9},     {"reg", 0xAE},     {"trade", 0x2122},  {"deg", 0xB0},
    {"times", 0xD7},    {"divide", 0xF7},   {"plusmn", 0xB1},  {"para", 0xB6},     {"sect", 0xA7},
    {"euro", 0x20AC},   {"pound", 0xA3},    {"yen", 0xA5},     {"cent", 0xA2},     {"iexcl", 0xA1},
    {"iquest", 0xBF},   {"frac12", 0xBD},   {"frac14", 0xBC},  {"frac34", 0xBE},   {"eacute", 0xE9},
    {"egrave", 0xE8},   {"aacute", 0xE1},   {"agrave", 0xE0},  {"ccedil", 0xE7},   {"ouml", 0xF6},
    {"uuml", 0xFC},     {"auml", 0xE4},     {"szlig", 0xDF},   {"dagger", 0x2020}, {"larr", 0x2190},
    {"rarr", 0x2192},   {"uarr", 0x2191},   {"darr", 0x2193},  {"minus", 0x2212},  {"permil", 0x2030},
};

// What a numeric reference means: HTML maps 128-159 to their windows-1252 characters.
char32_t numeric_entity(char32_t c) {
  static constexpr char16_t kCp1252[32] = {0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                           0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
                                           0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                           0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};
  if (c >= 0x80 && c <= 0x9F) return kCp1252[c - 0x80] ? kCp1252[c - 0x80] : 0xFFFD;
  if (c == 0 || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) return 0xFFFD;
  return c;
}

// The code point of the reference starting at text[i] == '&', and its length (0: not one).
size_t entity_at(std::string_view text, size_t i, char32_t& code) {
  std::string_view rest = text.substr(i, 40);
  size_t semi = rest.find(';');
  if (semi == std::string_view::npos || semi < 2) return 0;
  std::string_view body = rest.substr(1, semi - 1);
  if (body[0] == '#') {
    bool hex = body.size() > 1 && (body[1] == 'x' || body[1] == 'X');
    std::string_view digits = body.substr(hex ? 2 : 1);
    if (digits.empty() || digits.size() > 7) return 0;
    char32_t v = 0;
    for (char c : digits) {
      int d = c >= '0' && c <= '9'          ? c - '0'
              : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10
              : hex && c >= 'A' && c <= 'F' ? c - 'A' + 10
                                            : -1;
      if (d < 0) return 0;
      v = v * (hex ? 16 : 10) + static_cast<char32_t>(d);
    }
    code = numeric_entity(v);
    return semi + 1;
  }
  for (const Entity& e : kEntities) {
    if (e.name == body) {
      code = e.code;
      return semi + 1;
    }
  }
  return 0;
}

std::string decode_entities(std::string_view text) {
  if (text.find('&') == std::string_view::npos) return std::string(text);
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    char32_t code = 0;
    size_t n = text[i] == '&' ? entity_at(text, i, code) : 0;
    if (n == 0) {
      out += text[i++];
      continue;
    }
    append_utf8(code, out);
    i += n;
  }
  return out;
}

// ---- Spaces and controls ------------------------------------------------------------------

bool is_removed_invisible(char32_t c) {
  return (c >= 0x200C && c <= 0x200F) || c == 0x2060 || c == 0x061C || (c >= 0x202A && c <= 0x202E) ||
         (c >= 0x2066 && c <= 0x2069) || c == 0xFEFF || c == 0x00AD;
}

bool is_nbsp(char32_t c) { return c == 0xA0 || c == 0x2007 || c == 0x202F; }

bool is_control(char32_t c) { return c < 0x20 || (c >= 0x7F && c <= 0x9F); }

// Length of the escape sequence at t[i] (ESC or a C1 introducer); at least 1.
size_t escape_length(const std::u32string& t, size_t i) {
  const size_t n = t.size();
  size_t k = i + 1;
  char32_t kind = t[i];
  if (kind == kEsc) {
    if (k >= n) return 1;
    char32_t next = t[k];
    if (next == '[')
      kind = 0x9B;
    else if (next == ']')
      kind = 0x9D;
    else if (next == 'P' || next == 'X' || next == '^' || next == '_')
      kind = 0x90;
    else {
      // Two-byte escapes and nF sequences: intermediates 0x20-0x2F, then one final 0x30-0x7E.
      while (k < n && t[k] >= 0x20 && t[k] <= 0x2F) ++k;
      return k < n && t[k] >= 0x30 && t[k] <= 0x7E ? k + 1 - i : k - i;
    }
    ++k;
  }
  if (kind == 0x9B) {  // CSI: parameters 0x30-0x3F, intermediates 0x20-0x2F, a final 0x40-0x7E
    while (k < n && t[k] >= 0x30 && t[k] <= 0x3F) ++k;
    while (k < n && t[k] >= 0x20 && t[k] <= 0x2F) ++k;
    return k < n && t[k] >= 0x40 && t[k] <= 0x7E ? k + 1 - i : k - i;
  }
  if (kind == 0x9D || kind == 0x90 || kind == 0x98 || kind == 0x9E || kind == 0x9F) {
    // A string: up to BEL (OSC), ST (U+009C) or ESC \.
    for (; k < n; ++k) {
      if (t[k] == 0x07 || t[k] == 0x9C) return k + 1 - i;
      if (t[k] == kEsc) return (k + 1 < n && t[k + 1] == '\\' ? k + 2 : k) - i;
    }
    return n - i;
  }
  return 1;
}

bool is_escape_start(char32_t c) {
  return c == kEsc || c == 0x9B || c == 0x9D || c == 0x90 || c == 0x98 || c == 0x9E || c == 0x9F;
}

// Whether clean_characters would change text. Most text is Arabic and ASCII letters,
// punctuation and line breaks: only these byte patterns start a character it changes.
bool needs_cleaning(std::string_view text, bool keep_breaks) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  for (size_t i = 0; i < n; ++i) {
    unsigned char b = s[i];
    if (b < 0x20 || b == 0x7F) {
      if (!keep_breaks || (b != '\n' && b != '\t')) return true;
    } else if (b == 0xC2 && i + 1 < n) {
      unsigned char c = s[i + 1];
      if (c <= 0xA0 || c == 0xAD) return true;  // C1 controls, NBSP, soft hyphen
    } else if (b == 0xD8 && i + 1 < n && s[i + 1] == 0x9C) {
      return true;  // ALM
    } else if (b == 0xE2 && i + 2 < n) {
      unsigned char c = s[i + 1], d = s[i + 2];
      if (c == 0x80 && (d == 0x87 || (d >= 0x8B && d <= 0x8F) || (d >= 0xA8 && d <= 0xAF))) return true;
      if (c == 0x81 && (d == 0xA0 || (d >= 0xA6 && d <= 0xA9))) return true;
    } else if (b == 0xEF && i + 2 < n && s[i + 1] == 0xBB && s[i + 2] == 0xBF) {
      return true;  // BOM
    }
  }
  return false;
}

// One pass over the code points: escape sequences, controls and invisibles out, spaces plain.
// keep_breaks: line feeds and tabs stay (else they become spaces).
std::string clean_characters(std::string_view text, bool keep_breaks) {
  if (!needs_cleaning(text, keep_breaks)) return std::string(text);
  std::u32string t = decode(text);
  std::string out;
  out.reserve(text.size());
  auto last_is_space = [&] { return out.empty() || out.back() == ' ' || out.back() == '\n' || out.back() == '\t'; };
  for (size_t i = 0; i < t.size();) {
    char32_t c = t[i];
    if (is_escape_start(c)) {
      i += escape_length(t, i);
      continue;
    }
    ++i;
    if (c == '\r') {
      if (i < t.size() && t[i] == '\n') continue;  // CR LF: the LF follows
      c = '\n';
    }
    if (c == 0x2028 || c == 0x2029 || c == 0x85) c = '\n';
    if (c == '\n' || c == '\t') {
      out += keep_breaks ? static_cast<char>(c) : ' ';
      continue;
    }
    if (is_control(c) || is_removed_invisible(c)) continue;
    if (is_nbsp(c)) c = ' ';
    if (c == 0x200B) {  // zero-width space: a word break between visible characters
      if (last_is_space() || i >= t.size() || is_space(t[i]) || is_nbsp(t[i])) continue;
      c = ' ';
    }
    append_utf8(c, out);
  }
  return out;
}

std::string trim_spaces(std::string s) {
  size_t a = s.find_first_not_of(" \t\n");
  if (a == std::string::npos) return "";
  size_t b = s.find_last_not_of(" \t\n");
  return s.substr(a, b + 1 - a);
}

}  // namespace

std::string clean_text(std::string_view text) { return clean_characters(decode_entities(strip_tags(text)), true); }

std::string clean_line(std::string_view text) { return trim_spaces(clean_characters(decode_entities(text), false)); }

std::string clean_id(std::string_view text) { return trim_spaces(clean_characters(text, false)); }

}  // namespace nsearch
