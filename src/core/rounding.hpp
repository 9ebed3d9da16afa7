// Rounding of exact quotients to integers: the one place where a fraction of a
// minor unit is given up (STYLE.md rule 6: round once, at a named point, with a
// named mode).
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace arrears {

__extension__ typedef __int128 Int128;
__extension__ typedef unsigned __int128 UInt128;

enum class RoundingMode {
  kHalfEven,  // "banker's rounding": ties to the even neighbour; the default
  kHalfUp,    // "commercial rounding" (四舍五入): ties away from zero
  kDown,      // truncation toward zero (舍去)
};

std::string_view RoundingModeName(RoundingMode mode);  // "half-even", "half-up", "down"
std::optional<RoundingMode> ParseRoundingMode(std::string_view name);

// numerator / denominator rounded with `mode`. Precondition: denominator != 0.
// Throws std::overflow_error when the result does not fit in int64.
std::int64_t DivideRounded(Int128 numerator, Int128 denominator, RoundingMode mode);

// The same on 128 bits, for intermediate quotients.
Int128 DivideRounded128(Int128 numerator, Int128 denominator, RoundingMode mode);

// a * b, throwing std::overflow_error instead of wrapping.
Int128 CheckedMultiply(Int128 a, Int128 b);
std::int64_t CheckedAdd(std::int64_t a, std::int64_t b);
std::int64_t CheckedSubtract(std::int64_t a, std::int64_t b);
std::int64_t CheckedMultiply64(std::int64_t a, std::int64_t b);
std::int64_t NarrowToInt64(Int128 value);

}  // namespace arrears
