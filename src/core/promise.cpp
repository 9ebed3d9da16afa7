#include "core/promise.hpp"

#include "core/rounding.hpp"

#include <algorithm>
#include <array>
#include <string>

namespace arrears {

namespace {
constexpr std::array<std::string_view, 5> kNames = {"open", "kept", "partly_kept", "broken", "cancelled"};
}

std::string_view PromiseStatusName(PromiseStatus status) { return kNames[static_cast<std::size_t>(status)]; }

std::optional<PromiseStatus> ParsePromiseStatus(std::string_view name) {
  for (std::size_t i = 0; i < kNames.size(); ++i) {
    if (kNames[i] == name) return static_cast<PromiseStatus>(i);
  }
  return std::nullopt;
}

PromiseOutcome EvaluatePromise(const PromiseTerms& promise, std::span<const Received> payments, Date today,
                               const PromiseRules& rules) {
  const Date window_end = promise.due.AddDays(rules.grace_days);
  Money paid(0, promise.amount.currency());
  for (const Received& payment : payments) {
    if (payment.on >= promise.made_on && payment.on <= window_end && payment.on <= today) paid += payment.amount;
  }
  PromiseOutcome outcome{PromiseStatus::kOpen, paid};
  if (paid.minor_units() + rules.tolerance >= promise.amount.minor_units()) {
    outcome.status = PromiseStatus::kKept;
  } else if (today > window_end) {
    outcome.status = paid.minor_units() > 0 ? PromiseStatus::kPartlyKept : PromiseStatus::kBroken;
  }
  return outcome;
}

Status CheckNewPromise(const PromiseTerms& promise, Money overdue, int open_promises, const PromisePolicy& policy) {
  if (promise.amount.minor_units() <= 0) return Fail("the promised amount must be positive", "amount");
  if (promise.due < promise.made_on) {
    return Fail("the promised date " + promise.due.ToString() + " is in the past (today is " +
                    promise.made_on.ToString() + ")",
                "date");
  }
  if (promise.due > promise.made_on.AddDays(policy.max_days_ahead)) {
    return Fail(Error{ErrorCode::kPolicyRefused,
                      "a promise may be at most " + std::to_string(policy.max_days_ahead) + " days ahead (until " +
                          promise.made_on.AddDays(policy.max_days_ahead).ToString() + ")",
                      "date"});
  }
  // The share of the overdue, rounded up to the minor unit.
  const Int128 share_product = static_cast<Int128>(overdue.minor_units()) * policy.minimum_share_ppm;
  const auto share_floor = static_cast<std::int64_t>((share_product + 999'999) / 1'000'000);
  const std::int64_t floor = std::min(std::max(policy.minimum_amount, share_floor), overdue.minor_units());
  if (promise.amount.minor_units() < floor) {
    return Fail(Error{ErrorCode::kPolicyRefused,
                      "a promise must be at least " + FormatAmount(Money(floor, overdue.currency())) + " " +
                          std::string(CurrencyCode(overdue.currency())),
                      "amount"});
  }
  if (open_promises >= policy.max_open) {
    return Fail(Error{ErrorCode::kPolicyRefused,
                      "the case already has " + std::to_string(open_promises) + " open promise" +
                          (open_promises == 1 ? "" : "s") + " (at most " + std::to_string(policy.max_open) + ")",
                      "amount"});
  }
  return Ok{};
}

}  // namespace arrears
