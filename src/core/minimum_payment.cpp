#include "core/minimum_payment.hpp"

namespace arrears {

Money MinimumPayment(const MinimumPaymentRule& rule, const MinimumPaymentInput& input) {
  const Balance& b = input.statement;
  const Money principal = b.Total(Component::kPrincipal);
  const Money charges = b.Total() - principal;
  const Money owed = b.Total() + input.current_installments;
  Money minimum = ApplyRate(principal, rule.principal_share, Ratio{1, 1}, rule.rounding) +
                  ApplyRate(charges, rule.charges_share, Ratio{1, 1}, rule.rounding) + input.current_installments +
                  input.past_due_minimum + input.over_limit;
  minimum = Max(minimum, rule.floor);
  return Min(minimum, owed);
}

}  // namespace arrears
