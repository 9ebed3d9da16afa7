#include "core/day_count.hpp"

#include <gtest/gtest.h>

namespace arrears {
namespace {

Date D(const char* text) { return *Date::Parse(text); }

struct Row {
  const char* convention;
  const char* from;
  const char* to;
  std::int64_t days;
  const char* fraction;  // 12 places, half-even
};

// Hand calculations, with the 30/360 rows from the ISDA 2006 / SIA examples.
TEST(DayCountTest, KnownPeriods) {
  const Row rows[] = {
      {"ACT/360", "2026-01-01", "2026-07-01", 181, "0.502777777778"},  // 181/360
      {"ACT/365F", "2026-01-01", "2026-07-01", 181, "0.495890410959"}, // 181/365
      {"ACT/365F", "2024-01-01", "2025-01-01", 366, "1.002739726027"}, // leap year over 365
      {"ACT/ACT-ISDA", "2024-01-01", "2025-01-01", 366, "1.000000000000"},
      // 2023-11-15..2024-01-01: 47 days in 2023 /365; 2024-01-01..2024-05-15: 135 days /366.
      {"ACT/ACT-ISDA", "2023-11-15", "2024-05-15", 182, "0.497619582304"},
      // 30/360 US: 2026-01-31 -> 2026-03-31: D1=31->30, D2=31 with D1>=30 -> 30: 60 days.
      {"30/360US", "2026-01-31", "2026-03-31", 60, "0.166666666667"},
      // Last day of February both ends: D1=30, D2=30: 360 days.
      {"30/360US", "2026-02-28", "2027-02-28", 360, "1.000000000000"},
      // D1 end of February, D2 = 31 March: D1=30 then D2=31 with D1>=30 -> 30: 30 days.
      {"30/360US", "2026-02-28", "2026-03-31", 30, "0.083333333333"},
      // 30E/360 leaves February alone: 2026-02-28 -> 2026-03-31 is 30·1 + (30 − 28) = 32.
      {"30E/360", "2026-02-28", "2026-03-31", 32, "0.088888888889"},
      // 30E/360: D2 = 31 becomes 30 even when D1 < 30: 2026-01-15 -> 2026-03-31 = 75.
      {"30E/360", "2026-01-15", "2026-03-31", 75, "0.208333333333"},
      // 30/360 US keeps D2 = 31 when D1 < 30: 2026-01-15 -> 2026-03-31 = 76.
      {"30/360US", "2026-01-15", "2026-03-31", 76, "0.211111111111"},
  };
  for (const Row& row : rows) {
    auto convention = ParseDayCountConvention(row.convention);
    ASSERT_TRUE(convention) << row.convention;
    EXPECT_EQ(DayCount(*convention, D(row.from), D(row.to)), row.days)
        << row.convention << " " << row.from << " " << row.to;
    EXPECT_EQ(FormatRatio(YearFraction(*convention, D(row.from), D(row.to)), 12), row.fraction)
        << row.convention << " " << row.from << " " << row.to;
  }
}

TEST(DayCountTest, NamesRoundTripAndUnknownNamesFail) {
  for (auto convention : {DayCountConvention::kActual360, DayCountConvention::kActual365Fixed,
                          DayCountConvention::kThirty360Us, DayCountConvention::kThirtyE360,
                          DayCountConvention::kActualActualIsda}) {
    EXPECT_EQ(ParseDayCountConvention(DayCountName(convention)), convention);
  }
  EXPECT_EQ(ParseDayCountConvention("act/360"), DayCountConvention::kActual360);
  EXPECT_FALSE(ParseDayCountConvention("ACT/999"));
}

TEST(DayCountTest, ReversedPeriodIsABug) {
  EXPECT_THROW(DayCount(DayCountConvention::kActual360, D("2026-02-01"), D("2026-01-01")),
               std::invalid_argument);
}

}  // namespace
}  // namespace arrears
