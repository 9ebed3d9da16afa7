#include "core/card_interest.hpp"

#include <algorithm>
#include <map>

#include "core/allocation.hpp"

namespace arrears {

namespace {

Status Validate(const CardStatement& s) {
  if (s.transactions.empty()) return Fail("the statement has no transactions", "transactions");
  if (s.daily_rate.period() != RatePeriod::kDaily) return Fail("the card rate must be a daily rate", "daily_rate");
  if (!(s.statement_date <= s.due_date)) return Fail("the due date is before the statement date", "due_date");
  if (!(s.due_date <= s.next_statement_date)) {
    return Fail("the next statement date is before the due date", "next_statement_date");
  }
  const Currency currency = s.transactions.front().amount.currency();
  for (const CardTransaction& t : s.transactions) {
    if (t.amount.currency() != currency) return Fail("transactions in more than one currency", "transactions");
    if (!t.amount.IsPositive()) return Fail("a transaction amount is not positive", "transactions");
    if (t.posted > s.statement_date) {
      return Fail("transaction posted " + t.posted.ToString() + " after the statement date", "transactions");
    }
  }
  for (const CardRepayment& r : s.repayments) {
    if (r.amount.currency() != currency) return Fail("repayment in another currency", "repayments");
    if (!r.amount.IsPositive()) return Fail("a repayment amount is not positive", "repayments");
    if (r.date > s.next_statement_date) {
      return Fail("repayment on " + r.date.ToString() + " after the next statement date", "repayments");
    }
  }
  return Ok{};
}

}  // namespace

Result<CardInterest> ComputeCardInterest(const CardStatement& s) {
  if (auto valid = Validate(s); !valid) return Fail(valid.error());
  const Currency currency = s.transactions.front().amount.currency();
  CardInterest result;
  result.statement_balance = Money::Zero(currency);
  result.repaid_by_due_date = Money::Zero(currency);
  result.total = Money::Zero(currency);
  for (const CardTransaction& t : s.transactions) result.statement_balance += t.amount;
  for (const CardRepayment& r : s.repayments) {
    if (r.date <= s.due_date) result.repaid_by_due_date += r.amount;
  }
  result.paid_in_full = result.repaid_by_due_date >= result.statement_balance;
  if (result.paid_in_full) return result;

  // Changes to the base by day: + on posting dates, - on repayment dates.
  std::map<std::int64_t, std::int64_t> change_by_day;
  for (const CardTransaction& t : s.transactions) change_by_day[t.posted.serial()] += t.amount.minor_units();
  for (const CardRepayment& r : s.repayments) change_by_day[r.date.serial()] -= r.amount.minor_units();

  std::vector<Int128> weights;
  std::int64_t base = 0;
  for (auto it = change_by_day.begin(); it != change_by_day.end(); ++it) {
    base = CheckedAdd(base, it->second);
    const Date first = Date::FromSerial(it->first);
    const auto next = std::next(it);
    const Date last = next == change_by_day.end() ? s.next_statement_date
                                                  : std::min(Date::FromSerial(next->first).AddDays(-1),
                                                             s.next_statement_date);
    if (first > s.next_statement_date) break;
    if (base <= 0 || last < first) continue;
    InterestSegment segment{first, last, DaysBetween(first, last) + 1, Money(base, currency), Money::Zero(currency)};
    weights.push_back(CheckedMultiply(base, segment.days));
    result.segments.push_back(segment);
  }
  if (result.segments.empty()) return result;
  Int128 base_days = 0;
  for (Int128 w : weights) base_days += w;
  result.total = Money(DivideRounded(CheckedMultiply(base_days, s.daily_rate.billionths()), Rate::kScale, s.rounding),
                       currency);
  const std::vector<Money> shares = AllocateByWeights(result.total, weights);
  for (std::size_t i = 0; i < shares.size(); ++i) result.segments[i].interest = shares[i];
  return result;
}

}  // namespace arrears
