// The statistics behind the measures: the ratio of sums, its delta-method
// variance, the interval of a difference, and the collector score.
#include <gtest/gtest.h>

#include <cmath>

#include "core/measures.hpp"

namespace arrears {
namespace {

TEST(RatioSample, RatioOfSumsAndItsVariance) {
  RatioSample s;
  EXPECT_FALSE(s.Ratio());
  s.Add(100, 50);
  EXPECT_DOUBLE_EQ(*s.Ratio(), 0.5);
  EXPECT_FALSE(s.Variance());  // one case: no spread to estimate
  s.Add(300, 50);
  // R = 100 / 400 = 0.25; residuals 50 - 25 = 25 and 50 - 75 = -25; x̄ = 200:
  // Var = (625 + 625) / (2 × 1 × 200²) = 1250 / 80000.
  EXPECT_DOUBLE_EQ(*s.Ratio(), 0.25);
  EXPECT_NEAR(*s.Variance(), 1250.0 / 80000.0, 1e-15);
  EXPECT_EQ(s.n(), 2);
  EXPECT_EQ(s.sum_x(), 400);
}

TEST(RatioSample, CasesCollectingInProportionHaveNoVariance) {
  RatioSample s;
  for (std::int64_t x : {1000, 2000, 5000}) s.Add(x, x / 10);
  EXPECT_NEAR(*s.Variance(), 0.0, 1e-18);
}

TEST(RatioSample, LargeAmountsDoNotOverflow) {
  // A million cases of 10 million yuan (1e9 fen): the squares' sums are far beyond 64 bits.
  RatioSample s;
  for (int i = 0; i < 1'000'000; ++i) s.Add(1'000'000'000, i % 2 == 0 ? 0 : 1'000'000'000);
  EXPECT_DOUBLE_EQ(*s.Ratio(), 0.5);
  // Residuals ±5e8 each: Σ = 1e6 × 2.5e17; n (n − 1) x̄² = 1e6 × 999999 × 1e18.
  EXPECT_NEAR(*s.Variance(), 2.5e23 / (1e6 * 999999.0 * 1e18), 1e-12);
}

TEST(DifferenceOfRatios, NormalIntervalOfTheDifference) {
  RatioSample champion;
  champion.Add(100, 50);
  champion.Add(300, 50);  // R 0.25, Var 1250 / 80000
  RatioSample challenger;
  challenger.Add(100, 60);
  challenger.Add(100, 40);  // R 0.5; residuals ±10; Var = 200 / (2 × 100²) = 0.01
  const auto interval = DifferenceOfRatios(champion, challenger);
  ASSERT_TRUE(interval);
  const double half = 1.959963984540054 * std::sqrt(1250.0 / 80000.0 + 0.01);
  EXPECT_DOUBLE_EQ(interval->estimate, 0.25);
  EXPECT_NEAR(interval->low, 0.25 - half, 1e-12);
  EXPECT_NEAR(interval->high, 0.25 + half, 1e-12);
  RatioSample lonely;
  lonely.Add(100, 10);
  EXPECT_FALSE(DifferenceOfRatios(champion, lonely));
}

TEST(Score, ResultsKeptPromisesAndQuality) {
  // The best collector, every promise kept, no faults: 100.
  EXPECT_EQ(ScoreThousandths({0.4, 0.4, 10, 10, 100, 0, 0}), 100000);
  // Half the best recovery (25), half the promises kept (12.5), two hits in 100 attempts: 25 × (1 − 0.2) = 20.
  EXPECT_EQ(ScoreThousandths({0.2, 0.4, 10, 5, 100, 2, 0}), 57500);
  // A complaint counts as three hits: 25 × (1 − 10 × 3 / 100) = 17.5.
  EXPECT_EQ(ScoreThousandths({0.2, 0.4, 0, 0, 100, 0, 1}), 67500);
  // Nothing placed: no results points; no promises due: the full 25.
  EXPECT_EQ(ScoreThousandths({std::nullopt, 0.4, 0, 0, 0, 0, 0}), 50000);
  // Faults with no attempts at all take the whole quality share.
  EXPECT_EQ(ScoreThousandths({0.4, 0.4, 0, 0, 0, 1, 0}), 75000);
}

}  // namespace
}  // namespace arrears
