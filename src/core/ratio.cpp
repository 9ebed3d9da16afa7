#include "core/ratio.hpp"

#include <numeric>
#include <stdexcept>

#include "core/decimal.hpp"

namespace arrears {

Ratio Ratio::Of(std::int64_t numerator, std::int64_t denominator) {
  if (denominator == 0) throw std::invalid_argument("ratio with zero denominator");
  if (denominator < 0) {
    numerator = -numerator;
    denominator = -denominator;
  }
  const std::int64_t divisor = std::gcd(numerator, denominator);
  if (divisor > 1) {
    numerator /= divisor;
    denominator /= divisor;
  }
  return Ratio{numerator, denominator};
}

std::string FormatRatio(Ratio ratio, int places) {
  return FormatQuotient(ratio.numerator, ratio.denominator, places, RoundingMode::kHalfEven);
}

}  // namespace arrears
