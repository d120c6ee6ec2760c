#include "indexer/outlet_finder.h"

#include <algorithm>
#include <optional>

#include "indexer/date_finder.h"
#include "indexer/title_finder.h"

namespace nsearch {

namespace {

constexpr size_t kMaxCreditWords = 8;
constexpr size_t kMaxSignOffWords = 6;
// How many lines after the title hold a dateline or a lead attribution.
constexpr size_t kLeadLines = 2;

// Words that name a kind of outlet, not an outlet.
constexpr std::string_view kOutletKinds[] = {"وكاله", "صحيفه", "جريده", "قناه", "موقع", "اذاعه", "شبكه",   "تلفزيون",
                                             "نت",    "نيوز",  "تايمز", "بوست", "برس",  "لاين",  "اونلاين"};

bool is_quote(std::string_view p) {
  return p == "«" || p == "»" || p == "\"" || p == "“" || p == "”" || p == "'" || p == "(" || p == ")" || p == "[" ||
         p == "]" || p == "*" || p == ":" || p == "." || p == "-" || p == "–" || p == "—" || p == "ـ" || p == "/" ||
         p == "،" || p == "," || p == ">";
}

std::string_view strip_marks(std::string_view s) {
  while (true) {
    s = trim_text(s);
    std::vector<TextToken> t = tokenize(s);
    if (t.empty()) return "";
    if (t.front().kind == TextToken::Kind::Punct && is_quote(t.front().key)) {
      s.remove_prefix(t.front().end);
      continue;
    }
    if (t.back().kind == TextToken::Kind::Punct && is_quote(t.back().key)) {
      s = s.substr(0, t.back().begin);
      continue;
    }
    return s;
  }
}

// A name as it is shown and stored: a tab or a run of spaces between its words is one space.
std::string single_spaced(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    bool space = c == ' ' || c == '\t';
    if (space && (out.empty() || out.back() == ' ')) continue;
    out += space ? ' ' : c;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::string substr(std::string_view line, const std::vector<TextToken>& t, size_t from, size_t to) {
  if (from >= to || to > t.size()) return "";
  return std::string(line.substr(t[from].begin, t[to - 1].end - t[from].begin));
}

bool is_abbreviation(const std::vector<TextToken>& t) {
  size_t letters = 0;
  for (const TextToken& k : t) {
    if (k.kind == TextToken::Kind::Number) return false;
    if (k.kind == TextToken::Kind::Word) {
      if (k.key.size() > 2) return false;  // one Arabic letter is two bytes
      ++letters;
    }
  }
  return letters >= 2;
}

// The side of a dateline that is marked as an outlet: «…», (…), وكالة …, أ ف ب.
bool marked_as_outlet(std::string_view side) {
  std::vector<TextToken> t = tokenize(side);
  if (t.empty()) return false;
  for (const TextToken& k : t) {
    if (k.is_punct("«") || k.is_punct("(")) return true;
  }
  return t.front().is_word("وكاله") || is_abbreviation(t);
}

std::optional<OutletFinding> from_dateline(const TextLine& line, size_t index, const FolderProfile* profile) {
  // "PLACE DATE AGENCY": the words after the stated date end the line.
  if (!line.more_words_than(16)) {
    const std::vector<TextToken>& t = line.tokens();
    for (size_t k = 0; k < t.size(); ++k) {
      auto s = stated_date_at(t, k);
      if (!s || !s->year || !s->day || k == 0) continue;
      if (date_in_prose(t, k)) break;
      size_t after = k + s->tokens;
      if (after < t.size() && t[after].is_word("الموافق")) continue;  // the Gregorian date follows
      size_t words = 0;
      for (size_t j = after; j < t.size(); ++j) words += t[j].kind != TextToken::Kind::Punct;
      if (words >= 1 && words <= 3 && t[after].kind == TextToken::Kind::Word) {
        std::string credit = substr(line.text, t, after, t.size());
        return OutletFinding{outlet_name(credit), index, "dateline", std::string(line.text)};
      }
      break;
    }
  }
  DatelineParts d = dateline_parts(line);
  if (d.empty()) return std::nullopt;
  bool first = marked_as_outlet(d.first), second = marked_as_outlet(d.second);
  if (!first && !second && profile) {
    const std::string& top = profile->top_dateline_part();
    std::uint32_t n = profile->dateline_files(top);
    if (n >= FolderProfile::kMinChromeFiles && n >= FolderProfile::kMinChromeShare * profile->files()) {
      first = d.first_key == top;
      second = d.second_key == top;
    }
  }
  if (first == second) return std::nullopt;
  return OutletFinding{outlet_name(first ? d.first : d.second), index, "dateline",
                       std::string(line.text.substr(0, d.end))};
}

// Verbs by which a lead credits the outlet: "علمت وكالة الأناضول", "أفاد مراسل الجزيرة".
constexpr std::string_view kCreditVerbs[] = {"علمت", "افاد", "افادت"};
constexpr std::string_view kNameStops[] = {"من",   "ان",   "بان",  "في", "عن",  "الى",  "علي", "اليوم",  "امس",
                                           "مساء", "صباح", "نقلا", "ان", "انه", "بانه", "ل",   "الرسميه"};

std::optional<OutletFinding> from_lead(const TextLine& line, size_t index) {
  const std::vector<TextToken>& t = line.tokens();
  for (size_t i = 0; i + 2 < t.size() && i < 40; ++i) {
    if (t[i].kind != TextToken::Kind::Word ||
        std::find(std::begin(kCreditVerbs), std::end(kCreditVerbs), t[i].key) == std::end(kCreditVerbs))
      continue;
    size_t from = i + 1;
    bool agency = t[from].is_word("وكاله");
    bool reporter = t[from].is_word("مراسل") || t[from].is_word("مراسله");
    if (!agency && !reporter) continue;
    size_t start = reporter ? from + 1 : from;
    size_t end = from + 1;
    while (end < t.size() && end < from + 4 && t[end].kind == TextToken::Kind::Word &&
           std::find(std::begin(kNameStops), std::end(kNameStops), t[end].key) == std::end(kNameStops))
      ++end;
    if (end <= start) continue;
    std::string credit = substr(line.text, t, start, end);
    return OutletFinding{outlet_name(credit), index, "lead attribution", substr(line.text, t, i, end)};
  }
  return std::nullopt;
}

}  // namespace

OutletName outlet_name(std::string_view credit) {
  OutletName out;
  std::vector<TextToken> t = tokenize(credit);
  size_t from = 0;
  auto flush = [&](size_t to) {
    if (from < to) {
      std::string part = single_spaced(strip_marks(credit.substr(t[from].begin, t[to - 1].end - t[from].begin)));
      if (!part.empty()) (out.name.empty() ? out.name : out.co_sources.emplace_back()) = part;
    }
  };
  for (size_t i = 0; i < t.size(); ++i) {
    if (t[i].is_punct("+") || t[i].is_punct("،") || t[i].is_punct(",") || t[i].is_punct("&") || t[i].is_punct("|")) {
      flush(i);
      from = i + 1;
    }
  }
  flush(t.size());
  return out;
}

std::string attribution_credit(std::string_view line) {
  // Every attribution line opens with المصدر, مصدر or رابط: most lines are rejected unread.
  if (!(line.starts_with("المصدر") || line.starts_with("مصدر") || line.starts_with("رابط"))) return "";
  std::vector<TextToken> t = tokenize(line);
  size_t i = 0;
  if (t.size() >= 2 && t[0].is_word("مصدر") && t[1].is_word("الخبر"))
    i = 2;
  else if (!t.empty() && t[0].is_word("المصدر"))
    i = 1;
  if (i > 0) {
    if (i >= t.size() || !(t[i].is_punct(":") || t[i].is_punct("/") || t[i].is_punct("-"))) return "";
    std::string_view rest = line.substr(t[i].end);
    std::vector<TextToken> r = tokenize(rest);
    if (word_count(r) == 0 || word_count(r) > kMaxCreditWords) return "";
    return std::string(trim_text(rest));
  }
  // "رابط الخبر بصحيفة الوئام: …": the outlet is named before the colon.
  if (t.size() >= 4 && t[0].is_word("رابط") && t[1].is_word("الخبر")) {
    size_t k = 2;
    if (t[k].is_word("في")) ++k;
    if (k < t.size() && (t[k].key == "بصحيفه" || t[k].key == "صحيفه" || t[k].key == "بموقع" || t[k].key == "موقع" ||
                         t[k].key == "بجريده" || t[k].key == "جريده")) {
      size_t end = k + 1;
      while (end < t.size() && end < k + 4 && t[end].kind == TextToken::Kind::Word) ++end;
      if (end < t.size() && t[end].is_punct(":") && end > k + 1) return substr(line, t, k + 1, end);
    }
  }
  return "";
}

bool is_sign_off(const TextLine& line) {
  if (line.more_words_than(kMaxSignOffWords)) return false;
  const std::vector<TextToken>& t = line.tokens();
  if (word_count(t) == 0) return false;
  bool kind = false;
  for (const TextToken& k : t) {
    if (k.kind == TextToken::Kind::Number) return false;
    if (k.kind == TextToken::Kind::Punct && !(k.is_punct("«") || k.is_punct("»") || k.is_punct("-") || k.is_punct("*")))
      return false;
    if (k.kind == TextToken::Kind::Word &&
        std::find(std::begin(kOutletKinds), std::end(kOutletKinds), k.key) != std::end(kOutletKinds))
      kind = true;
  }
  return kind;
}

OutletFinding find_outlet(const std::vector<TextLine>& lines, size_t title, const FolderProfile* profile) {
  OutletFinding found;
  // 1. Attribution lines: the first names the outlet, later ones add co-sources.
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string credit = attribution_credit(lines[i].text);
    if (credit.empty()) continue;
    OutletName name = outlet_name(credit);
    if (name.name.empty()) continue;
    if (found.outlet.name.empty()) {
      found = OutletFinding{std::move(name), i, "attribution line", std::string(lines[i].text)};
    } else if (name.name != found.outlet.name &&
               std::find(found.outlet.co_sources.begin(), found.outlet.co_sources.end(), name.name) ==
                   found.outlet.co_sources.end()) {
      found.outlet.co_sources.push_back(name.name);
    }
  }
  if (!found.outlet.name.empty()) return found;
  // 2. A sign-off: the last line names an outlet.
  if (lines.size() > title + 1 && is_sign_off(lines.back())) {
    std::string_view text = lines.back().text;
    size_t open = text.find("«"), close = text.find("»");
    std::string_view credit = open != std::string_view::npos && close != std::string_view::npos && close > open
                                  ? text.substr(open, close - open)
                                  : text;
    return OutletFinding{outlet_name(credit), lines.size() - 1, "sign-off", std::string(text)};
  }
  // 3. A dateline opening one of the first lines after the title; 4. a lead attribution.
  std::vector<size_t> lead = lead_lines(lines, title, kLeadLines);
  for (size_t i : lead) {
    if (auto d = from_dateline(lines[i], i, profile)) return *d;
  }
  for (size_t i : lead) {
    if (auto l = from_lead(lines[i], i)) return *l;
  }
  return found;
}

}  // namespace nsearch
