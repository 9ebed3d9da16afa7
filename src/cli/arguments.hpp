// Converting command-line text into domain values, each failure a UsageError
// that names the argument.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "core/calendar.hpp"
#include "core/currency.hpp"
#include "core/date.hpp"
#include "core/day_count.hpp"
#include "core/money.hpp"
#include "core/rate.hpp"
#include "core/rounding.hpp"
#include "cli/usage_error.hpp"

namespace arrears::cli {

Currency CurrencyArg(const std::string& text, const std::string& argument);
Date DateArg(const std::string& text, const std::string& argument);
Money AmountArg(const std::string& text, Currency currency, const std::string& argument);
Rate RateArg(const std::string& text, RatePeriod default_period, const std::string& argument);
DayCountConvention DayCountArg(const std::string& text, const std::string& argument);
RoundingMode RoundingArg(const std::string& text, const std::string& argument);

// "2026-03-30:1000.00" -> (date, amount).
std::pair<Date, Money> DatedAmountArg(const std::string& text, Currency currency, const std::string& argument);

// "a=1,b=x,flag" -> {{"a","1"},{"b","x"},{"flag",""}}.
std::vector<std::pair<std::string, std::string>> KeyValuesArg(const std::string& text);

}  // namespace arrears::cli
