#include "cli/arguments.hpp"

#include "cli/usage_error.hpp"

namespace arrears::cli {

Currency CurrencyArg(const std::string& text, const std::string& argument) {
  auto currency = ParseCurrency(text);
  if (!currency) throw UsageError(argument + ": '" + text + "' is not a supported currency (CNY, USD, TWD, HKD, EUR, JPY)");
  return *currency;
}

Date DateArg(const std::string& text, const std::string& argument) {
  return Require(Date::Parse(text, argument), argument);
}

Money AmountArg(const std::string& text, Currency currency, const std::string& argument) {
  return Require(ParseAmount(text, currency, argument), argument);
}

Rate RateArg(const std::string& text, RatePeriod default_period, const std::string& argument) {
  return Require(ParseRate(text, default_period, argument), argument);
}

DayCountConvention DayCountArg(const std::string& text, const std::string& argument) {
  auto convention = ParseDayCountConvention(text);
  if (!convention) {
    throw UsageError(argument + ": '" + text + "' is not a day count convention (ACT/360, ACT/365F, 30/360US, 30E/360, ACT/ACT-ISDA)");
  }
  return *convention;
}

RoundingMode RoundingArg(const std::string& text, const std::string& argument) {
  auto mode = ParseRoundingMode(text);
  if (!mode) throw UsageError(argument + ": '" + text + "' is not a rounding mode (half-even, half-up, down)");
  return *mode;
}

std::pair<Date, Money> DatedAmountArg(const std::string& text, Currency currency, const std::string& argument) {
  const std::size_t colon = text.find(':');
  if (colon == std::string::npos) {
    throw UsageError(argument + ": '" + text + "' is not DATE:AMOUNT (e.g. 2026-03-30:1000.00)");
  }
  return {DateArg(text.substr(0, colon), argument), AmountArg(text.substr(colon + 1), currency, argument)};
}

std::vector<std::pair<std::string, std::string>> KeyValuesArg(const std::string& text) {
  std::vector<std::pair<std::string, std::string>> pairs;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t comma = text.find(',', pos);
    if (comma == std::string::npos) comma = text.size();
    const std::string item = text.substr(pos, comma - pos);
    const std::size_t equals = item.find('=');
    if (!item.empty()) {
      pairs.emplace_back(item.substr(0, equals), equals == std::string::npos ? "" : item.substr(equals + 1));
    }
    pos = comma + 1;
  }
  return pairs;
}

}  // namespace arrears::cli
