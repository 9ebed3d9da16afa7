#include "core/rate.hpp"

#include <gtest/gtest.h>

namespace arrears {
namespace {

TEST(RateTest, ParsesTheWaysRatesAreWritten) {
  struct Row {
    const char* text;
    std::int64_t billionths;
    RatePeriod period;
  };
  const Row rows[] = {
      {"6.5%", 65'000'000, RatePeriod::kAnnual},        // default period
      {"6.5%/year", 65'000'000, RatePeriod::kAnnual},
      {"0.05%/day", 500'000, RatePeriod::kDaily},
      {"万分之五", 500'000, RatePeriod::kAnnual},         // 5/10000; period from the default
      {"日息万分之五", 500'000, RatePeriod::kDaily},
      {"万分之0.5", 50'000, RatePeriod::kAnnual},
      {"万分之三点五", 350'000, RatePeriod::kAnnual},
      {"万分之十五", 1'500'000, RatePeriod::kAnnual},
      {"千分之3", 3'000'000, RatePeriod::kAnnual},
      {"百分之二十", 200'000'000, RatePeriod::kAnnual},
      {"年化24%", 240'000'000, RatePeriod::kAnnual},
      {"月息0.5%", 5'000'000, RatePeriod::kMonthly},
      {"0.065", 65'000'000, RatePeriod::kAnnual},
      {"5‰", 5'000'000, RatePeriod::kAnnual},
      {"3.85% p.a.", 38'500'000, RatePeriod::kAnnual},
      {"0.000000001", 1, RatePeriod::kAnnual},
  };
  for (const Row& row : rows) {
    auto rate = ParseRate(row.text, RatePeriod::kAnnual, "rate");
    ASSERT_TRUE(rate) << row.text << ": " << rate.error().message;
    EXPECT_EQ(rate->billionths(), row.billionths) << row.text;
    EXPECT_EQ(rate->period(), row.period) << row.text;
  }
}

TEST(RateTest, RefusesWhatIsNotARate) {
  for (const char* bad : {"", "%", "abc", "-1%", "6.5%%", "万分之", "万分之x", "0.0000000001", "1,5%"}) {
    auto rate = ParseRate(bad, RatePeriod::kAnnual, "annual-rate");
    EXPECT_FALSE(rate) << bad;
    if (!rate) {
      EXPECT_EQ(rate.error().field, "annual-rate");
    }
  }
}

TEST(RateTest, FormatsTheShortestExactForm) {
  EXPECT_EQ(FormatRate(Rate(65'000'000, RatePeriod::kAnnual)), "6.5%");
  EXPECT_EQ(FormatRate(Rate(500'000, RatePeriod::kDaily)), "0.05%/day");
  EXPECT_EQ(FormatRate(Rate(6'000'000, RatePeriod::kMonthly)), "0.6%/month");
  EXPECT_EQ(FormatRate(Rate(500'000'000, RatePeriod::kFlat)), "50%");
}

TEST(RateTest, ConvertsBetweenPeriods) {
  // 18% a year on a 360-day year is 0.05% a day, 1.5% a month.
  const Rate annual(180'000'000, RatePeriod::kAnnual);
  EXPECT_EQ(ConvertRate(annual, RatePeriod::kDaily, 360), Rate(500'000, RatePeriod::kDaily));
  EXPECT_EQ(ConvertRate(annual, RatePeriod::kMonthly, 360), Rate(15'000'000, RatePeriod::kMonthly));
  // 0.05% a day is 18.25% a year on 365 days.
  EXPECT_EQ(ConvertRate(Rate(500'000, RatePeriod::kDaily), RatePeriod::kAnnual, 365),
            Rate(182'500'000, RatePeriod::kAnnual));
  // 6.5% / 360 = 0.000180555...% rounds half-even at 1e-9: 180555.555... -> 180556.
  EXPECT_EQ(ConvertRate(Rate(65'000'000, RatePeriod::kAnnual), RatePeriod::kDaily, 360).billionths(), 180'556);
  EXPECT_THROW(ConvertRate(Rate(1, RatePeriod::kFlat), RatePeriod::kDaily, 360), std::invalid_argument);
}

TEST(RateTest, RaisesForPenaltyInterest) {
  // 0.05%/day × (1 + 50%) = 0.075%/day; 4.35% × 1.3 = 5.655%.
  EXPECT_EQ(RaiseRate(Rate(500'000, RatePeriod::kDaily), Rate(500'000'000, RatePeriod::kFlat)),
            Rate(750'000, RatePeriod::kDaily));
  EXPECT_EQ(RaiseRate(Rate(43'500'000, RatePeriod::kAnnual), Rate(300'000'000, RatePeriod::kFlat)),
            Rate(56'550'000, RatePeriod::kAnnual));
}

TEST(RateTest, AppliesOverPeriodsRoundingOnce) {
  // 1,000.00 × 0.05%/day × 26 days = 13.00 (the 全额计息 example's first segment).
  EXPECT_EQ(ApplyRate(Money(100000, Currency::kCNY), Rate(500'000, RatePeriod::kDaily), Ratio{26, 1}),
            Money(1300, Currency::kCNY));
  // 900.00 × 0.05% × 11 = 4.95.
  EXPECT_EQ(ApplyRate(Money(90000, Currency::kCNY), Rate(500'000, RatePeriod::kDaily), Ratio{11, 1}),
            Money(495, Currency::kCNY));
}

}  // namespace
}  // namespace arrears
