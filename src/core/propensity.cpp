#include "core/propensity.hpp"

#include <algorithm>

namespace arrears {

std::int64_t PropensityPpm(const PropensityInputs& in) {
  std::int64_t ppm = 400'000;
  ppm -= 2'000 * std::clamp(in.days_past_due, 0, 180);
  if (in.days_since_payment && *in.days_since_payment >= 0 && *in.days_since_payment <= 30) ppm += 150'000;
  if (in.promise_open) ppm += 100'000;
  ppm -= 80'000 * std::clamp(in.broken_promises, 0, 3);
  if (in.last_contact_reached) ppm += 50'000;
  return std::clamp<std::int64_t>(ppm, 20'000, 950'000);
}

std::int64_t ExpectedRecovery(std::int64_t owed, std::int64_t propensity_ppm) {
  if (owed <= 0) return 0;
  // owed < 2^63 / 10^6 in any real portfolio (9.2 trillion yuan); split to stay exact beyond it.
  return (owed / 1'000'000) * propensity_ppm + (owed % 1'000'000) * propensity_ppm / 1'000'000;
}

}  // namespace arrears
