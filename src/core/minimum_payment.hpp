// Card minimum payment (最低还款额), configurable. The common Chinese term: 10%
// of the principal (consumption and cash advances within the limit) + 100% of
// interest, penalty and fees + the current installment of any card
// installment plan + the unpaid minimum of earlier statements + any amount
// over the credit limit; a balance below the floor is due in full.
#pragma once

#include "core/balance.hpp"
#include "core/rate.hpp"

namespace arrears {

struct MinimumPaymentRule {
  Rate principal_share{100'000'000, RatePeriod::kFlat};  // 10%
  Rate charges_share{1'000'000'000, RatePeriod::kFlat};  // 100% of interest of every kind and fees
  Money floor;  // e.g. 100.00: below it the whole statement balance is due
  RoundingMode rounding = RoundingMode::kHalfUp;
};

struct MinimumPaymentInput {
  Balance statement;           // the statement's balance by component (overdue and not due together)
  Money current_installments;  // card installment principal and fee billed on this statement
  Money past_due_minimum;      // unpaid minimum of earlier statements
  Money over_limit;            // the part of the balance over the credit limit
};

// min(statement total + installments, max(floor, computed minimum)).
Money MinimumPayment(const MinimumPaymentRule& rule, const MinimumPaymentInput& input);

}  // namespace arrears
