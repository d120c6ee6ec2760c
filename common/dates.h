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

  bool empty() const { return precision == Precision::None; }
  // "2025", "2025-10", "2025-10-23"; "" when empty.
  std::string text() const;
  // First and last day the date can mean, as sortable "YYYYMMDD".
  std::string first_day() const;
  std::string last_day() const;
  std::string year_key() const;   // "2025"
  std::string month_key() const;  // "2025-10" ("" below month precision)
};

// Accepts YYYY, YYYY-MM, YYYY-MM-DD, optionally followed by a time ("2015-07-21 02:51:32",
// "2025-10-23T08:00:00+03:00", "...Z"). nullopt when the text is not such a date or is out of
// range (month 13, 31 February).
std::optional<Date> parse_date(std::string_view text);

// Days in month m (1-12) of year y.
int days_in_month(int y, int m);

}  // namespace nsearch
