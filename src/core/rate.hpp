// Interest and fee rates as exact scaled integers.
//
// A Rate is a count of billionths (1e-9) per period: 6.5% a year is 65,000,000
// per year; 万分之五 a day (0.05%/day) is 500,000 per day; a 0.6% installment fee
// per period is 6,000,000 per month. Nine decimals hold every rate that
// contracts and regulators publish exactly, so parsing never rounds; only an
// explicit conversion between periods may (STYLE.md rule 6).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/money.hpp"
#include "core/ratio.hpp"
#include "core/result.hpp"

namespace arrears {

enum class RatePeriod {
  kAnnual,   // per year (年利率, "p.a.")
  kMonthly,  // per month (月利率, 月息)
  kDaily,    // per day (日利率, 日息; cards quote 万分之五)
  kFlat,     // per occurrence, no time unit: fee rates, penalty uplifts, shares
};

std::string_view RatePeriodName(RatePeriod period);  // "year", "month", "day", "flat"

class Rate {
 public:
  static constexpr int kScaleDigits = 9;
  static constexpr std::int64_t kScale = 1'000'000'000;

  constexpr Rate() = default;
  constexpr Rate(std::int64_t billionths, RatePeriod period) : billionths_(billionths), period_(period) {}

  constexpr std::int64_t billionths() const { return billionths_; }
  constexpr RatePeriod period() const { return period_; }
  constexpr bool IsZero() const { return billionths_ == 0; }

  friend bool operator==(const Rate&, const Rate&) = default;

 private:
  std::int64_t billionths_ = 0;
  RatePeriod period_ = RatePeriod::kFlat;
};

// Parses the ways rates are written in contracts and by staff:
//   "6.5%", "0.065", "5‰", "万分之五", "万分之0.5", "千分之3", "百分之6.5",
// with an optional period: a suffix "/year" ("/yr", "p.a."), "/month", "/day",
// or a prefix 年/年化/月/日. Without one the rate has `default_period`.
// A rate with more than nine decimals, a negative rate, or anything else is
// an error naming `field`.
Result<Rate> ParseRate(std::string_view text, RatePeriod default_period, std::string_view field);

// "6.5%" (annual), "0.05%/day", "0.6%/month", "50%" (flat): the shortest exact form.
std::string FormatRate(Rate rate);

// Converts between annual, monthly and daily rates: a year is 12 months and
// `days_per_year` days (360 for Chinese bank loans, 365 where the contract says
// so); a month is days_per_year / 12 days. The result is rounded half-even to
// 1e-9, exact whenever the conversion divides evenly. Throws
// std::invalid_argument for kFlat on either side.
Rate ConvertRate(Rate rate, RatePeriod target, int days_per_year);

// rate × (1 + uplift), rounded half-even to 1e-9: penalty interest (罚息) at the
// contract rate raised by 30%-50%. `uplift` must be kFlat.
Rate RaiseRate(Rate rate, Rate uplift);

// base × rate × periods, rounded once with `mode`: `periods` counts the rate's
// own periods (days for a daily rate; a year fraction for an annual one).
Money ApplyRate(Money base, Rate rate, Ratio periods, RoundingMode mode = RoundingMode::kHalfEven);

}  // namespace arrears
