// ISO 4217 currencies the system books in, with their minor-unit digits.
#pragma once

#include <optional>
#include <string_view>

namespace arrears {

enum class Currency {
  kCNY,  // Chinese yuan renminbi, 2 minor digits (fen)
  kUSD,  // US dollar, 2 (cents)
  kTWD,  // New Taiwan dollar, 2 per ISO 4217 (cash is whole dollars)
  kHKD,  // Hong Kong dollar, 2
  kEUR,  // euro, 2
  kJPY,  // Japanese yen, 0
};

std::string_view CurrencyCode(Currency currency);  // "CNY"
int MinorDigits(Currency currency);                // 2 for CNY
std::optional<Currency> ParseCurrency(std::string_view code);  // exact upper-case ISO code

}  // namespace arrears
