#include "core/currency.hpp"

#include <array>

namespace arrears {

namespace {
constexpr std::array kAll = {Currency::kCNY, Currency::kUSD, Currency::kTWD,
                             Currency::kHKD, Currency::kEUR, Currency::kJPY};
}

std::string_view CurrencyCode(Currency currency) {
  switch (currency) {
    case Currency::kCNY: return "CNY";
    case Currency::kUSD: return "USD";
    case Currency::kTWD: return "TWD";
    case Currency::kHKD: return "HKD";
    case Currency::kEUR: return "EUR";
    case Currency::kJPY: return "JPY";
  }
  return "???";
}

int MinorDigits(Currency currency) {
  switch (currency) {
    case Currency::kCNY:
    case Currency::kUSD:
    case Currency::kTWD:
    case Currency::kHKD:
    case Currency::kEUR:
      return 2;
    case Currency::kJPY:
      return 0;
  }
  return 2;
}

std::optional<Currency> ParseCurrency(std::string_view code) {
  for (Currency currency : kAll) {
    if (CurrencyCode(currency) == code) return currency;
  }
  return std::nullopt;
}

}  // namespace arrears
