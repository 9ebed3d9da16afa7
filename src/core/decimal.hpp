// Strict fixed-point decimal text <-> scaled integers, shared by Money, Rate and
// Ratio formatting. No exponents, no thousands separators, no locale.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/result.hpp"
#include "core/rounding.hpp"

namespace arrears {

// Parses "[-|+]digits[.digits]" into value × 10^scale. More fractional digits
// than `scale` is an error unless they are all zero ("12.340" at scale 2 is
// 1234; "12.345" is refused). `what` names the quantity in error messages.
Result<std::int64_t> ParseScaledDecimal(std::string_view text, int scale, std::string_view what);

// value / 10^scale as text with exactly `scale` fractional digits ("-0.05").
std::string FormatScaledDecimal(std::int64_t value, int scale);

// numerator / denominator with exactly `places` fractional digits, rounded
// with `mode`: the exact decimal rendering of a ratio (year fractions, rates).
std::string FormatQuotient(Int128 numerator, Int128 denominator, int places,
                           RoundingMode mode = RoundingMode::kHalfEven);

// FormatScaledDecimal without trailing fractional zeros ("6.5", "12").
std::string FormatScaledDecimalTrimmed(std::int64_t value, int scale);

std::int64_t PowerOfTen(int exponent);  // 0 <= exponent <= 18

}  // namespace arrears
