// Promises to pay (承诺还款, DOMAIN.md §4): kept when the payments received
// from the promise's creation up to its date plus a grace reach the amount
// (within a tolerance), partly kept when some arrive, broken otherwise; open
// until then. Arrangement installments are judged the same way.
#pragma once

#include <optional>
#include <span>
#include <string_view>

#include "core/date.hpp"
#include "core/money.hpp"
#include "core/result.hpp"

namespace arrears {

enum class PromiseStatus { kOpen, kKept, kPartlyKept, kBroken, kCancelled };
std::string_view PromiseStatusName(PromiseStatus status);  // "open", "kept", "partly_kept", "broken", "cancelled"
std::optional<PromiseStatus> ParsePromiseStatus(std::string_view name);

struct PromiseTerms {
  Money amount;
  Date made_on;  // payments from this day count
  Date due;      // the promised date
};

struct Received {
  Date on;
  Money amount;  // a reversal is negative
};

struct PromiseRules {
  int grace_days = 0;           // payments up to due + grace still keep the promise
  std::int64_t tolerance = 0;   // minor units short of the amount that still count as kept
};

struct PromiseOutcome {
  PromiseStatus status = PromiseStatus::kOpen;
  Money paid;  // received within the window
};

// The promise on `today`: kept as soon as the window's payments reach it;
// after due + grace, partly kept or broken.
PromiseOutcome EvaluatePromise(const PromiseTerms& promise, std::span<const Received> payments, Date today,
                               const PromiseRules& rules);

// What policy allows a new promise to be (DOMAIN.md §4).
struct PromisePolicy {
  std::int64_t minimum_amount = 0;  // minor units
  int minimum_share_ppm = 0;        // share of the overdue total, parts per million
  int max_days_ahead = 30;
  int max_open = 1;
};

// Checks a new promise against policy; `open_promises` is how many the case already has.
Status CheckNewPromise(const PromiseTerms& promise, Money overdue, int open_promises, const PromisePolicy& policy);

}  // namespace arrears
