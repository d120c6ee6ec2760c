// Dates with their precision: "2025-10" means October 2025, not 1 October.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace nsearch {

struct Date {
  enum class Precision { None, Year, Month, Day };
  int year = 0, month = 0, day = 0;
  Precision precision = Precision::None;
  // The time of day as written, at day precision only: hour -1 when none was given, second -1
  // when only HH:MM was. zone: "Z", "+03:00" or "" (kept for display; times sort as written).
  int hour = -1, minute = 0, second = -1;
  std::string zone;

  bool empty() const { return precision == Precision::None; }
  bool has_time() const { return hour >= 0; }
  // "2025", "2025-10", "2025-10-23", "2015-07-21 02:52:00", "2025-10-23 08:00+03:00"; "" when empty.
  std::string text() const;
  // First and last day the date can mean, as sortable "YYYYMMDD".
  std::string first_day() const;
  std::string last_day() const;
  // Chronological sort key: first_day(), then "HHMMSS" when the time is known.
  std::string sort_key() const;
  std::string year_key() const;   // "2025"
  std::string month_key() const;  // "2025-10" ("" below month precision)
};

// Accepts YYYY, YYYY-MM, YYYY-MM-DD, optionally followed by a time ("2015-07-21 02:51:32",
// "2025-10-23T08:00:00+03:00", "...Z"), which is kept (fractions of a second are not).
// nullopt when the text is not such a date or is out of range (month 13, 31 February).
std::optional<Date> parse_date(std::string_view text);

// "YYYY-MM-DD" from a date slot's value ("YYYYMMDD", a time of day may follow); other text as is.
std::string iso_day(const std::string& slot_value);

// Days in month m (1-12) of year y.
int days_in_month(int y, int m);

}  // namespace nsearch
