// The work queue's priority: expected recovery = what is owed × a transparent
// propensity to pay (docs/daily-cycle.md). Every term is an integer a
// supervisor can recompute by hand.
#pragma once

#include <cstdint>
#include <optional>

namespace arrears {

struct PropensityInputs {
  int days_past_due = 0;
  std::optional<int> days_since_payment;  // none: no payment on record
  bool promise_open = false;
  int broken_promises = 0;
  bool last_contact_reached = false;  // the last contact made was a conversation with the debtor
};

// Parts per million, in [20,000, 950,000].
std::int64_t PropensityPpm(const PropensityInputs& in);

// owed × propensity, in minor units (rounded down).
std::int64_t ExpectedRecovery(std::int64_t owed, std::int64_t propensity_ppm);

}  // namespace arrears
