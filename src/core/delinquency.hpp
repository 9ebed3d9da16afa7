// Days past due (逾期天数) for installment loans and cards.
//
// DPD counts the days from the oldest due date whose amount is still unpaid to
// the as-of date: an installment due 2026-10-15 and unpaid on 2026-10-16 is 1
// day past due. Grace days (宽限期) keep an account current while the oldest
// unpaid due date is at most that many days behind; past the grace the count
// runs from the due date itself. An unpaid remainder at or below the tolerance
// (e.g. a few fen left by rounding) does not make an amount unpaid.
#pragma once

#include <optional>
#include <span>

#include "core/date.hpp"
#include "core/money.hpp"

namespace arrears {

struct DelinquencyRule {
  int grace_days = 0;
  std::int64_t tolerance_minor = 0;  // unpaid remainders <= this count as paid
};

// One installment of a loan schedule, or one statement's minimum payment.
struct DueAmount {
  Date due;
  Money amount;  // what fell due
  Money paid;    // what has been applied to it
};

struct Delinquency {
  int days_past_due = 0;
  std::optional<Date> oldest_unpaid_due;  // the oldest due date not met, grace or not
  Money overdue;                          // the unpaid amounts due on or before as_of
};

// Loans: `installments` in any order; those due after `as_of` are ignored.
Delinquency LoanDelinquency(std::span<const DueAmount> installments, Date as_of, const DelinquencyRule& rule);

// Cards: each statement's minimum payment due. `total_paid` (all repayments
// up to as_of) is applied to the minimums oldest first; the oldest minimum
// left unmet sets the DPD.
Delinquency CardDelinquency(std::span<const DueAmount> minimums, Money total_paid, Date as_of,
                            const DelinquencyRule& rule);

}  // namespace arrears
