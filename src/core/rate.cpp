#include "core/rate.hpp"

#include <array>
#include <stdexcept>
#include <utility>

#include "core/decimal.hpp"
#include "core/quote.hpp"

namespace arrears {

std::string_view RatePeriodName(RatePeriod period) {
  switch (period) {
    case RatePeriod::kAnnual: return "year";
    case RatePeriod::kMonthly: return "month";
    case RatePeriod::kDaily: return "day";
    case RatePeriod::kFlat: return "flat";
  }
  return "?";
}

namespace {

bool ConsumePrefix(std::string_view& text, std::string_view prefix) {
  if (text.substr(0, prefix.size()) != prefix) return false;
  text.remove_prefix(prefix.size());
  return true;
}

bool ConsumeSuffix(std::string_view& text, std::string_view suffix) {
  if (text.size() < suffix.size() || text.substr(text.size() - suffix.size()) != suffix) return false;
  text.remove_suffix(suffix.size());
  return true;
}

std::string_view Trim(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  return text;
}

// Chinese numerals as written in rates: 五, 十五, 二十, 三点五, 零点五 -> "5", "15",
// "20", "3.5", "0.5". Arabic digits pass through. Empty optional if not a number.
std::optional<std::string> ChineseNumeralToDecimal(std::string_view text) {
  static constexpr std::array<std::pair<std::string_view, char>, 12> kDigits = {{
      {"零", '0'}, {"〇", '0'}, {"一", '1'}, {"二", '2'}, {"两", '2'}, {"三", '3'},
      {"四", '4'}, {"五", '5'}, {"六", '6'}, {"七", '7'}, {"八", '8'}, {"九", '9'},
  }};
  std::string out;
  bool saw_ten = false;
  while (!text.empty()) {
    if ((text[0] >= '0' && text[0] <= '9') || text[0] == '.') {
      out.push_back(text[0]);
      text.remove_prefix(1);
      continue;
    }
    if (ConsumePrefix(text, "点")) {
      out.push_back('.');
      continue;
    }
    if (ConsumePrefix(text, "十")) {
      if (saw_ten || out.find('.') != std::string::npos || out.size() > 1) return std::nullopt;
      saw_ten = true;
      if (out.empty()) out = "1";
      // 十 multiplies what precedes; the next digit, if any, replaces the zero.
      out.push_back('0');
      if (!text.empty() && !text.starts_with("点")) {
        out.pop_back();
      }
      continue;
    }
    bool matched = false;
    for (const auto& [glyph, digit] : kDigits) {
      if (ConsumePrefix(text, glyph)) {
        out.push_back(digit);
        matched = true;
        break;
      }
    }
    if (!matched) return std::nullopt;
  }
  if (out.empty()) return std::nullopt;
  return out;
}

}  // namespace

Result<Rate> ParseRate(std::string_view original, RatePeriod default_period, std::string_view field) {
  const std::string quoted = Quote(original);
  std::string_view text = Trim(original);
  std::optional<RatePeriod> period;
  if (ConsumePrefix(text, "年化") || ConsumePrefix(text, "年利率") || ConsumePrefix(text, "年")) {
    period = RatePeriod::kAnnual;
  } else if (ConsumePrefix(text, "月利率") || ConsumePrefix(text, "月息") || ConsumePrefix(text, "月")) {
    period = RatePeriod::kMonthly;
  } else if (ConsumePrefix(text, "日利率") || ConsumePrefix(text, "日息") || ConsumePrefix(text, "日")) {
    period = RatePeriod::kDaily;
  }
  text = Trim(text);
  if (!period) {
    if (ConsumeSuffix(text, "/year") || ConsumeSuffix(text, "/yr") || ConsumeSuffix(text, "p.a.") ||
        ConsumeSuffix(text, "/annum")) {
      period = RatePeriod::kAnnual;
    } else if (ConsumeSuffix(text, "/month")) {
      period = RatePeriod::kMonthly;
    } else if (ConsumeSuffix(text, "/day")) {
      period = RatePeriod::kDaily;
    } else if (ConsumeSuffix(text, "/flat")) {
      period = RatePeriod::kFlat;
    }
  }
  text = Trim(text);

  // The number and the power of ten that divides it.
  std::string number;
  int divisor_digits = 0;
  for (const auto& [word, digits] : std::array<std::pair<std::string_view, int>, 3>{
           {{"万分之", 4}, {"千分之", 3}, {"百分之", 2}}}) {
    std::string_view rest = text;
    if (ConsumePrefix(rest, word)) {
      auto decimal = ChineseNumeralToDecimal(rest);
      if (!decimal) return Fail("rate " + quoted + " has no number after " + std::string(word), std::string(field));
      number = *decimal;
      divisor_digits = digits;
      break;
    }
  }
  if (divisor_digits == 0) {
    std::string_view rest = text;
    if (ConsumeSuffix(rest, "%")) {
      divisor_digits = 2;
    } else if (ConsumeSuffix(rest, "‰")) {
      divisor_digits = 3;
    } else if (ConsumeSuffix(rest, "‱")) {
      divisor_digits = 4;
    }
    number = std::string(Trim(rest));
  }
  if (!number.empty() && number[0] == '-') {
    return Fail("rate " + quoted + " is negative", std::string(field));
  }
  auto scaled = ParseScaledDecimal(number, Rate::kScaleDigits - divisor_digits, "rate");
  if (!scaled) {
    return Fail("rate " + quoted + " is not a rate like 6.5%, 0.05%/day or 万分之五 (" +
                    scaled.error().message + ")",
                std::string(field));
  }
  return Rate(*scaled, period.value_or(default_period));
}

std::string FormatRate(Rate rate) {
  std::string text = FormatScaledDecimalTrimmed(rate.billionths(), Rate::kScaleDigits - 2) + "%";
  switch (rate.period()) {
    case RatePeriod::kAnnual:
    case RatePeriod::kFlat:
      return text;
    case RatePeriod::kMonthly:
      return text + "/month";
    case RatePeriod::kDaily:
      return text + "/day";
  }
  return text;
}

namespace {
// Days in one period: a year is days_per_year, a month a twelfth of it.
Ratio DaysIn(RatePeriod period, int days_per_year) {
  switch (period) {
    case RatePeriod::kAnnual: return Ratio::Of(days_per_year, 1);
    case RatePeriod::kMonthly: return Ratio::Of(days_per_year, 12);
    case RatePeriod::kDaily: return Ratio::Of(1, 1);
    case RatePeriod::kFlat: break;
  }
  throw std::invalid_argument("a flat rate has no period to convert");
}
}  // namespace

Rate ConvertRate(Rate rate, RatePeriod target, int days_per_year) {
  if (rate.period() == target) return rate;
  const Ratio from = DaysIn(rate.period(), days_per_year);
  const Ratio to = DaysIn(target, days_per_year);
  // rate per `from` days -> rate per `to` days: × to / from.
  const Int128 numerator = CheckedMultiply(CheckedMultiply(rate.billionths(), to.numerator), from.denominator);
  const Int128 denominator = CheckedMultiply(to.denominator, from.numerator);
  return Rate(DivideRounded(numerator, denominator, RoundingMode::kHalfEven), target);
}

Rate RaiseRate(Rate rate, Rate uplift) {
  if (uplift.period() != RatePeriod::kFlat) {
    throw std::invalid_argument("a rate uplift is a flat share, not a rate per period");
  }
  const Int128 numerator = CheckedMultiply(rate.billionths(), Rate::kScale + uplift.billionths());
  return Rate(DivideRounded(numerator, Rate::kScale, RoundingMode::kHalfEven), rate.period());
}

Money ApplyRate(Money base, Rate rate, Ratio periods, RoundingMode mode) {
  const Int128 numerator = CheckedMultiply(rate.billionths(), periods.numerator);
  const Int128 denominator = CheckedMultiply(Rate::kScale, periods.denominator);
  return base.MultiplyRatio(numerator, denominator, mode);
}

}  // namespace arrears
