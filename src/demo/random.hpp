// A small, fast, portable pseudo-random generator for synthetic data:
// xoshiro256** seeded through splitmix64. The same seed gives the same
// portfolio on every machine and standard library (std::*_distribution is
// implementation-defined, so it is not used).
#pragma once

#include <cmath>
#include <cstdint>
#include <span>

namespace arrears::demo {

class Random {
 public:
  // Independent streams: (seed, stream) -> a generator, e.g. one per customer.
  Random(std::uint64_t seed, std::uint64_t stream);

  std::uint64_t Next();
  // Uniform in [0, bound). Precondition: bound > 0.
  std::uint64_t Below(std::uint64_t bound);
  // Uniform integer in [low, high].
  std::int64_t Between(std::int64_t low, std::int64_t high);
  double Uniform();  // [0, 1)
  bool Chance(double probability) { return Uniform() < probability; }
  double Normal();   // standard normal (Box-Muller)
  // exp(N(mu, sigma)): a lognormal draw around the median exp(mu).
  double LogNormal(double median, double sigma) { return median * std::exp(sigma * Normal()); }
  // An index drawn with the given weights (need not sum to 1).
  std::size_t Weighted(std::span<const double> weights);

  template <class T, std::size_t N>
  const T& Pick(const T (&items)[N]) {
    return items[Below(N)];
  }

 private:
  std::uint64_t state_[4];
};

}  // namespace arrears::demo
