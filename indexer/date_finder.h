// The date of an article read from its own text: a dateline or stamp that states the date
// (Gregorian months of both series, أغسطس/آب; Hijri months with هـ, converted with ICU's
// Umm al-Qura calendar; Arabic-Indic or Latin digits), or an expression relative to the day
// the text was written (اليوم الجمعة، أمس الأحد، منذ 2 شهور), resolved against a reference day.
// Dates of events further in the text (في 13 سبتمبر الماضي) are not the article's date and are
// not used. The date keeps the precision the text supports ("منذ 2 شهور" -> a month).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "common/dates.h"
#include "indexer/folder_profile.h"
#include "indexer/text_lines.h"

namespace nsearch {

// Days since 1970-01-01 and back, and the weekday (0 = Sunday).
long days_from_date(int y, int m, int d);
Date date_from_days(long days);
int weekday_of(long days);

// Hijri (Umm al-Qura) year, month, day as a Gregorian day; empty when there is no such day.
Date hijri_to_gregorian(int year, int month, int day);

// A date stated at tokens[i]: "25 أغسطس 2015", "13 سبتمبر/أيلول", "كانون الأول 2020",
// "25 شوال 1436 هـ", "10/08/2015". Year-less dates have year 0 and need a reference.
struct StatedDate {
  int year = 0, month = 0, day = 0;  // Gregorian (Hijri converted when the year is given)
  bool hijri = false;
  size_t tokens = 0;  // how many tokens it spans
};
std::optional<StatedDate> stated_date_at(const std::vector<TextToken>& tokens, size_t i);

// Whether the date stated at tokens[i] (i > 0) is inside a sentence, so an event's and not a
// dateline's: a word such as في or منذ leads to it ("صدر في 15 رمضان"; in a dateline the date
// follows the place's name directly), or the line ends in a full stop.
bool date_in_prose(const std::vector<TextToken>& tokens, size_t i);

// A whole line that is a time stamp "منذ 2 شهور" / "قبل 3 ساعات": the date it means.
std::optional<Date> stamp_date(std::string_view line, const Date& reference);

struct DateFinding {
  Date date;                 // empty: none found
  size_t line = 0;           // index into the lines given
  std::string rule;          // "dateline", "stamp", "today", "yesterday", "weekday", ...
  std::string phrase;        // the words it was read from
  std::string not_resolved;  // why relative expressions were not resolved ("" when they were)
};

// lines: the article's non-empty lines; title: index of its title line (where the lead
// starts); reference: the day the text was written or scraped (none: relative expressions are
// not resolved).
DateFinding find_date(const std::vector<TextLine>& lines, size_t title, const std::optional<Date>& reference);

}  // namespace nsearch
