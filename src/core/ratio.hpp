// An exact non-negative rational number: year fractions, rate periods.
#pragma once

#include <cstdint>
#include <string>

#include "core/rounding.hpp"

namespace arrears {

struct Ratio {
  std::int64_t numerator = 0;
  std::int64_t denominator = 1;  // > 0

  // Lowest terms; throws std::invalid_argument on a zero denominator.
  static Ratio Of(std::int64_t numerator, std::int64_t denominator);

  friend bool operator==(const Ratio&, const Ratio&) = default;
};

// The ratio as a decimal with exactly `places` digits, rounded half-even
// ("0.502777777778" for 181/360 at 12 places).
std::string FormatRatio(Ratio ratio, int places);

}  // namespace arrears
