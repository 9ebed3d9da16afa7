#include "core/allocation.hpp"

#include <gtest/gtest.h>

#include <random>

namespace arrears {
namespace {

Money Cny(std::int64_t fen) { return Money(fen, Currency::kCNY); }

TEST(AllocationTest, LargestRemainderGivesLeftoverUnitsToLargestRemainders) {
  // 100.00 over three equal parts: 33.33 each with 0.01 left; ties go to the first.
  std::vector<std::int64_t> equal = {1, 1, 1};
  auto parts = AllocateByWeights(Cny(10000), equal);
  EXPECT_EQ(parts, (std::vector<Money>{Cny(3334), Cny(3333), Cny(3333)}));
  // 0.10 over weights 1:2:3 -> exact shares 1.667, 3.333, 5 fen -> 2, 3, 5.
  std::vector<std::int64_t> weights = {1, 2, 3};
  EXPECT_EQ(AllocateByWeights(Cny(10), weights), (std::vector<Money>{Cny(2), Cny(3), Cny(5)}));
}

TEST(AllocationTest, NegativeTotalsAndZeroWeights) {
  std::vector<std::int64_t> weights = {0, 1, 1};
  EXPECT_EQ(AllocateByWeights(Cny(-3), weights), (std::vector<Money>{Cny(0), Cny(-2), Cny(-1)}));
  std::vector<std::int64_t> none = {0, 0};
  EXPECT_THROW(AllocateByWeights(Cny(1), none), std::invalid_argument);
  std::vector<std::int64_t> negative = {1, -1};
  EXPECT_THROW(AllocateByWeights(Cny(1), negative), std::invalid_argument);
}

// Property: parts always sum to the total and each is within one unit of its exact share.
TEST(AllocationTest, PropertyConservesEveryFen) {
  std::mt19937_64 random(20261128);
  for (int trial = 0; trial < 2000; ++trial) {
    const std::int64_t total = static_cast<std::int64_t>(random() % 100'000'000'00ULL) - 1'000'000'00;
    std::vector<std::int64_t> weights(1 + random() % 12);
    std::int64_t weight_sum = 0;
    for (auto& w : weights) weight_sum += (w = static_cast<std::int64_t>(random() % 1'000'000));
    if (weight_sum == 0) continue;
    auto parts = AllocateByWeights(Cny(total), weights);
    Money sum = Cny(0);
    for (std::size_t i = 0; i < parts.size(); ++i) {
      sum += parts[i];
      const Int128 exact_times_sum = static_cast<Int128>(total) * weights[i];
      const Int128 error = static_cast<Int128>(parts[i].minor_units()) * weight_sum - exact_times_sum;
      EXPECT_LT(error < 0 ? -error : error, static_cast<Int128>(weight_sum));
    }
    ASSERT_EQ(sum, Cny(total)) << "trial " << trial;
  }
}

}  // namespace
}  // namespace arrears
