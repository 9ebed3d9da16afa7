// Business-day calendars, loaded from data: Chinese public holidays with their
// make-up working weekends (调休), US federal holidays by rule.
//
// The text format (config/calendars/*.cal), one statement per line, '#'
// starts a comment, a name follows ':':
//   calendar CN                        the calendar's id
//   weekend Sat Sun                    the weekly rest days
//   years 2000 2099                    the years the rules below expand over
//   holiday 2026-02-16 : 春节           a one-off holiday
//   workday 2026-02-14 : 春节调休        a weekend day that is a working day
//   fixed 07-04 observed : Independence Day
//                                      every year; "observed" moves a Saturday
//                                      holiday to Friday, a Sunday one to Monday
//   nth 11 Thu 4 : Thanksgiving Day     the 4th Thursday of November ("last" too)
//   ... from 2021                       a rule's first year (also "until YYYY")
// Parsing text is not I/O: the caller reads the file.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "core/date.hpp"
#include "core/result.hpp"

namespace arrears {

enum class BusinessDayConvention {
  kUnadjusted,         // leave the date as it is
  kFollowing,          // the next business day
  kModifiedFollowing,  // the next business day unless it falls in the next month, then the previous
  kPreceding,          // the previous business day
};

std::optional<BusinessDayConvention> ParseBusinessDayConvention(std::string_view name);

class BusinessCalendar {
 public:
  BusinessCalendar() = default;  // every day but Saturday and Sunday is a business day

  const std::string& id() const { return id_; }
  bool IsBusinessDay(Date date) const;
  bool IsHoliday(Date date) const { return holidays_.contains(date.serial()); }
  // The holiday's or make-up working day's name, if the date has one.
  std::optional<std::string> NameOf(Date date) const;

  Date Adjust(Date date, BusinessDayConvention convention) const;
  // Moves `count` business days forward (backward when negative).
  Date AddBusinessDays(Date date, int count) const;

  // The first and last year the calendar has data for; outside them only the weekend applies.
  int first_year() const { return first_year_; }
  int last_year() const { return last_year_; }

 private:
  friend Result<BusinessCalendar> ParseCalendar(std::string_view text, std::string_view source);

  std::string id_ = "weekends";
  std::set<Weekday> weekend_ = {Weekday::kSaturday, Weekday::kSunday};
  std::map<std::int64_t, std::string> holidays_;  // by Date::serial()
  std::map<std::int64_t, std::string> workdays_;
  int first_year_ = 0;
  int last_year_ = 0;
};

// Parses the format above. Errors name `source` and the line: "cn.cal:12: ...".
Result<BusinessCalendar> ParseCalendar(std::string_view text, std::string_view source);

}  // namespace arrears
