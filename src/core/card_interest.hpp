// Credit card revolving interest with full-amount interest (全额计息), as
// Chinese issuers apply it (DOMAIN.md section 3).
//
// When a statement is paid in full by its due date there is no interest (the
// interest-free period). Otherwise every transaction on the statement bears
// daily interest on its whole amount from its posting date, and each repayment
// reduces the base from its own date on, up to the next statement date, both
// ends counted. The published example: a 1,000.00 purchase posted on 03-30,
// statement 04-05, due 04-25, 100.00 repaid on 04-25, next statement 05-05, at
// 0.05%/day: 1,000.00 × 0.05% × 26 days (03-30..04-24) = 13.00 plus
// 900.00 × 0.05% × 11 days (04-25..05-05) = 4.95, in all 17.95.
#pragma once

#include <vector>

#include "core/date.hpp"
#include "core/money.hpp"
#include "core/rate.hpp"
#include "core/result.hpp"

namespace arrears {

struct CardTransaction {
  Date posted;
  Money amount;  // positive
};

struct CardRepayment {
  Date date;
  Money amount;  // positive
};

struct CardStatement {
  std::vector<CardTransaction> transactions;  // the statement's posted transactions
  Date statement_date;
  Date due_date;
  std::vector<CardRepayment> repayments;      // repayments up to the next statement date
  Date next_statement_date;
  Rate daily_rate{500'000, RatePeriod::kDaily};  // 万分之五
  RoundingMode rounding = RoundingMode::kHalfEven;
};

// A run of days with the same interest-bearing base, both ends included.
struct InterestSegment {
  Date first;
  Date last;
  std::int64_t days = 0;
  Money base;
  Money interest;  // this segment's share of the total (largest remainder)
};

struct CardInterest {
  Money statement_balance;
  Money repaid_by_due_date;
  bool paid_in_full = false;  // then no interest is charged
  std::vector<InterestSegment> segments;
  Money total;  // Σ base × days × rate, rounded once; the segments sum to it
};

// Validates the statement (dates in order, positive amounts, one currency) and
// computes the interest. Errors name the offending field.
Result<CardInterest> ComputeCardInterest(const CardStatement& statement);

}  // namespace arrears
