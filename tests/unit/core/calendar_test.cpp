#include "core/calendar.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace arrears {
namespace {

Date D(const char* text) { return *Date::Parse(text); }

// From 国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04): 春节 2月15日至23日放假调休，
// 2月14日(周六)、2月28日(周六)上班.
constexpr const char* kChina = R"(
calendar CN
weekend Sat Sun
holiday 2026-02-15 : 春节
holiday 2026-02-16 : 春节
holiday 2026-02-17 : 春节
holiday 2026-02-18 : 春节
holiday 2026-02-19 : 春节
holiday 2026-02-20 : 春节
holiday 2026-02-21 : 春节
holiday 2026-02-22 : 春节
holiday 2026-02-23 : 春节
workday 2026-02-14 : 春节调休
workday 2026-02-28 : 春节调休
)";

// 5 U.S.C. 6103 rules.
constexpr const char* kUnitedStates = R"(
calendar US
years 2020 2030
fixed 01-01 observed : New Year's Day
nth 01 Mon 3 : Birthday of Martin Luther King, Jr.
nth 05 Mon last : Memorial Day
fixed 06-19 observed from 2021 : Juneteenth National Independence Day
fixed 07-04 observed : Independence Day
nth 11 Thu 4 : Thanksgiving Day
fixed 12-25 observed : Christmas Day
)";

TEST(CalendarTest, ChineseHolidaysAndMakeUpWorkingWeekends) {
  auto calendar = ParseCalendar(kChina, "cn.cal");
  ASSERT_TRUE(calendar) << calendar.error().message;
  EXPECT_EQ(calendar->id(), "CN");
  EXPECT_FALSE(calendar->IsBusinessDay(D("2026-02-16")));  // Monday, 春节
  EXPECT_TRUE(calendar->IsBusinessDay(D("2026-02-14")));   // Saturday, 调休 working day
  EXPECT_TRUE(calendar->IsBusinessDay(D("2026-02-28")));
  EXPECT_FALSE(calendar->IsBusinessDay(D("2026-03-01")));  // an ordinary Sunday
  EXPECT_EQ(calendar->NameOf(D("2026-02-14")), "春节调休");
  // A due date on the first day of the holiday moves to the first working day after it.
  EXPECT_EQ(calendar->Adjust(D("2026-02-15"), BusinessDayConvention::kFollowing), D("2026-02-24"));
  EXPECT_EQ(calendar->Adjust(D("2026-02-15"), BusinessDayConvention::kPreceding), D("2026-02-14"));
  EXPECT_EQ(calendar->AddBusinessDays(D("2026-02-13"), 1), D("2026-02-14"));
  EXPECT_EQ(calendar->AddBusinessDays(D("2026-02-14"), 1), D("2026-02-24"));
  EXPECT_EQ(calendar->AddBusinessDays(D("2026-02-24"), -1), D("2026-02-14"));
}

TEST(CalendarTest, ModifiedFollowingStaysInTheMonth) {
  auto calendar = ParseCalendar("calendar X\nholiday 2026-01-30 : test\n", "x.cal");
  ASSERT_TRUE(calendar);
  // 2026-01-31 is a Saturday: following is 02-02, which leaves January, so
  // modified following goes back past the 30th holiday to Thursday the 29th.
  EXPECT_EQ(calendar->Adjust(D("2026-01-31"), BusinessDayConvention::kFollowing), D("2026-02-02"));
  EXPECT_EQ(calendar->Adjust(D("2026-01-31"), BusinessDayConvention::kModifiedFollowing), D("2026-01-29"));
  EXPECT_EQ(calendar->Adjust(D("2026-01-31"), BusinessDayConvention::kUnadjusted), D("2026-01-31"));
}

TEST(CalendarTest, UsFederalHolidaysByRule) {
  auto calendar = ParseCalendar(kUnitedStates, "us.cal");
  ASSERT_TRUE(calendar) << calendar.error().message;
  EXPECT_FALSE(calendar->IsBusinessDay(D("2026-01-19")));  // MLK day, third Monday
  EXPECT_FALSE(calendar->IsBusinessDay(D("2026-05-25")));  // Memorial Day, last Monday
  EXPECT_FALSE(calendar->IsBusinessDay(D("2026-11-26")));  // Thanksgiving
  EXPECT_FALSE(calendar->IsBusinessDay(D("2026-07-03")));  // July 4th 2026 is a Saturday: observed Friday
  EXPECT_FALSE(calendar->IsBusinessDay(D("2022-12-26")));  // Christmas 2022 on a Sunday: observed Monday
  EXPECT_TRUE(calendar->IsBusinessDay(D("2020-06-19")));   // Juneteenth only from 2021
  EXPECT_FALSE(calendar->IsBusinessDay(D("2023-06-19")));
  EXPECT_EQ(calendar->NameOf(D("2026-11-26")), "Thanksgiving Day");
}

TEST(CalendarTest, ErrorsNameTheFileAndLine) {
  auto bad = ParseCalendar("calendar X\nholiday 2026-02-30 : nope\n", "cn.cal");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().message.rfind("cn.cal:2: date '2026-02-30'", 0), 0u) << bad.error().message;
  auto unknown = ParseCalendar("\n\nfeast 2026-01-01\n", "x.cal");
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().message.rfind("x.cal:3: unknown statement 'feast'", 0), 0u);
  EXPECT_FALSE(ParseCalendar("fixed 07-04 : no years\n", "x.cal"));
  EXPECT_FALSE(ParseCalendar("holiday 2026-01-01\nworkday 2026-01-01\n", "x.cal"));
  EXPECT_FALSE(ParseCalendar("years 2020 2030\nnth 13 Mon 1 : x\n", "x.cal"));
}

}  // namespace
}  // namespace arrears

namespace arrears {
namespace {

std::string ReadShipped(const std::string& name) {
  std::ifstream file(std::string(ARREARS_SOURCE_DIR) + "/config/calendars/" + name);
  std::ostringstream text;
  text << file.rdbuf();
  return text.str();
}

// The calendars the project ships parse and agree with the published notices.
TEST(CalendarTest, ShippedCalendars) {
  auto cn = ParseCalendar(ReadShipped("cn.cal"), "cn.cal");
  ASSERT_TRUE(cn) << cn.error().message;
  EXPECT_FALSE(cn->IsBusinessDay(D("2026-10-07")));  // 国庆节
  EXPECT_TRUE(cn->IsBusinessDay(D("2026-10-10")));   // Saturday 调休
  EXPECT_TRUE(cn->IsBusinessDay(D("2025-01-26")));   // Sunday 调休 before 春节 2025
  EXPECT_FALSE(cn->IsBusinessDay(D("2025-10-08")));
  EXPECT_EQ(cn->Adjust(D("2026-10-01"), BusinessDayConvention::kFollowing), D("2026-10-08"));
  auto us = ParseCalendar(ReadShipped("us.cal"), "us.cal");
  ASSERT_TRUE(us) << us.error().message;
  EXPECT_FALSE(us->IsBusinessDay(D("2026-09-07")));  // Labor Day
  EXPECT_FALSE(us->IsBusinessDay(D("2026-10-12")));  // Columbus Day
  EXPECT_FALSE(us->IsBusinessDay(D("2026-11-11")));  // Veterans Day, a Wednesday
  EXPECT_FALSE(us->IsBusinessDay(D("2021-12-31")));  // New Year's Day 2022 is a Saturday: observed 2021-12-31
  EXPECT_TRUE(us->IsBusinessDay(D("2026-11-27")));
}

}  // namespace
}  // namespace arrears
