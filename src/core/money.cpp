#include "core/money.hpp"

#include "core/decimal.hpp"
#include "core/quote.hpp"

namespace arrears {

CurrencyMismatch::CurrencyMismatch(Currency a, Currency b)
    : std::logic_error("currency mismatch: " + std::string(CurrencyCode(a)) + " and " +
                       std::string(CurrencyCode(b))) {}

namespace {
void RequireSameCurrency(Money a, Money b) {
  if (a.currency() != b.currency()) throw CurrencyMismatch(a.currency(), b.currency());
}
}  // namespace

Money Money::operator+(Money other) const {
  RequireSameCurrency(*this, other);
  return Money(CheckedAdd(minor_, other.minor_), currency_);
}

Money Money::operator-(Money other) const {
  RequireSameCurrency(*this, other);
  return Money(CheckedSubtract(minor_, other.minor_), currency_);
}

Money Money::operator-() const { return Money(CheckedSubtract(0, minor_), currency_); }

Money& Money::operator+=(Money other) { return *this = *this + other; }
Money& Money::operator-=(Money other) { return *this = *this - other; }

Money Money::operator*(std::int64_t factor) const {
  return Money(CheckedMultiply64(minor_, factor), currency_);
}

Money Money::MultiplyRatio(Int128 numerator, Int128 denominator, RoundingMode mode) const {
  return Money(DivideRounded(CheckedMultiply(minor_, numerator), denominator, mode), currency_);
}

std::strong_ordering operator<=>(Money a, Money b) {
  RequireSameCurrency(a, b);
  return a.minor_units() <=> b.minor_units();
}

Money Min(Money a, Money b) { return a <= b ? a : b; }
Money Max(Money a, Money b) { return a >= b ? a : b; }

std::string FormatAmount(Money money) {
  return FormatScaledDecimal(money.minor_units(), MinorDigits(money.currency()));
}

std::string FormatGroupedAmount(Money money) {
  std::string plain = FormatAmount(money);
  const bool negative = !plain.empty() && plain[0] == '-';
  std::size_t end = plain.find('.');
  if (end == std::string::npos) end = plain.size();
  const std::size_t begin = negative ? 1 : 0;
  for (std::size_t pos = end; pos > begin + 3; pos -= 3) plain.insert(pos - 3, 1, ',');
  return plain;
}

std::string FormatMoney(Money money) {
  return FormatGroupedAmount(money) + " " + std::string(CurrencyCode(money.currency()));
}

Result<Money> ParseAmount(std::string_view text, Currency currency, std::string_view field) {
  const int digits = MinorDigits(currency);
  auto scaled = ParseScaledDecimal(text, digits, "amount");
  if (!scaled) {
    Error error = scaled.error();
    error.message += " (" + std::string(CurrencyCode(currency)) + " amounts have " + std::to_string(digits) + ")";
    error.field = std::string(field);
    return Fail(error);
  }
  return Money(*scaled, currency);
}

Result<Money> ParseMoney(std::string_view text, Currency default_currency, std::string_view field) {
  std::string_view amount = text;
  Currency currency = default_currency;
  const std::size_t space = text.find(' ');
  if (space != std::string_view::npos) {
    std::string_view left = text.substr(0, space);
    std::string_view right = text.substr(space + 1);
    if (auto c = ParseCurrency(right)) {
      currency = *c;
      amount = left;
    } else if (auto c2 = ParseCurrency(left)) {
      currency = *c2;
      amount = right;
    } else {
      return Fail(Quote(text) + " is not an amount with an ISO 4217 currency code",
                  std::string(field));
    }
  }
  return ParseAmount(amount, currency, field);
}

}  // namespace arrears
