// Splitting an amount over parts by weights without losing or creating a fen.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "core/money.hpp"

namespace arrears {

// Splits `total` in proportion to `weights` by the largest-remainder (Hamilton)
// method: each part gets floor(total × w / Σw) minor units, then the units
// left over go one each to the parts with the largest remainders, ties to the
// earlier part. The parts always sum to `total` exactly, and each differs from
// its exact share by less than one minor unit.
// Preconditions: weights non-negative with a positive sum (else
// std::invalid_argument). A negative total is split as -(split of -total).
std::vector<Money> AllocateByWeights(Money total, std::span<const Int128> weights);
std::vector<Money> AllocateByWeights(Money total, std::span<const std::int64_t> weights);

}  // namespace arrears
