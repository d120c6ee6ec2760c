#include "common/dates.h"

#include <fmt/core.h>
#include <cctype>

namespace nsearch {

namespace {

bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

}  // namespace

int days_in_month(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap(y) ? 29 : kDays[m - 1];
}

namespace {

// Reads exactly n ASCII digits at pos; -1 when they are not there.
int digits(std::string_view s, size_t pos, size_t n) {
  if (pos + n > s.size()) return -1;
  int v = 0;
  for (size_t i = pos; i < pos + n; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return -1;
    v = v * 10 + (s[i] - '0');
  }
  return v;
}

// What may follow a day: nothing, or " HH:MM[:SS]" / "THH:MM[:SS][.fff][Z|±HH[:MM]]", read into d.
bool read_time_tail(std::string_view t, Date& d) {
  if (t.empty()) return true;
  if (t[0] != ' ' && t[0] != 'T') return false;
  int h = digits(t, 1, 2), m = digits(t, 4, 2);
  if (h < 0 || h > 23 || t.size() < 6 || t[3] != ':' || m < 0 || m > 59) return false;
  int s = -1;
  size_t i = 6;
  if (i < t.size() && t[i] == ':') {
    s = digits(t, i + 1, 2);
    if (s < 0 || s > 60) return false;
    i += 3;
    if (i < t.size() && t[i] == '.') {
      ++i;
      while (i < t.size() && std::isdigit(static_cast<unsigned char>(t[i]))) ++i;
    }
  }
  std::string_view zone = t.substr(i);
  bool valid_zone = zone.empty() || zone == "Z";
  if (!valid_zone && (zone[0] == '+' || zone[0] == '-') && digits(zone, 1, 2) >= 0) {
    valid_zone = zone.size() == 3 || (zone.size() == 6 && zone[3] == ':' && digits(zone, 4, 2) >= 0) ||
                 (zone.size() == 5 && digits(zone, 3, 2) >= 0);
  }
  if (!valid_zone) return false;
  d.hour = h;
  d.minute = m;
  d.second = s;
  d.zone = zone;
  return true;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

}  // namespace

std::string Date::text() const {
  switch (precision) {
    case Precision::Year: return fmt::format("{:04}", year);
    case Precision::Month: return fmt::format("{:04}-{:02}", year, month);
    case Precision::Day: {
      std::string t = fmt::format("{:04}-{:02}-{:02}", year, month, day);
      if (has_time()) t += fmt::format(" {:02}:{:02}", hour, minute);
      if (has_time() && second >= 0) t += fmt::format(":{:02}", second);
      return has_time() ? t + zone : t;
    }
    case Precision::None: break;
  }
  return "";
}

std::string Date::first_day() const {
  if (empty()) return "";
  return fmt::format("{:04}{:02}{:02}", year, month ? month : 1, day ? day : 1);
}

std::string Date::last_day() const {
  if (empty()) return "";
  int m = month ? month : 12;
  return fmt::format("{:04}{:02}{:02}", year, m, day ? day : days_in_month(year, m));
}

std::string Date::sort_key() const {
  if (!has_time()) return first_day();
  return first_day() + fmt::format("{:02}{:02}{:02}", hour, minute, second < 0 ? 0 : second);
}

std::string Date::year_key() const { return empty() ? "" : fmt::format("{:04}", year); }

std::string Date::month_key() const {
  return precision == Precision::Month || precision == Precision::Day ? fmt::format("{:04}-{:02}", year, month) : "";
}

std::optional<Date> parse_date(std::string_view text) {
  std::string_view s = trim(text);
  Date d;
  d.year = digits(s, 0, 4);
  if (d.year < 1 || (s.size() > 4 && s[4] != '-')) return std::nullopt;
  d.precision = Date::Precision::Year;
  if (s.size() == 4) return d;
  d.month = digits(s, 5, 2);
  if (d.month < 1 || d.month > 12) return std::nullopt;
  d.precision = Date::Precision::Month;
  if (s.size() == 7) return d;
  if (s[7] != '-') return std::nullopt;
  d.day = digits(s, 8, 2);
  if (d.day < 1 || d.day > days_in_month(d.year, d.month)) return std::nullopt;
  d.precision = Date::Precision::Day;
  if (!read_time_tail(s.substr(10), d)) return std::nullopt;
  return d;
}

std::string iso_day(const std::string& v) {
  return v.size() >= 8 ? v.substr(0, 4) + "-" + v.substr(4, 2) + "-" + v.substr(6, 2) : v;
}

}  // namespace nsearch
