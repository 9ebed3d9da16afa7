#include "core/decimal.hpp"

#include "core/quote.hpp"

#include <stdexcept>

namespace arrears {

std::int64_t PowerOfTen(int exponent) {
  if (exponent < 0 || exponent > 18) throw std::out_of_range("power of ten out of range");
  std::int64_t result = 1;
  for (int i = 0; i < exponent; ++i) result *= 10;
  return result;
}

Result<std::int64_t> ParseScaledDecimal(std::string_view text, int scale, std::string_view what) {
  const std::string quoted = Quote(text);
  if (text.empty()) return Fail(std::string(what) + " is empty");
  std::size_t i = 0;
  bool negative = false;
  if (text[0] == '-' || text[0] == '+') {
    negative = text[0] == '-';
    i = 1;
  }
  Int128 value = 0;
  int integer_digits = 0;
  int fraction_digits = 0;
  bool seen_point = false;
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '.') {
      if (seen_point) return Fail(std::string(what) + " " + quoted + " has two decimal points");
      seen_point = true;
      continue;
    }
    if (c < '0' || c > '9') {
      return Fail(std::string(what) + " " + quoted + " is not a plain decimal number (character '" +
                  std::string(1, c) + "')");
    }
    if (seen_point) {
      ++fraction_digits;
      if (fraction_digits > scale) {
        if (c != '0') {
          return Fail(std::string(what) + " " + quoted + " has more than " + std::to_string(scale) +
                      " decimal places");
        }
        continue;
      }
    } else {
      ++integer_digits;
    }
    value = value * 10 + (c - '0');
    if (value > static_cast<Int128>(INT64_MAX)) {
      return Fail(std::string(what) + " " + quoted + " is too large");
    }
  }
  if (integer_digits == 0) {
    return Fail(std::string(what) + " " + quoted + " needs digits before the decimal point");
  }
  if (seen_point && fraction_digits == 0) {
    return Fail(std::string(what) + " " + quoted + " needs digits after the decimal point");
  }
  for (int k = std::min(fraction_digits, scale); k < scale; ++k) {
    value *= 10;
    if (value > static_cast<Int128>(INT64_MAX)) {
      return Fail(std::string(what) + " " + quoted + " is too large");
    }
  }
  return static_cast<std::int64_t>(negative ? -value : value);
}

namespace {

std::string DigitsOf(Int128 magnitude) {
  char buffer[40];
  char* end = buffer + sizeof buffer;
  char* digit = end;
  // 64-bit division once the magnitude fits: the common case, and far cheaper.
  while (magnitude > static_cast<Int128>(UINT64_MAX)) {
    *--digit = static_cast<char>('0' + static_cast<int>(magnitude % 10));
    magnitude /= 10;
  }
  auto small = static_cast<std::uint64_t>(magnitude);
  do {
    *--digit = static_cast<char>('0' + static_cast<int>(small % 10));
    small /= 10;
  } while (small > 0);
  return std::string(digit, end);
}

std::string FormatScaled128(Int128 value, int scale) {
  const bool negative = value < 0;
  const Int128 magnitude = negative ? -value : value;
  std::string digits = DigitsOf(magnitude);
  if (scale > 0) {
    if (static_cast<int>(digits.size()) <= scale) {
      digits.insert(0, static_cast<std::size_t>(scale + 1) - digits.size(), '0');
    }
    digits.insert(digits.size() - static_cast<std::size_t>(scale), 1, '.');
  }
  return negative ? "-" + digits : digits;
}

}  // namespace

std::string FormatScaledDecimal(std::int64_t value, int scale) {
  return FormatScaled128(value, scale);
}

std::string FormatScaledDecimalTrimmed(std::int64_t value, int scale) {
  std::string text = FormatScaled128(value, scale);
  if (text.find('.') == std::string::npos) return text;
  while (text.back() == '0') text.pop_back();
  if (text.back() == '.') text.pop_back();
  return text;
}

std::string FormatQuotient(Int128 numerator, Int128 denominator, int places, RoundingMode mode) {
  Int128 scale = 1;
  for (int i = 0; i < places; ++i) scale *= 10;
  const Int128 scaled = DivideRounded128(CheckedMultiply(numerator, scale), denominator, mode);
  return FormatScaled128(scaled, places);
}

}  // namespace arrears
