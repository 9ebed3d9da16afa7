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
