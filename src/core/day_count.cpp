#include "core/day_count.hpp"

#include <algorithm>
#include <cctype>
#include <stdexcept>
#include <string>

namespace arrears {

std::optional<DayCountConvention> ParseDayCountConvention(std::string_view name) {
  std::string key;
  for (char c : name) key.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
  if (key == "ACT/360" || key == "ACTUAL/360" || key == "A/360") return DayCountConvention::kActual360;
  if (key == "ACT/365F" || key == "ACT/365" || key == "ACTUAL/365" || key == "ACTUAL/365F" ||
      key == "ACT/365 FIXED" || key == "A/365F") {
    return DayCountConvention::kActual365Fixed;
  }
  if (key == "30/360US" || key == "30/360 US" || key == "30/360" || key == "30U/360" || key == "BOND BASIS") {
    return DayCountConvention::kThirty360Us;
  }
  if (key == "30E/360" || key == "EUROBOND BASIS" || key == "30/360 ISMA") return DayCountConvention::kThirtyE360;
  if (key == "ACT/ACT-ISDA" || key == "ACT/ACT ISDA" || key == "ACT/ACT" || key == "ACTUAL/ACTUAL") {
    return DayCountConvention::kActualActualIsda;
  }
  return std::nullopt;
}

std::string_view DayCountName(DayCountConvention convention) {
  switch (convention) {
    case DayCountConvention::kActual360: return "ACT/360";
    case DayCountConvention::kActual365Fixed: return "ACT/365F";
    case DayCountConvention::kThirty360Us: return "30/360US";
    case DayCountConvention::kThirtyE360: return "30E/360";
    case DayCountConvention::kActualActualIsda: return "ACT/ACT-ISDA";
  }
  return "?";
}

namespace {

bool IsLastDayOfFebruary(Date date) { return date.month() == 2 && date.IsEndOfMonth(); }

std::int64_t ThirtyFormula(int y1, int m1, int d1, int y2, int m2, int d2) {
  return 360LL * (y2 - y1) + 30LL * (m2 - m1) + (d2 - d1);
}

// 30/360 US as the SIA Standard Securities Calculation Methods and the ISDA
// 2006 "30/360" with the end-of-month rule: in order,
//   1. D1 and D2 both the last day of February: D2 = 30;
//   2. D1 the last day of February: D1 = 30;
//   3. D2 = 31 and D1 >= 30: D2 = 30;
//   4. D1 = 31: D1 = 30.
std::int64_t Thirty360Us(Date from, Date to) {
  int d1 = from.day();
  int d2 = to.day();
  if (IsLastDayOfFebruary(from) && IsLastDayOfFebruary(to)) d2 = 30;
  if (IsLastDayOfFebruary(from)) d1 = 30;
  if (d2 == 31 && d1 >= 30) d2 = 30;
  if (d1 == 31) d1 = 30;
  return ThirtyFormula(from.year(), from.month(), d1, to.year(), to.month(), d2);
}

// 30E/360 (ISDA 4.16(g)): a 31st becomes the 30th on either end; February is
// left as it is.
std::int64_t ThirtyE360(Date from, Date to) {
  return ThirtyFormula(from.year(), from.month(), std::min(from.day(), 30), to.year(), to.month(),
                       std::min(to.day(), 30));
}

}  // namespace

std::int64_t DayCount(DayCountConvention convention, Date from, Date to) {
  if (to < from) throw std::invalid_argument("day count period ends before it starts");
  switch (convention) {
    case DayCountConvention::kActual360:
    case DayCountConvention::kActual365Fixed:
    case DayCountConvention::kActualActualIsda:
      return DaysBetween(from, to);
    case DayCountConvention::kThirty360Us:
      return Thirty360Us(from, to);
    case DayCountConvention::kThirtyE360:
      return ThirtyE360(from, to);
  }
  return 0;
}

Ratio YearFraction(DayCountConvention convention, Date from, Date to) {
  const std::int64_t days = DayCount(convention, from, to);
  switch (convention) {
    case DayCountConvention::kActual360:
    case DayCountConvention::kThirty360Us:
    case DayCountConvention::kThirtyE360:
      return Ratio::Of(days, 360);
    case DayCountConvention::kActual365Fixed:
      return Ratio::Of(days, 365);
    case DayCountConvention::kActualActualIsda: {
      // Split at each 1 January: leap-year days over 366, the rest over 365.
      std::int64_t leap_days = 0;
      std::int64_t other_days = 0;
      Date cursor = from;
      while (cursor < to) {
        const Date next_year(std::chrono::year_month_day(std::chrono::year(cursor.year() + 1),
                                                       std::chrono::January, std::chrono::day(1)));
        const Date end = std::min(next_year, to);
        (cursor.IsLeapYear() ? leap_days : other_days) += DaysBetween(cursor, end);
        cursor = end;
      }
      return Ratio::Of(leap_days * 365 + other_days * 366, 365 * 366);
    }
  }
  return Ratio{};
}

}  // namespace arrears
