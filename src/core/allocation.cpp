#include "core/allocation.hpp"

#include <algorithm>
#include <numeric>
#include <stdexcept>

namespace arrears {

std::vector<Money> AllocateByWeights(Money total, std::span<const Int128> weights) {
  Int128 weight_sum = 0;
  for (Int128 w : weights) {
    if (w < 0) throw std::invalid_argument("allocation weight is negative");
    weight_sum += w;
  }
  if (weight_sum <= 0) throw std::invalid_argument("allocation weights sum to zero");
  if (total.IsNegative()) {
    std::vector<Money> parts = AllocateByWeights(-total, weights);
    for (Money& part : parts) part = -part;
    return parts;
  }
  const Int128 amount = total.minor_units();
  std::vector<Money> parts;
  parts.reserve(weights.size());
  std::vector<Int128> remainders(weights.size());
  Int128 assigned = 0;
  for (std::size_t i = 0; i < weights.size(); ++i) {
    const Int128 product = CheckedMultiply(amount, weights[i]);
    const Int128 share = product / weight_sum;
    remainders[i] = product % weight_sum;
    assigned += share;
    parts.emplace_back(NarrowToInt64(share), total.currency());
  }
  std::vector<std::size_t> order(weights.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return remainders[a] > remainders[b]; });
  Int128 left_over = amount - assigned;  // < number of parts
  for (std::size_t k = 0; left_over > 0; ++k, --left_over) {
    parts[order[k]] += Money(1, total.currency());
  }
  return parts;
}

std::vector<Money> AllocateByWeights(Money total, std::span<const std::int64_t> weights) {
  std::vector<Int128> wide(weights.begin(), weights.end());
  return AllocateByWeights(total, std::span<const Int128>(wide));
}

}  // namespace arrears
