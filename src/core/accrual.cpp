#include "core/accrual.hpp"

#include <stdexcept>

namespace arrears {

Ratio PeriodsOf(Rate rate, DayCountConvention day_count, Date from, Date to) {
  if (to < from) throw std::invalid_argument("accrual period ends before it starts");
  switch (rate.period()) {
    case RatePeriod::kDaily:
      return Ratio::Of(DaysBetween(from, to), 1);
    case RatePeriod::kAnnual:
      return YearFraction(day_count, from, to);
    case RatePeriod::kMonthly: {
      const Ratio years = YearFraction(day_count, from, to);
      return Ratio::Of(years.numerator * 12, years.denominator);
    }
    case RatePeriod::kFlat:
      break;
  }
  throw std::invalid_argument("a flat rate does not accrue over time");
}

Money SimpleInterest(Money base, Rate rate, DayCountConvention day_count, Date from, Date to,
                     RoundingMode mode) {
  return ApplyRate(base, rate, PeriodsOf(rate, day_count, from, to), mode);
}

LoanAccrual AccrueLoan(const Balance& balance, const LoanAccrualTerms& terms, Date from, Date to) {
  LoanAccrual result;
  result.periods = PeriodsOf(terms.contract_rate, terms.day_count, from, to);
  result.penalty_rate = RaiseRate(terms.contract_rate, terms.penalty_uplift);
  const RoundingMode mode = terms.rounding;
  result.interest = ApplyRate(balance.NotDue(Component::kPrincipal), terms.contract_rate, result.periods, mode);
  result.penalty_interest =
      ApplyRate(balance.Overdue(Component::kPrincipal), result.penalty_rate, result.periods, mode);
  Money compound_base = Money::Zero(balance.currency());
  if (terms.compound_on_overdue_interest) compound_base += balance.Overdue(Component::kInterest);
  if (terms.compound_on_penalty_interest) compound_base += balance.Overdue(Component::kPenaltyInterest);
  result.compound_interest = ApplyRate(compound_base, result.penalty_rate, result.periods, mode);
  return result;
}

}  // namespace arrears
