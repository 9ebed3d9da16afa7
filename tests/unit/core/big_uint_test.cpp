#include "core/detail/big_uint.hpp"

#include <gtest/gtest.h>

namespace arrears::detail {
namespace {

TEST(BigUintTest, PowersProductsAndQuotients) {
  // 3^80 = 147808829414345923316083210206383297601 (> 2^127), divided by 3^41 = 36472996377170786403.
  const BigUint three(3);
  const BigUint big = three.Pow(80);
  const Quotient q = Divide(big, three.Pow(41) * three.Pow(0));
  // 3^80 / 3^41 = 3^39 = 4052555153018976267, exact.
  EXPECT_EQ(q.floor, 4052555153018976267ULL);
  EXPECT_TRUE(q.exact);
  EXPECT_EQ(big - three.Pow(80), BigUint());
  // 7 / 2 = 3 remainder 1: twice the remainder equals the denominator (a tie).
  const Quotient half = Divide(BigUint(7), BigUint(2));
  EXPECT_EQ(half.floor, 3u);
  EXPECT_FALSE(half.exact);
  EXPECT_EQ(half.twice_remainder_vs_denominator, std::strong_ordering::equal);
  EXPECT_THROW(BigUint(1) - BigUint(2), std::logic_error);
  EXPECT_THROW(Divide(BigUint(static_cast<UInt128>(1) << 100), BigUint(1)), std::overflow_error);
}

}  // namespace
}  // namespace arrears::detail

namespace arrears::detail {
namespace {

// Property: the quotient and the half comparison agree with 128-bit division.
TEST(BigUintTest, PropertyDivideMatchesNativeDivision) {
  std::uint64_t x = 88172645463325252ULL;
  auto next = [&x] {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    return x;
  };
  for (int trial = 0; trial < 5000; ++trial) {
    const UInt128 denominator = (static_cast<UInt128>(next() >> (next() % 64)) | 1);
    const UInt128 quotient = next() >> 1;  // < 2^63
    const UInt128 numerator_wide = denominator * quotient + (static_cast<UInt128>(next()) % denominator);
    if (numerator_wide / denominator != quotient) continue;  // the product overflowed 128 bits
    const Quotient q = Divide(BigUint(numerator_wide), BigUint(denominator));
    ASSERT_EQ(q.floor, static_cast<std::uint64_t>(quotient)) << trial;
    const UInt128 remainder = numerator_wide % denominator;
    EXPECT_EQ(q.exact, remainder == 0);
    EXPECT_EQ(q.twice_remainder_vs_denominator, (2 * remainder) <=> denominator);
  }
}

// Numbers far beyond long double's range still divide: 3^12000 / 3^11980 = 3^20.
TEST(BigUintTest, HugeOperands) {
  const BigUint three(3);
  const Quotient q = Divide(three.Pow(12000), three.Pow(11980));
  EXPECT_EQ(q.floor, 3486784401ULL);
  EXPECT_TRUE(q.exact);
}

}  // namespace
}  // namespace arrears::detail
