// Accrual of loan interest, penalty interest (罚息) and compound interest (复利)
// over a period, on the balances at its start. Fees never bear interest.
#pragma once

#include "core/balance.hpp"
#include "core/date.hpp"
#include "core/day_count.hpp"
#include "core/rate.hpp"

namespace arrears {

// base × rate over [from, to): a daily rate counts actual days; an annual rate
// the year fraction of `day_count`; a monthly rate twelve times it. Rounded
// once. Precondition: from <= to; rate not kFlat.
Money SimpleInterest(Money base, Rate rate, DayCountConvention day_count, Date from, Date to,
                     RoundingMode mode = RoundingMode::kHalfEven);

// The rate's periods in [from, to) as an exact ratio (see SimpleInterest).
Ratio PeriodsOf(Rate rate, DayCountConvention day_count, Date from, Date to);

// A Chinese loan's accrual terms. Penalty interest on overdue principal is at
// the contract rate × (1 + uplift), the uplift 30%-50% (PBoC 人民币利率管理规定:
// 逾期贷款罚息利率为借款合同载明的贷款利率水平上加收30%-50%); overdue interest
// bears compound interest at the same penalty rate (对不能按时支付的利息，按罚息利率计收复利).
struct LoanAccrualTerms {
  Rate contract_rate{0, RatePeriod::kAnnual};
  DayCountConvention day_count = DayCountConvention::kActual360;
  Rate penalty_uplift{500'000'000, RatePeriod::kFlat};  // +50%
  bool compound_on_overdue_interest = true;
  // Whether unpaid penalty interest also bears compound interest (contracts differ).
  bool compound_on_penalty_interest = false;
  RoundingMode rounding = RoundingMode::kHalfEven;
};

struct LoanAccrual {
  Money interest;           // not-yet-due principal × contract rate
  Money penalty_interest;   // overdue principal × penalty rate
  Money compound_interest;  // overdue interest (and penalty, if so agreed) × penalty rate
  Rate penalty_rate;
  Ratio periods;            // of the contract rate's period

  Money Total() const { return interest + penalty_interest + compound_interest; }
};

// Accrues over [from, to) on `balance` as it stands at `from`; each component
// rounded once. Precondition: from <= to.
LoanAccrual AccrueLoan(const Balance& balance, const LoanAccrualTerms& terms, Date from, Date to);

}  // namespace arrears
