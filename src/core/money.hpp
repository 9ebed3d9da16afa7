// Money: a signed 64-bit count of minor units (fen, cents) in one currency.
//
// Arithmetic is checked: overflow throws std::overflow_error and mixing
// currencies throws CurrencyMismatch; both are bugs in the caller, never
// outcomes to handle (STYLE.md rules 5 and 11). Values are immutable and cheap
// to copy. Thread-safe as any value type.
#pragma once

#include <compare>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

#include "core/currency.hpp"
#include "core/result.hpp"
#include "core/rounding.hpp"

namespace arrears {

class CurrencyMismatch : public std::logic_error {
 public:
  CurrencyMismatch(Currency a, Currency b);
};

class Money {
 public:
  constexpr Money() = default;  // 0.00 CNY
  constexpr Money(std::int64_t minor_units, Currency currency)
      : minor_(minor_units), currency_(currency) {}
  static constexpr Money Zero(Currency currency) { return Money(0, currency); }

  constexpr std::int64_t minor_units() const { return minor_; }
  constexpr Currency currency() const { return currency_; }
  constexpr bool IsZero() const { return minor_ == 0; }
  constexpr bool IsPositive() const { return minor_ > 0; }
  constexpr bool IsNegative() const { return minor_ < 0; }

  Money operator+(Money other) const;
  Money operator-(Money other) const;
  Money operator-() const;
  Money& operator+=(Money other);
  Money& operator-=(Money other);
  Money operator*(std::int64_t factor) const;

  // this × numerator / denominator, rounded once with `mode`. The product is
  // taken in 128 bits, so no precision is lost before the rounding.
  Money MultiplyRatio(Int128 numerator, Int128 denominator, RoundingMode mode) const;

  friend bool operator==(Money a, Money b) = default;
  // Ordering across currencies is a bug and throws CurrencyMismatch.
  friend std::strong_ordering operator<=>(Money a, Money b);

 private:
  std::int64_t minor_ = 0;
  Currency currency_ = Currency::kCNY;
};

Money Min(Money a, Money b);
Money Max(Money a, Money b);

// "2680.00": the amount with exactly the currency's minor digits, no grouping,
// no currency; the form used on the wire and in files.
std::string FormatAmount(Money money);
// "2,680.00": grouped thousands, no currency: an amount in a sentence that names its currency (messages, letters).
std::string FormatGroupedAmount(Money money);
// "2,680.00 CNY": grouped thousands, for people.
std::string FormatMoney(Money money);

// Strict parse of an amount in major units: "2680", "2680.5", "2680.50" are
// 268050 fen; "12.345" CNY, "1e3", "1,000" and "" are errors. `field` names the
// input in the error.
Result<Money> ParseAmount(std::string_view text, Currency currency, std::string_view field);

// Parses "2680.00 CNY" or "CNY 2680.00" or a bare amount in `default_currency`.
Result<Money> ParseMoney(std::string_view text, Currency default_currency, std::string_view field);

}  // namespace arrears
