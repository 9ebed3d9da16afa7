// Date: a civil calendar date (proleptic Gregorian), for due dates, statement
// dates and as-of dates. Instants belong to events and audit, never here
// (STYLE.md rule 7). A value type; thread-safe.
#pragma once

#include <chrono>
#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace arrears {

enum class Weekday { kSunday, kMonday, kTuesday, kWednesday, kThursday, kFriday, kSaturday };

class Date {
 public:
  constexpr Date() = default;  // 1970-01-01
  // Precondition: a real date (use FromYmd or Parse for unchecked input).
  explicit Date(std::chrono::year_month_day ymd);
  explicit constexpr Date(std::chrono::sys_days days) : days_(days) {}

  // A real date, or an error naming the impossible part ("2026-02-30").
  static Result<Date> FromYmd(int year, int month, int day);
  // Strict "YYYY-MM-DD": four-digit year 1900-2199, zero-padded month and day.
  static Result<Date> Parse(std::string_view text, std::string_view field = {});
  // Days since 1970-01-01 (the serial used by columnar code).
  static constexpr Date FromSerial(std::int64_t serial) {
    return Date(std::chrono::sys_days(std::chrono::days(serial)));
  }

  int year() const;
  int month() const;  // 1-12
  int day() const;    // 1-31
  Weekday weekday() const;
  constexpr std::int64_t serial() const { return days_.time_since_epoch().count(); }
  constexpr std::chrono::sys_days sys_days() const { return days_; }

  Date AddDays(std::int64_t days) const;
  // Calendar months with end-of-month clamping: 2026-01-31 + 1 month is
  // 2026-02-28; 2024-01-31 + 1 month is 2024-02-29.
  Date AddMonths(int months) const;
  Date AddYears(int years) const;

  bool IsLeapYear() const;
  bool IsEndOfMonth() const;
  int DaysInMonth() const;

  std::string ToString() const;  // "2026-02-15"

  friend constexpr bool operator==(Date a, Date b) = default;
  friend constexpr std::strong_ordering operator<=>(Date a, Date b) { return a.days_ <=> b.days_; }

 private:
  std::chrono::sys_days days_{};
};

// Actual days from `from` to `to` (negative when `to` is earlier).
constexpr std::int64_t DaysBetween(Date from, Date to) { return to.serial() - from.serial(); }

bool IsLeapYear(int year);
int DaysInMonth(int year, int month);

}  // namespace arrears
