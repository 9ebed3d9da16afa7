#include "core/late_fee.hpp"

namespace arrears {

Money LateFee(const LateFeeRule& rule, Money minimum_due, Money paid_by_due_date) {
  const Money unpaid = minimum_due - paid_by_due_date;
  if (!unpaid.IsPositive()) return Money::Zero(minimum_due.currency());
  Money fee = Money::Zero(minimum_due.currency());
  switch (rule.kind) {
    case LateFeeRule::Kind::kFixed:
      fee = rule.fixed_amount;
      break;
    case LateFeeRule::Kind::kPercentOfUnpaidMinimum:
      fee = ApplyRate(unpaid, rule.rate, Ratio{1, 1}, rule.rounding);
      break;
  }
  if (rule.floor) fee = Max(fee, *rule.floor);
  if (rule.cap) fee = Min(fee, *rule.cap);
  return fee;
}

}  // namespace arrears
