#include "core/late_fee.hpp"

#include <gtest/gtest.h>

namespace arrears {
namespace {

Money Cny(std::int64_t fen) { return Money(fen, Currency::kCNY); }

TEST(LateFeeTest, PercentOfTheUnpaidMinimum) {
  LateFeeRule rule;  // 5%
  // 5% × (1,000.00 − 300.00) = 35.00.
  EXPECT_EQ(LateFee(rule, Cny(100'000), Cny(30'000)), Cny(3'500));
  // Minimum met or exceeded: no fee.
  EXPECT_EQ(LateFee(rule, Cny(100'000), Cny(100'000)), Cny(0));
  EXPECT_EQ(LateFee(rule, Cny(100'000), Cny(120'000)), Cny(0));
  // 5% × 0.30 = 0.015 -> 0.02 half-even.
  EXPECT_EQ(LateFee(rule, Cny(30), Cny(0)), Cny(2));
}

TEST(LateFeeTest, FloorAndCap) {
  LateFeeRule rule;
  rule.floor = Cny(500);     // 5.00
  rule.cap = Cny(50'000);    // 500.00
  EXPECT_EQ(LateFee(rule, Cny(2'000), Cny(0)), Cny(500));              // 1.00 raised to the floor
  EXPECT_EQ(LateFee(rule, Cny(2'000'000), Cny(0)), Cny(50'000));       // 1,000.00 capped at 500.00
  EXPECT_EQ(LateFee(rule, Cny(100'000), Cny(30'000)), Cny(3'500));     // inside the band
  EXPECT_EQ(LateFee(rule, Cny(100'000), Cny(100'000)), Cny(0));        // no fee: the floor does not apply
}

TEST(LateFeeTest, FixedFee) {
  LateFeeRule rule;
  rule.kind = LateFeeRule::Kind::kFixed;
  rule.fixed_amount = Cny(2'500);
  EXPECT_EQ(LateFee(rule, Cny(100'000), Cny(99'999)), Cny(2'500));
  EXPECT_EQ(LateFee(rule, Cny(100'000), Cny(100'000)), Cny(0));
}

}  // namespace
}  // namespace arrears
