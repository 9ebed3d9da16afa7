#include "core/date.hpp"

#include "core/quote.hpp"

#include <cstdio>

namespace arrears {

using std::chrono::year_month_day;

namespace {
year_month_day Ymd(int y, int m, int d) {
  return year_month_day(std::chrono::year(y), std::chrono::month(static_cast<unsigned>(m)),
                        std::chrono::day(static_cast<unsigned>(d)));
}
}  // namespace

Date::Date(year_month_day ymd) : days_(std::chrono::sys_days(ymd)) {}

bool IsLeapYear(int y) { return std::chrono::year(y).is_leap(); }

int DaysInMonth(int y, int m) {
  const auto last = std::chrono::year_month_day_last(
      std::chrono::year(y), std::chrono::month_day_last(std::chrono::month(static_cast<unsigned>(m))));
  return static_cast<int>(static_cast<unsigned>(last.day()));
}

Result<Date> Date::FromYmd(int y, int m, int d) {
  const std::string text = std::to_string(y) + "-" + std::to_string(m) + "-" + std::to_string(d);
  if (y < 1900 || y > 2199) return Fail("year " + std::to_string(y) + " is outside 1900-2199 in " + text);
  if (m < 1 || m > 12) return Fail("month " + std::to_string(m) + " does not exist in " + text);
  if (d < 1 || d > arrears::DaysInMonth(y, m)) {
    return Fail("day " + std::to_string(d) + " does not exist in " + text + " (that month has " +
                std::to_string(arrears::DaysInMonth(y, m)) + " days)");
  }
  return Date(Ymd(y, m, d));
}

Result<Date> Date::Parse(std::string_view text, std::string_view field) {
  const std::string quoted = Quote(text);
  auto digits = [&](std::size_t pos, std::size_t count) -> int {
    int value = 0;
    for (std::size_t i = pos; i < pos + count; ++i) {
      if (text[i] < '0' || text[i] > '9') return -1;
      value = value * 10 + (text[i] - '0');
    }
    return value;
  };
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') {
    return Fail("date " + quoted + " is not in the form YYYY-MM-DD", std::string(field));
  }
  const int y = digits(0, 4);
  const int m = digits(5, 2);
  const int d = digits(8, 2);
  if (y < 0 || m < 0 || d < 0) {
    return Fail("date " + quoted + " is not in the form YYYY-MM-DD", std::string(field));
  }
  auto date = FromYmd(y, m, d);
  if (!date) {
    Error error = date.error();
    error.message = "date " + quoted + ": " + error.message.substr(0, error.message.find(" in "));
    if (y >= 1900 && y <= 2199 && m >= 1 && m <= 12) {
      error.message += " (that month has " + std::to_string(arrears::DaysInMonth(y, m)) + " days)";
    }
    error.field = std::string(field);
    return Fail(error);
  }
  return date;
}

int Date::year() const { return static_cast<int>(year_month_day(days_).year()); }
int Date::month() const { return static_cast<int>(static_cast<unsigned>(year_month_day(days_).month())); }
int Date::day() const { return static_cast<int>(static_cast<unsigned>(year_month_day(days_).day())); }

Weekday Date::weekday() const {
  return static_cast<Weekday>(std::chrono::weekday(days_).c_encoding());
}

Date Date::AddDays(std::int64_t days) const { return Date(days_ + std::chrono::days(days)); }

Date Date::AddMonths(int months) const {
  const year_month_day ymd(days_);
  const int total = static_cast<int>(ymd.year()) * 12 + (month() - 1) + months;
  const int y = total >= 0 ? total / 12 : (total - 11) / 12;
  const int m = total - y * 12 + 1;
  const int d = std::min(day(), arrears::DaysInMonth(y, m));
  return Date(Ymd(y, m, d));
}

Date Date::AddYears(int years) const { return AddMonths(years * 12); }

bool Date::IsLeapYear() const { return arrears::IsLeapYear(year()); }
bool Date::IsEndOfMonth() const { return day() == DaysInMonth(); }
int Date::DaysInMonth() const { return arrears::DaysInMonth(year(), month()); }

std::string Date::ToString() const {
  const int y = year();
  if (y < 0 || y > 9999) {
    char buffer[24];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", y, month(), day());
    return buffer;
  }
  const int m = month();
  const int d = day();
  const char text[10] = {static_cast<char>('0' + y / 1000),     static_cast<char>('0' + y / 100 % 10),
                         static_cast<char>('0' + y / 10 % 10),  static_cast<char>('0' + y % 10),
                         '-',
                         static_cast<char>('0' + m / 10),       static_cast<char>('0' + m % 10),
                         '-',
                         static_cast<char>('0' + d / 10),       static_cast<char>('0' + d % 10)};
  return std::string(text, sizeof text);
}

}  // namespace arrears
