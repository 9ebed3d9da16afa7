#include "core/delinquency.hpp"

#include <algorithm>
#include <vector>

namespace arrears {

Delinquency LoanDelinquency(std::span<const DueAmount> installments, Date as_of, const DelinquencyRule& rule) {
  Delinquency result;
  const Currency currency = installments.empty() ? Currency::kCNY : installments.front().amount.currency();
  result.overdue = Money::Zero(currency);
  for (const DueAmount& installment : installments) {
    if (installment.due >= as_of) continue;  // due today is not yet overdue
    const Money unpaid = installment.amount - installment.paid;
    if (unpaid.minor_units() <= rule.tolerance_minor) continue;
    result.overdue += unpaid;
    if (!result.oldest_unpaid_due || installment.due < *result.oldest_unpaid_due) {
      result.oldest_unpaid_due = installment.due;
    }
  }
  if (result.oldest_unpaid_due) {
    const std::int64_t days = DaysBetween(*result.oldest_unpaid_due, as_of);
    result.days_past_due = days > rule.grace_days ? static_cast<int>(days) : 0;
  }
  return result;
}

Delinquency CardDelinquency(std::span<const DueAmount> minimums, Money total_paid, Date as_of,
                            const DelinquencyRule& rule) {
  std::vector<DueAmount> ordered(minimums.begin(), minimums.end());
  std::stable_sort(ordered.begin(), ordered.end(), [](const DueAmount& a, const DueAmount& b) { return a.due < b.due; });
  Money left = total_paid;
  for (DueAmount& minimum : ordered) {
    const Money applied = Max(Min(left, minimum.amount), Money::Zero(left.currency()));
    minimum.paid = applied;
    left -= applied;
  }
  return LoanDelinquency(ordered, as_of, rule);
}

}  // namespace arrears
