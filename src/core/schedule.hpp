// Repayment schedules (还款计划). Every schedule sums exactly to its principal;
// due dates are anchored, not chained: period k falls due on first_due + (k-1)
// months with end-of-month clamping (STYLE.md rule 8).
//
// Conventions: monthly periods; the periodic rate r is the annual rate ÷ 12
// (a monthly rate is used as it is); each period's interest is the opening
// balance × r rounded once; rounding leftovers go to a named period (the last
// by default), so the totals are exact.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/money.hpp"
#include "core/rate.hpp"
#include "core/result.hpp"

namespace arrears {

enum class RepaymentMethod {
  kAnnuity,         // 等额本息: equal payments, P·r / (1 − (1 + r)^−n) rounded
  kEqualPrincipal,  // 等额本金: principal P ÷ n each period, interest on the balance
  kInterestOnly,    // 先息后本: interest each period, the principal as a balloon at the end
  kFlatFee,         // 信用卡分期: principal P ÷ n plus a flat fee of P × fee rate each period
};

std::string_view RepaymentMethodName(RepaymentMethod method);  // "annuity", "equal-principal", ...
std::optional<RepaymentMethod> ParseRepaymentMethod(std::string_view name);

// Which period takes the remainder of P ÷ n (equal-principal and flat-fee).
enum class RemainderPeriod { kFirst, kLast };

struct ScheduleTerms {
  Money principal;
  int periods = 12;  // 1..600
  Date first_due;
  RepaymentMethod method = RepaymentMethod::kAnnuity;
  Rate rate{0, RatePeriod::kAnnual};    // annual or monthly; annuity, equal-principal, interest-only
  Rate fee_rate{0, RatePeriod::kFlat};  // per period on the original principal; flat-fee
  RemainderPeriod remainder = RemainderPeriod::kLast;
  RoundingMode rounding = RoundingMode::kHalfEven;
};

struct SchedulePeriod {
  int number = 0;  // 1-based
  Date due;
  Money principal;
  Money interest;
  Money fee;
  Money payment;        // principal + interest + fee
  Money balance_after;  // principal still owed after this period
};

struct Schedule {
  Currency currency = Currency::kCNY;
  Date first_due;  // the anchor: period k is due first_due + (k-1) months (+ deferral)
  std::vector<SchedulePeriod> periods;

  Money TotalPrincipal() const;
  Money TotalInterest() const;
  Money TotalFee() const;
  Money TotalPayment() const;
};

// Validates the terms (positive principal of at least one minor unit per
// period, 1-600 periods, the rate the method needs) and builds the schedule.
Result<Schedule> BuildSchedule(const ScheduleTerms& terms);

// The annuity payment P·r / (1 − (1 + r)^−n), computed exactly in rational
// arithmetic and rounded once with `mode`; P ÷ n when r is zero.
Money AnnuityPayment(Money principal, Rate rate, int periods, RoundingMode mode = RoundingMode::kHalfEven);

// A deferral (延期): every period from `from_period` on moves `months` later
// (still anchored on the first due date). With a rate, deferral interest =
// the principal outstanding before `from_period` × monthly rate × months,
// rounded once, is added to the interest of `from_period`.
struct Deferral {
  int from_period = 1;
  int months = 1;
  std::optional<Rate> rate;  // annual or monthly
  RoundingMode rounding = RoundingMode::kHalfEven;
};

Result<Schedule> DeferSchedule(const Schedule& schedule, const Deferral& deferral);

}  // namespace arrears
