#include "core/date.hpp"

#include <gtest/gtest.h>

namespace arrears {
namespace {

Date D(const char* text) { return *Date::Parse(text); }

TEST(DateTest, ParsesOnlyRealDatesInOneForm) {
  EXPECT_EQ(D("2026-02-15").ToString(), "2026-02-15");
  EXPECT_EQ(D("2024-02-29").day(), 29);
  for (const char* bad : {"2026-02-30", "2025-02-29", "2026-13-01", "2026-00-10", "2026-1-5", "20260105",
                          "2026/01/05", "", "2026-01-32", "1899-12-31", "abcd-ef-gh"}) {
    auto parsed = Date::Parse(bad, "first-due");
    EXPECT_FALSE(parsed) << bad;
    if (!parsed) {
      EXPECT_EQ(parsed.error().field, "first-due");
    }
  }
  EXPECT_EQ(Date::Parse("2026-02-30").error().message,
            "date '2026-02-30': day 30 does not exist (that month has 28 days)");
}

TEST(DateTest, AddsMonthsClampingToTheMonthsEnd) {
  EXPECT_EQ(D("2026-01-31").AddMonths(1), D("2026-02-28"));
  EXPECT_EQ(D("2024-01-31").AddMonths(1), D("2024-02-29"));
  EXPECT_EQ(D("2026-03-31").AddMonths(1), D("2026-04-30"));
  EXPECT_EQ(D("2026-01-31").AddMonths(2), D("2026-03-31"));  // anchored, not chained
  EXPECT_EQ(D("2026-11-15").AddMonths(3), D("2027-02-15"));
  EXPECT_EQ(D("2026-01-15").AddMonths(-1), D("2025-12-15"));
  EXPECT_EQ(D("2024-02-29").AddYears(1), D("2025-02-28"));
}

TEST(DateTest, DaysAndWeekdays) {
  EXPECT_EQ(DaysBetween(D("2026-01-01"), D("2026-07-01")), 181);
  EXPECT_EQ(D("2026-11-28").weekday(), Weekday::kSaturday);
  EXPECT_EQ(D("2026-02-28").AddDays(1), D("2026-03-01"));
  EXPECT_EQ(Date::FromSerial(0), D("1970-01-01"));
  EXPECT_TRUE(D("2026-02-28").IsEndOfMonth());
  EXPECT_FALSE(D("2024-02-28").IsEndOfMonth());
}

}  // namespace
}  // namespace arrears
