// An unsigned integer of any size, only as much as exact annuity arithmetic
// needs: products, powers, comparison, subtraction and a quotient known to
// fit in 64 bits. Not a general big-number library.
#pragma once

#include <compare>
#include <cstdint>
#include <vector>

#include "core/rounding.hpp"

namespace arrears::detail {

class BigUint {
 public:
  BigUint() = default;
  explicit BigUint(UInt128 value);

  friend BigUint operator*(const BigUint& a, const BigUint& b);
  // Precondition: a >= b.
  friend BigUint operator-(const BigUint& a, const BigUint& b);
  friend std::strong_ordering operator<=>(const BigUint& a, const BigUint& b);
  friend bool operator==(const BigUint& a, const BigUint& b) { return (a <=> b) == 0; }

  BigUint Pow(unsigned exponent) const;
  bool IsZero() const { return limbs_.empty(); }
  // The value to about 64 significant bits as mantissa × 2^exponent, the
  // mantissa from the top three limbs (for estimating quotients without
  // overflowing long double's range).
  long double Approximate(int& exponent) const;

 private:
  void Trim();
  std::vector<std::uint32_t> limbs_;  // little-endian base 2^32, no leading zero limbs
};

// floor(numerator / denominator) and whether the remainder is below, at or
// above half the denominator. Precondition: the quotient fits in 63 bits and
// the denominator is not zero.
struct Quotient {
  std::uint64_t floor = 0;
  std::strong_ordering twice_remainder_vs_denominator = std::strong_ordering::less;
  bool exact = true;
};
Quotient Divide(const BigUint& numerator, const BigUint& denominator);

}  // namespace arrears::detail
