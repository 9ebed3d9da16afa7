#include "core/detail/big_uint.hpp"

#include <cmath>
#include <stdexcept>

namespace arrears::detail {

BigUint::BigUint(UInt128 value) {
  while (value != 0) {
    limbs_.push_back(static_cast<std::uint32_t>(value));
    value >>= 32;
  }
}

void BigUint::Trim() {
  while (!limbs_.empty() && limbs_.back() == 0) limbs_.pop_back();
}

BigUint operator*(const BigUint& a, const BigUint& b) {
  BigUint product;
  if (a.IsZero() || b.IsZero()) return product;
  product.limbs_.assign(a.limbs_.size() + b.limbs_.size(), 0);
  for (std::size_t i = 0; i < a.limbs_.size(); ++i) {
    std::uint64_t carry = 0;
    for (std::size_t j = 0; j < b.limbs_.size(); ++j) {
      const std::uint64_t cell = static_cast<std::uint64_t>(a.limbs_[i]) * b.limbs_[j] + product.limbs_[i + j] + carry;
      product.limbs_[i + j] = static_cast<std::uint32_t>(cell);
      carry = cell >> 32;
    }
    product.limbs_[i + b.limbs_.size()] = static_cast<std::uint32_t>(carry);
  }
  product.Trim();
  return product;
}

BigUint operator-(const BigUint& a, const BigUint& b) {
  if (a < b) throw std::logic_error("BigUint subtraction would be negative");
  BigUint difference = a;
  std::int64_t borrow = 0;
  for (std::size_t i = 0; i < difference.limbs_.size(); ++i) {
    std::int64_t cell = static_cast<std::int64_t>(difference.limbs_[i]) - borrow -
                        (i < b.limbs_.size() ? static_cast<std::int64_t>(b.limbs_[i]) : 0);
    borrow = cell < 0 ? 1 : 0;
    if (cell < 0) cell += std::int64_t{1} << 32;
    difference.limbs_[i] = static_cast<std::uint32_t>(cell);
  }
  difference.Trim();
  return difference;
}

std::strong_ordering operator<=>(const BigUint& a, const BigUint& b) {
  if (a.limbs_.size() != b.limbs_.size()) return a.limbs_.size() <=> b.limbs_.size();
  for (std::size_t i = a.limbs_.size(); i-- > 0;) {
    if (a.limbs_[i] != b.limbs_[i]) return a.limbs_[i] <=> b.limbs_[i];
  }
  return std::strong_ordering::equal;
}

BigUint BigUint::Pow(unsigned exponent) const {
  BigUint result(1);
  BigUint base = *this;
  while (exponent > 0) {
    if (exponent & 1U) result = result * base;
    exponent >>= 1U;
    if (exponent > 0) base = base * base;
  }
  return result;
}

long double BigUint::Approximate(int& exponent) const {
  const std::size_t lowest = limbs_.size() > 3 ? limbs_.size() - 3 : 0;
  long double value = 0;
  for (std::size_t i = limbs_.size(); i-- > lowest;) {
    value += std::ldexp(static_cast<long double>(limbs_[i]), static_cast<int>(32 * (i - lowest)));
  }
  exponent = static_cast<int>(32 * lowest);
  return value;
}

Quotient Divide(const BigUint& numerator, const BigUint& denominator) {
  if (denominator.IsZero()) throw std::invalid_argument("BigUint division by zero");
  // Estimate from the leading bits (relative error about 2^-62, so within a
  // few units of the true floor), then correct exactly.
  int numerator_exponent = 0;
  int denominator_exponent = 0;
  const long double n = numerator.Approximate(numerator_exponent);
  const long double d = denominator.Approximate(denominator_exponent);
  const long double estimate = std::floor(std::ldexp(n / d, numerator_exponent - denominator_exponent));
  if (!(estimate < 0x1p63L)) throw std::overflow_error("quotient does not fit in 63 bits");
  std::uint64_t quotient = static_cast<std::uint64_t>(estimate);
  while (quotient > 0 && denominator * BigUint(quotient) > numerator) --quotient;
  while (denominator * BigUint(quotient + 1) <= numerator) {
    ++quotient;
    if (quotient >= (std::uint64_t{1} << 63)) throw std::overflow_error("quotient does not fit in 63 bits");
  }
  const BigUint remainder = numerator - denominator * BigUint(quotient);
  Quotient result;
  result.floor = quotient;
  result.exact = remainder.IsZero();
  result.twice_remainder_vs_denominator = (remainder * BigUint(2)) <=> denominator;
  return result;
}

}  // namespace arrears::detail
