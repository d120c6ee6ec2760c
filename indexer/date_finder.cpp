#include "indexer/date_finder.h"

#include <unicode/calendar.h>
#include <unicode/gregocal.h>
#include <unicode/locid.h>
#include <unicode/timezone.h>

#include <algorithm>
#include <memory>
#include <string_view>

#include "indexer/byte_blocks.h"
#include "indexer/title_finder.h"

namespace nsearch {

namespace {

// A name of one or two words, as line_key spells them, split once (name_at is asked at every
// token of a dateline).
struct Name {
  constexpr Name(std::string_view key, int value)
      : first(key.substr(0, key.find(' '))),
        second(key.size() > first.size() ? key.substr(first.size() + 1) : std::string_view()),
        value(value) {}
  std::string_view first, second;  // second: "" for a one-word name
  int value;
};

// Month names as the analyzer's normalizer spells them (أ/إ/آ -> ا, ة -> ه, ى -> ي).
constexpr Name kGregorianMonths[] = {
    {"يناير", 1},         {"فبراير", 2},      {"مارس", 3},         {"ابريل", 4}, {"مايو", 5},   {"يونيو", 6},
    {"يونيه", 6},         {"يوليو", 7},       {"يوليه", 7},        {"اغسطس", 8}, {"سبتمبر", 9}, {"اكتوبر", 10},
    {"نوفمبر", 11},       {"ديسمبر", 12},     {"كانون الثاني", 1}, {"شباط", 2},  {"اذار", 3},   {"نيسان", 4},
    {"ايار", 5},          {"حزيران", 6},      {"تموز", 7},         {"اب", 8},    {"ايلول", 9},  {"تشرين الاول", 10},
    {"تشرين الثاني", 11}, {"كانون الاول", 12}};
constexpr Name kHijriMonths[] = {{"محرم", 1},          {"صفر", 2},          {"ربيع الاول", 3},   {"ربيع الثاني", 4},
                                 {"ربيع الاخر", 4},    {"جمادي الاولي", 5}, {"جمادي الاول", 5},  {"جمادي الاخره", 6},
                                 {"جمادي الثانيه", 6}, {"جمادي الاخر", 6},  {"جمادي الثاني", 6}, {"رجب", 7},
                                 {"شعبان", 8},         {"رمضان", 9},        {"شوال", 10},        {"ذو القعده", 11},
                                 {"ذي القعده", 11},    {"ذو الحجه", 12},    {"ذي الحجه", 12}};
constexpr Name kWeekdays[] = {{"الاحد", 0},  {"الاثنين", 1}, {"الثلاثاء", 2}, {"الاربعاء", 3},
                              {"الخميس", 4}, {"الجمعه", 5},  {"السبت", 6}};

// Matches a (possibly two-word) name at tokens[i]; returns its value and width.
std::optional<std::pair<int, size_t>> name_at(const std::vector<TextToken>& t, size_t i, const auto& table) {
  if (i >= t.size() || t[i].kind != TextToken::Kind::Word) return std::nullopt;
  std::optional<std::pair<int, size_t>> best;
  for (const Name& n : table) {
    if (n.second.empty()) {
      if (t[i].key == n.first && !best) best = {{n.value, 1}};
    } else if (i + 1 < t.size() && t[i].key == n.first && t[i + 1].kind == TextToken::Kind::Word &&
               t[i + 1].key == n.second) {
      return std::pair<int, size_t>{n.value, 2};
    }
  }
  return best;
}

std::optional<int> weekday_at(const std::vector<TextToken>& t, size_t i) {
  auto w = name_at(t, i, kWeekdays);
  if (!w) return std::nullopt;
  return w->first;
}

bool valid_day(int y, int m, int d) { return y >= 1 && m >= 1 && m <= 12 && d >= 1 && d <= days_in_month(y, m); }

Date day_date(int y, int m, int d) {
  Date date;
  if (!valid_day(y, m, d)) return date;
  date.year = y, date.month = m, date.day = d;
  date.precision = Date::Precision::Day;
  return date;
}

long to_days(const Date& d) { return days_from_date(d.year, d.month, d.day); }

// The latest day on or before `ref` that falls on `weekday`.
Date last_weekday(const Date& ref, int weekday) {
  long r = to_days(ref);
  int back = (weekday_of(r) - weekday + 7) % 7;
  return date_from_days(r - back);
}

std::string phrase_of(std::string_view line, const std::vector<TextToken>& t, size_t from, size_t to) {
  to = std::min(to, t.size());
  if (from >= to) return "";
  return std::string(line.substr(t[from].begin, t[to - 1].end - t[from].begin));
}

bool is_year_marker(const TextToken& t) { return t.is_word("ه") || t.is_word("م"); }

}  // namespace

long days_from_date(int y, int m, int d) {  // H. Hinnant's days_from_civil
  y -= m <= 2;
  long era = (y >= 0 ? y : y - 399) / 400;
  long yoe = y - era * 400;
  long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Date date_from_days(long z) {
  z += 719468;
  long era = (z >= 0 ? z : z - 146096) / 146097;
  long doe = z - era * 146097;
  long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long y = yoe + era * 400;
  long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  long mp = (5 * doy + 2) / 153;
  int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return day_date(static_cast<int>(y + (m <= 2)), m, d);
}

int weekday_of(long days) { return static_cast<int>(((days % 7) + 7 + 4) % 7); }

Date hijri_to_gregorian(int year, int month, int day) {
  if (year < 1300 || year > 1600 || month < 1 || month > 12 || day < 1 || day > 30) return {};
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::TimeZone> utc(icu::TimeZone::createTimeZone("UTC"));
  std::unique_ptr<icu::Calendar> hijri(
      icu::Calendar::createInstance(utc->clone(), icu::Locale("ar@calendar=islamic-umalqura"), status));
  if (U_FAILURE(status)) return {};
  hijri->setLenient(false);
  hijri->clear();
  hijri->set(year, month - 1, day);
  UDate when = hijri->getTime(status);
  if (U_FAILURE(status)) return {};  // day 30 of a 29-day month
  icu::GregorianCalendar gregorian(utc.release(), icu::Locale::getRoot(), status);
  gregorian.setTime(when, status);
  if (U_FAILURE(status)) return {};
  return day_date(gregorian.get(UCAL_YEAR, status), gregorian.get(UCAL_MONTH, status) + 1,
                  gregorian.get(UCAL_DATE, status));
}

std::optional<StatedDate> stated_date_at(const std::vector<TextToken>& t, size_t i) {
  if (i >= t.size()) return std::nullopt;
  StatedDate s;
  size_t j = i;
  // Numeric: d/m/yyyy (Gregorian, or Hijri when the year is 13xx-15xx or marked هـ).
  if (t[j].kind == TextToken::Kind::Number && j + 4 < t.size() && t[j + 1].is_punct("/") &&
      t[j + 2].kind == TextToken::Kind::Number && t[j + 3].is_punct("/") && t[j + 4].kind == TextToken::Kind::Number &&
      t[j + 4].key.size() == 4) {
    int d = static_cast<int>(t[j].value), m = static_cast<int>(t[j + 2].value), y = static_cast<int>(t[j + 4].value);
    s.tokens = 5 + (j + 5 < t.size() && is_year_marker(t[j + 5]));
    if (y >= 1300 && y <= 1600) {
      Date g = hijri_to_gregorian(y, m, d);
      if (g.empty()) return std::nullopt;
      s.hijri = true, s.year = g.year, s.month = g.month, s.day = g.day;
      return s;
    }
    if (y < 1900 || y > 2100 || !valid_day(y, m, d)) return std::nullopt;
    s.year = y, s.month = m, s.day = d;
    return s;
  }
  if (t[j].kind == TextToken::Kind::Number && t[j].value >= 1 && t[j].value <= 31)
    s.day = static_cast<int>(t[j++].value);
  auto hijri = name_at(t, j, kHijriMonths);
  auto gregorian = hijri ? std::nullopt : name_at(t, j, kGregorianMonths);
  if (!hijri && !gregorian) return std::nullopt;
  s.hijri = hijri.has_value();
  s.month = hijri ? hijri->first : gregorian->first;
  j += hijri ? hijri->second : gregorian->second;
  // The other series' name: أكتوبر/تشرين الأول, ديسمبر (كانون الأول).
  if (!s.hijri && j + 1 < t.size() && (t[j].is_punct("/") || t[j].is_punct("("))) {
    bool paren = t[j].is_punct("(");
    auto alt = name_at(t, j + 1, kGregorianMonths);
    if (alt && alt->first == s.month) {
      j += 1 + alt->second;
      if (paren && j < t.size() && t[j].is_punct(")")) ++j;
    }
  }
  size_t before_year = j;
  if (j < t.size() && t[j].is_word("من")) ++j;
  if (j < t.size() && (t[j].is_word("العام") || t[j].is_word("عام") || t[j].is_word("سنه"))) ++j;
  if (j < t.size() && t[j].is_punct(",")) ++j;
  if (j < t.size() && t[j].kind == TextToken::Kind::Number && t[j].key.size() == 4) {
    s.year = static_cast<int>(t[j++].value);
    if (j < t.size() && is_year_marker(t[j])) ++j;
  } else {
    j = before_year;
  }
  if (s.year == 0 && s.day == 0) return std::nullopt;  // a bare month name: مارس is also a verb
  if (s.month == 8 && !s.hijri && t[j - 1].is_word("اب") && s.day == 0) return std::nullopt;
  if (s.hijri) {
    if (s.year < 1300 || s.year > 1600) return std::nullopt;
    if (s.day == 0) return std::nullopt;  // a Hijri month alone is not converted to a Gregorian one
    Date g = hijri_to_gregorian(s.year, s.month, s.day);
    if (g.empty()) return std::nullopt;
    s.year = g.year, s.month = g.month, s.day = g.day;
  } else if (s.year != 0 && (s.year < 1900 || s.year > 2100)) {
    return std::nullopt;
  } else if (s.year != 0 && s.day != 0 && !valid_day(s.year, s.month, s.day)) {
    return std::nullopt;
  }
  s.tokens = j - i;
  return s;
}

std::optional<Date> stamp_date(std::string_view line, const Date& reference) {
  constexpr size_t kMaxStampBytes = 80;
  if (line.size() > kMaxStampBytes || !(line.starts_with("منذ") || line.starts_with("قبل"))) return std::nullopt;
  std::vector<TextToken> t = tokenize(line);
  if (t.empty() || word_count(t) > 4 || !(t[0].is_word("منذ") || t[0].is_word("قبل"))) return std::nullopt;
  long n = 1;
  size_t u = 1;
  if (u < t.size() && t[u].kind == TextToken::Kind::Number) n = t[u++].value;
  if (u >= t.size() || t[u].kind != TextToken::Kind::Word || u + 1 != t.size() || n < 1 || n > 1000)
    return std::nullopt;
  const std::string& w = t[u].key;
  auto is = [&](std::initializer_list<std::string_view> forms) {
    return std::find(forms.begin(), forms.end(), w) != forms.end();
  };
  if (is({"دقيقتين", "ساعتين", "يومين", "اسبوعين", "شهرين", "سنتين", "عامين"})) n = 2;
  long r = to_days(reference);
  if (is({"دقيقه", "دقائق", "دقايق", "دقيقتين", "ساعه", "ساعات", "ساعتين"})) return reference;
  if (is({"يوم", "ايام", "يومين"})) return date_from_days(r - n);
  if (is({"اسبوع", "اسابيع", "اسبوعين"})) return date_from_days(r - 7 * n);
  if (is({"شهر", "شهور", "اشهر", "شهرين"})) {
    long months = reference.year * 12L + (reference.month - 1) - n;
    Date d;
    d.year = static_cast<int>(months / 12), d.month = static_cast<int>(months % 12) + 1;
    d.precision = Date::Precision::Month;
    return d;
  }
  if (is({"سنه", "سنوات", "سنين", "سنتين", "عام", "اعوام", "عامين"})) {
    Date d;
    d.year = reference.year - static_cast<int>(n);
    d.precision = Date::Precision::Year;
    return d;
  }
  return std::nullopt;
}

bool date_in_prose(const std::vector<TextToken>& tokens, size_t i) {
  static constexpr std::string_view kLeadIns[] = {"في", "منذ", "بتاريخ", "يوم", "حتي", "قبل", "بعد", "من"};
  const std::string& before = tokens[i - 1].key;
  return std::find(std::begin(kLeadIns), std::end(kLeadIns), before) != std::end(kLeadIns) ||
         tokens.back().is_punct(".");
}

namespace {

// A line short enough to be a dateline or a stamp: where a stated date is the article's own.
constexpr size_t kDatelineWords = 16;
// A dateline's date opens the line, after at most a place name and a weekday.
constexpr size_t kDatelinePlaceTokens = 4;
// How much of the text, from its title on, is the lead in which "today" means the day of writing.
constexpr size_t kLeadBytes = 1500;

struct Relative {
  Date date;
  std::string rule;
  size_t from = 0, to = 0;  // tokens
  bool strong = false;      // names the weekday or date of writing, not just "today"
};

// The first expression in a lead line relative to the day of writing, by strength.
std::optional<Relative> relative_in(const std::vector<TextToken>& t, const Date& ref) {
  std::optional<Relative> weaker;
  auto keep_weaker = [&](Relative r) {
    if (!weaker) weaker = std::move(r);
  };
  for (size_t i = 0; i < t.size(); ++i) {
    if (t[i].kind != TextToken::Kind::Word) continue;
    const std::string& w = t[i].key;
    size_t k = i + 1;
    if (k < t.size() && t[k].is_punct("(")) ++k;
    if (w == "اليوم") {
      if (auto wd = weekday_at(t, k)) {
        size_t after = k + 1 + (k + 1 < t.size() && t[k + 1].is_punct(")"));
        if (after < t.size() && t[after].is_word("الموافق")) ++after;
        if (auto s = stated_date_at(t, after); s && s->year) {
          return Relative{day_date(s->year, s->month, s->day), "today, dated", i, after + s->tokens, true};
        }
        return Relative{last_weekday(ref, *wd), "today", i, k + 1, true};
      }
      bool time_of_day = i > 0 && (t[i - 1].is_word("صباح") || t[i - 1].is_word("مساء") || t[i - 1].is_word("ظهر") ||
                                   t[i - 1].is_word("عصر") || t[i - 1].is_word("فجر"));
      if (time_of_day) keep_weaker({ref, "today", i - 1, i + 1});
    } else if (w == "امس") {
      bool before = (k < t.size() && t[k].is_word("الاول")) || (i > 0 && t[i - 1].is_word("اول"));
      size_t wk = k + (k < t.size() && t[k].is_word("الاول"));
      if (wk < t.size() && t[wk].is_punct("(")) ++wk;
      int days_back = before ? 2 : 1;
      if (auto wd = weekday_at(t, wk)) {
        long day = to_days(last_weekday(date_from_days(to_days(ref) - days_back), *wd)) + days_back;
        return Relative{date_from_days(day), before ? "day before yesterday" : "yesterday", i, wk + 1, true};
      }
      keep_weaker({ref, before ? "day before yesterday" : "yesterday", i, i + 1});
    }
  }
  return weaker;
}

// The value of the Latin or Arabic-Indic digit at s[i] and its bytes, or -1.
int digit_at(std::string_view s, size_t i, size_t& bytes) {
  auto c = static_cast<unsigned char>(s[i]);
  bytes = 1;
  if (c >= '0' && c <= '9') return c - '0';
  if ((c != 0xD9 && c != 0xDB) || i + 1 >= s.size()) return -1;
  auto n = static_cast<unsigned char>(s[i + 1]);
  bytes = 2;
  if (c == 0xD9 && n >= 0xA0 && n <= 0xA9) return n - 0xA0;  // U+0660-0669
  if (c == 0xDB && n >= 0xB0 && n <= 0xB9) return n - 0xB0;  // U+06F0-06F9
  return -1;
}

// Where the next digit of s starts from i on (s.size(): none). The scan for years reads whole
// texts, most of whose bytes are no digit: sixteen bytes are tested at a time, the byte after
// each beside it (the second byte of an Arabic-Indic digit), before they are read one by one.
size_t next_digit(std::string_view s, size_t i) {
  for (; i + sizeof(ByteBlock) + 1 <= s.size(); i += sizeof(ByteBlock)) {
    ByteBlock x = load_block(s.data() + i), next = load_block(s.data() + i + 1);
    if (any(((x - '0') < 10) | ((x == 0xD9) & ((next - 0xA0) < 10)) | ((x == 0xDB) & ((next - 0xB0) < 10)))) break;
  }
  size_t bytes = 0;
  for (; i < s.size(); ++i) {
    if (digit_at(s, i, bytes) >= 0) return i;
  }
  return s.size();
}

// The largest four-digit number from 1900 to 2100 in the text (Latin or Arabic-Indic digits);
// the first one from `enough` on ends the search, since any such year decides as well as the
// largest.
int latest_stated_year(const std::vector<TextLine>& lines, int enough) {
  int latest = 0;
  for (const auto& line : lines) {
    std::string_view s = line.text;
    for (size_t i = next_digit(s, 0); i < s.size(); i = next_digit(s, i)) {
      int value = 0, digits = 0, d = 0;
      for (size_t bytes = 0; i < s.size() && (d = digit_at(s, i, bytes)) >= 0; i += bytes) {
        value = digits < 4 ? value * 10 + d : value;
        ++digits;
      }
      if (digits == 4 && value >= 1900 && value <= 2100) {
        latest = std::max(latest, value);
        if (latest >= enough) return latest;
      }
    }
  }
  return latest;
}

}  // namespace

DateFinding find_date(const std::vector<TextLine>& lines, size_t title, const std::optional<Date>& reference) {
  DateFinding f;
  // 1. A dateline or stamp line that states the day: "الباحة 25 شوال 1436هـ الموافق 10 أغسطس 2015م واس".
  for (size_t i = title; i < lines.size() && i <= title + kDatelineLines; ++i) {
    if (lines[i].more_words_than(kDatelineWords)) continue;
    const std::vector<TextToken>& t = lines[i].tokens();
    std::optional<StatedDate> best;
    size_t at = 0;
    for (size_t k = 0; k < t.size(); ++k) {
      auto s = stated_date_at(t, k);
      if (!s || !s->year || !s->day) continue;
      if (!best && (k > kDatelinePlaceTokens || (k > 0 && date_in_prose(t, k)))) break;  // an event's
      if (!best || (best->hijri && !s->hijri)) best = s, at = k;  // the Gregorian of "... الموافق ..."
      k += s->tokens - 1;
    }
    if (best) {
      f.date = day_date(best->year, best->month, best->day);
      f.line = i, f.rule = "dateline", f.phrase = phrase_of(lines[i].text, t, at, at + best->tokens);
      return f;
    }
  }
  if (!reference) {
    f.not_resolved = "no reference day";
    return f;
  }
  // Relative expressions mean nothing against a reference long after the text was written
  // (an old archive copied today): the text's own years tell.
  int latest = latest_stated_year(lines, reference->year - 2);
  if (latest && latest < reference->year - 2) {
    f.not_resolved = "the text names no year after " + std::to_string(latest) + ", long before the reference day " +
                     reference->text();
    return f;
  }
  // 2. A stamp line near the top: "منذ 2 شهور".
  for (size_t i = 0; i < lines.size() && i <= title + kDatelineLines + 1; ++i) {
    if (auto d = stamp_date(lines[i].text, *reference)) {
      f.date = *d, f.line = i, f.rule = "stamp", f.phrase = std::string(lines[i].text);
      return f;
    }
  }
  // 3. The lead: "اليوم الجمعة", "أمس الأحد", "صباح اليوم", a weekday.
  std::optional<Relative> weak;
  size_t weak_line = 0;
  std::string weak_phrase;
  size_t bytes = 0;
  constexpr size_t kMaxLeadLines = 12;
  std::vector<size_t> lead = lead_lines(lines, title, kMaxLeadLines);
  lead.insert(lead.begin(), title);
  for (size_t n = 0; n < lead.size() && (n <= 1 || bytes < kLeadBytes); ++n) {
    size_t i = lead[n];
    const std::vector<TextToken>& t = lines[i].tokens();
    bytes += lines[i].text.size();
    auto r = relative_in(t, *reference);
    if (!r) continue;
    if (r->strong) {
      f.date = r->date, f.line = i, f.rule = r->rule, f.phrase = phrase_of(lines[i].text, t, r->from, r->to);
      return f;
    }
    if (!weak) weak = r, weak_line = i, weak_phrase = phrase_of(lines[i].text, t, r->from, r->to);
  }
  if (weak) f.date = weak->date, f.line = weak_line, f.rule = weak->rule, f.phrase = weak_phrase;
  return f;
}

}  // namespace nsearch
