// Card late fee (违约金): charged when less than the minimum payment is paid by
// the due date. Chinese card rules since 2017 (PBoC 银发〔2016〕111号) let the
// issuer agree the fee with the cardholder in place of the former 滞纳金; a
// common contract term is 5% of the unpaid part of the minimum payment, with a
// floor and a cap. The fee bears no interest.
#pragma once

#include <optional>

#include "core/money.hpp"
#include "core/rate.hpp"

namespace arrears {

struct LateFeeRule {
  enum class Kind {
    kFixed,                    // a fixed amount whenever the minimum is not met
    kPercentOfUnpaidMinimum,   // rate × (minimum due − paid by the due date)
  };
  Kind kind = Kind::kPercentOfUnpaidMinimum;
  Money fixed_amount;                                 // kFixed
  Rate rate{50'000'000, RatePeriod::kFlat};           // 5%, kPercentOfUnpaidMinimum
  std::optional<Money> floor;                         // applied only when a fee is due
  std::optional<Money> cap;
  RoundingMode rounding = RoundingMode::kHalfEven;
};

// The late fee for one statement: zero when paid_by_due_date >= minimum_due.
// Example: 5% × (1,000.00 − 300.00) = 35.00.
Money LateFee(const LateFeeRule& rule, Money minimum_due, Money paid_by_due_date);

}  // namespace arrears
