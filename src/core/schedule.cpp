#include "core/schedule.hpp"

#include "core/detail/big_uint.hpp"

namespace arrears {

std::string_view RepaymentMethodName(RepaymentMethod method) {
  switch (method) {
    case RepaymentMethod::kAnnuity: return "annuity";
    case RepaymentMethod::kEqualPrincipal: return "equal-principal";
    case RepaymentMethod::kInterestOnly: return "interest-only";
    case RepaymentMethod::kFlatFee: return "flat-fee";
  }
  return "?";
}

std::optional<RepaymentMethod> ParseRepaymentMethod(std::string_view name) {
  for (RepaymentMethod method : {RepaymentMethod::kAnnuity, RepaymentMethod::kEqualPrincipal,
                                 RepaymentMethod::kInterestOnly, RepaymentMethod::kFlatFee}) {
    if (RepaymentMethodName(method) == name) return method;
  }
  return std::nullopt;
}

namespace {

// The periodic (monthly) rate as numerator / denominator.
struct PeriodicRate {
  std::int64_t numerator = 0;
  std::int64_t denominator = Rate::kScale;
};

Result<PeriodicRate> MonthlyRate(Rate rate, std::string_view field) {
  switch (rate.period()) {
    case RatePeriod::kAnnual: return PeriodicRate{rate.billionths(), 12 * Rate::kScale};
    case RatePeriod::kMonthly: return PeriodicRate{rate.billionths(), Rate::kScale};
    case RatePeriod::kDaily:
    case RatePeriod::kFlat:
      break;
  }
  return Fail("a schedule's interest rate must be annual or monthly", std::string(field));
}

Money PeriodInterest(Money balance, PeriodicRate r, RoundingMode mode) {
  return balance.MultiplyRatio(r.numerator, r.denominator, mode);
}

Money AnnuityPaymentExact(Money principal, PeriodicRate r, int periods, RoundingMode mode) {
  const Currency currency = principal.currency();
  if (r.numerator == 0) return principal.MultiplyRatio(1, periods, mode);
  using detail::BigUint;
  // P·u·N^n / (D·(N^n − D^n)) with r = u/D and N = D + u.
  using U128 = UInt128;
  const BigUint u(static_cast<U128>(r.numerator));
  const BigUint d(static_cast<U128>(r.denominator));
  const BigUint n_pow = BigUint(static_cast<U128>(r.denominator + r.numerator)).Pow(static_cast<unsigned>(periods));
  const BigUint d_pow = d.Pow(static_cast<unsigned>(periods));
  const BigUint numerator = BigUint(static_cast<U128>(principal.minor_units())) * u * n_pow;
  const BigUint denominator = d * (n_pow - d_pow);
  const detail::Quotient q = detail::Divide(numerator, denominator);
  std::uint64_t value = q.floor;
  if (!q.exact) {
    switch (mode) {
      case RoundingMode::kDown:
        break;
      case RoundingMode::kHalfUp:
        if (q.twice_remainder_vs_denominator >= 0) ++value;
        break;
      case RoundingMode::kHalfEven:
        if (q.twice_remainder_vs_denominator > 0 || (q.twice_remainder_vs_denominator == 0 && (value & 1U))) ++value;
        break;
    }
  }
  return Money(static_cast<std::int64_t>(value), currency);
}

// P ÷ n per period with the remainder in the named period. Falls back to
// truncation when rounding up would leave the remainder period negative.
std::vector<Money> EqualParts(Money principal, int periods, RemainderPeriod remainder, RoundingMode mode) {
  Money part = principal.MultiplyRatio(1, periods, mode);
  if (part * (periods - 1) > principal) part = principal.MultiplyRatio(1, periods, RoundingMode::kDown);
  std::vector<Money> parts(static_cast<std::size_t>(periods), part);
  const Money rest = principal - part * (periods - 1);
  parts[remainder == RemainderPeriod::kLast ? parts.size() - 1 : 0] = rest;
  return parts;
}

}  // namespace

namespace {
Money SumOf(const Schedule& schedule, Money SchedulePeriod::*part) {
  Money sum = Money::Zero(schedule.currency);
  for (const SchedulePeriod& period : schedule.periods) sum += period.*part;
  return sum;
}
}  // namespace

Money Schedule::TotalPrincipal() const { return SumOf(*this, &SchedulePeriod::principal); }
Money Schedule::TotalInterest() const { return SumOf(*this, &SchedulePeriod::interest); }
Money Schedule::TotalFee() const { return SumOf(*this, &SchedulePeriod::fee); }
Money Schedule::TotalPayment() const { return SumOf(*this, &SchedulePeriod::payment); }

Money AnnuityPayment(Money principal, Rate rate, int periods, RoundingMode mode) {
  auto r = MonthlyRate(rate, "rate");
  if (!r) throw std::invalid_argument(r.error().message);
  return AnnuityPaymentExact(principal, *r, periods, mode);
}

Result<Schedule> BuildSchedule(const ScheduleTerms& terms) {
  if (terms.periods < 1 || terms.periods > 600) {
    return Fail("the number of periods must be 1-600, not " + std::to_string(terms.periods), "periods");
  }
  if (terms.principal.minor_units() < terms.periods) {
    return Fail("the principal must be positive and at least one minor unit per period", "principal");
  }
  if (terms.principal.minor_units() > 1'000'000'000'000'000) {
    return Fail("the principal is beyond any loan this system books", "principal");
  }
  PeriodicRate r;
  if (terms.method != RepaymentMethod::kFlatFee) {
    auto monthly = MonthlyRate(terms.rate, "annual_rate");
    if (!monthly) return Fail(monthly.error());
    r = *monthly;
  } else if (terms.fee_rate.period() != RatePeriod::kFlat && terms.fee_rate.period() != RatePeriod::kMonthly) {
    return Fail("the installment fee rate is a rate per period (month)", "fee_rate");
  }
  const Currency currency = terms.principal.currency();
  const Money zero = Money::Zero(currency);
  const auto n = static_cast<std::size_t>(terms.periods);
  Schedule schedule;
  schedule.currency = currency;
  schedule.first_due = terms.first_due;
  schedule.periods.reserve(n);

  std::vector<Money> principal_parts;
  Money payment = zero;
  Money fee = zero;
  switch (terms.method) {
    case RepaymentMethod::kAnnuity:
      payment = AnnuityPaymentExact(terms.principal, r, terms.periods, terms.rounding);
      break;
    case RepaymentMethod::kEqualPrincipal:
      principal_parts = EqualParts(terms.principal, terms.periods, terms.remainder, terms.rounding);
      break;
    case RepaymentMethod::kInterestOnly:
      principal_parts.assign(n, zero);
      principal_parts.back() = terms.principal;
      break;
    case RepaymentMethod::kFlatFee:
      principal_parts = EqualParts(terms.principal, terms.periods, terms.remainder, terms.rounding);
      fee = ApplyRate(terms.principal, terms.fee_rate, Ratio{1, 1}, terms.rounding);
      break;
  }

  Money balance = terms.principal;
  for (std::size_t i = 0; i < n; ++i) {
    SchedulePeriod period;
    period.number = static_cast<int>(i + 1);
    period.due = terms.first_due.AddMonths(static_cast<int>(i));
    period.interest = terms.method == RepaymentMethod::kFlatFee ? zero : PeriodInterest(balance, r, terms.rounding);
    period.fee = fee;
    if (terms.method == RepaymentMethod::kAnnuity) {
      period.principal = i + 1 == n ? balance : Min(payment - period.interest, balance);
    } else {
      period.principal = principal_parts[i];
    }
    period.payment = period.principal + period.interest + period.fee;
    balance -= period.principal;
    period.balance_after = balance;
    schedule.periods.push_back(period);
  }
  return schedule;
}

Result<Schedule> DeferSchedule(const Schedule& schedule, const Deferral& deferral) {
  const int count = static_cast<int>(schedule.periods.size());
  if (deferral.from_period < 1 || deferral.from_period > count) {
    return Fail("the deferral must start at a period of the schedule (1-" + std::to_string(count) + ")",
                "from_period");
  }
  if (deferral.months < 1 || deferral.months > 120) return Fail("a deferral is 1-120 months", "months");
  Schedule deferred = schedule;
  const auto first = static_cast<std::size_t>(deferral.from_period - 1);
  for (std::size_t i = first; i < deferred.periods.size(); ++i) {
    deferred.periods[i].due = schedule.first_due.AddMonths(static_cast<int>(i) + deferral.months);
  }
  if (deferral.rate) {
    auto r = MonthlyRate(*deferral.rate, "deferral_rate");
    if (!r) return Fail(r.error());
    const Money outstanding = first == 0 ? schedule.TotalPrincipal() : schedule.periods[first - 1].balance_after;
    const Money extra = outstanding.MultiplyRatio(CheckedMultiply(r->numerator, deferral.months), r->denominator,
                                                  deferral.rounding);
    SchedulePeriod& period = deferred.periods[first];
    period.interest += extra;
    period.payment += extra;
  }
  return deferred;
}

}  // namespace arrears
