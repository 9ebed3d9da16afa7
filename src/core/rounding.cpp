#include "core/rounding.hpp"

#include <stdexcept>

namespace arrears {

std::string_view RoundingModeName(RoundingMode mode) {
  switch (mode) {
    case RoundingMode::kHalfEven: return "half-even";
    case RoundingMode::kHalfUp: return "half-up";
    case RoundingMode::kDown: return "down";
  }
  return "?";
}

std::optional<RoundingMode> ParseRoundingMode(std::string_view name) {
  if (name == "half-even") return RoundingMode::kHalfEven;
  if (name == "half-up") return RoundingMode::kHalfUp;
  if (name == "down") return RoundingMode::kDown;
  return std::nullopt;
}

Int128 DivideRounded128(Int128 numerator, Int128 denominator, RoundingMode mode) {
  if (denominator == 0) throw std::invalid_argument("division by zero");
  if (denominator < 0) {
    numerator = -numerator;
    denominator = -denominator;
  }
  // C++ division truncates toward zero; the remainder carries the sign of the numerator.
  Int128 quotient = numerator / denominator;
  Int128 remainder = numerator % denominator;
  if (remainder == 0) return quotient;
  const Int128 magnitude = remainder < 0 ? -remainder : remainder;
  const int sign = numerator < 0 ? -1 : 1;
  bool away = false;
  switch (mode) {
    case RoundingMode::kDown:
      away = false;
      break;
    case RoundingMode::kHalfUp:
      away = 2 * magnitude >= denominator;
      break;
    case RoundingMode::kHalfEven:
      if (2 * magnitude == denominator) {
        away = (quotient % 2) != 0;
      } else {
        away = 2 * magnitude > denominator;
      }
      break;
  }
  if (away) quotient += sign;
  return quotient;
}

std::int64_t NarrowToInt64(Int128 value) {
  if (value > INT64_MAX || value < INT64_MIN) {
    throw std::overflow_error("amount does not fit in 64 bits");
  }
  return static_cast<std::int64_t>(value);
}

std::int64_t DivideRounded(Int128 numerator, Int128 denominator, RoundingMode mode) {
  return NarrowToInt64(DivideRounded128(numerator, denominator, mode));
}

Int128 CheckedMultiply(Int128 a, Int128 b) {
  Int128 product = 0;
  if (__builtin_mul_overflow(a, b, &product)) {
    throw std::overflow_error("intermediate product does not fit in 128 bits");
  }
  return product;
}

std::int64_t CheckedAdd(std::int64_t a, std::int64_t b) {
  std::int64_t sum = 0;
  if (__builtin_add_overflow(a, b, &sum)) throw std::overflow_error("amount overflow in addition");
  return sum;
}

std::int64_t CheckedSubtract(std::int64_t a, std::int64_t b) {
  std::int64_t difference = 0;
  if (__builtin_sub_overflow(a, b, &difference)) {
    throw std::overflow_error("amount overflow in subtraction");
  }
  return difference;
}

std::int64_t CheckedMultiply64(std::int64_t a, std::int64_t b) {
  std::int64_t product = 0;
  if (__builtin_mul_overflow(a, b, &product)) {
    throw std::overflow_error("amount overflow in multiplication");
  }
  return product;
}

}  // namespace arrears
