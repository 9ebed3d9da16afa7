#include "core/measures.hpp"

#include <algorithm>
#include <cmath>

namespace arrears {

namespace {
constexpr double kZ95 = 1.959963984540054;  // the standard normal's 97.5th percentile
}

void RatioSample::Add(std::int64_t x, std::int64_t y) {
  ++n_;
  sum_x_ += x;
  sum_y_ += y;
  const auto lx = static_cast<long double>(x);
  const auto ly = static_cast<long double>(y);
  sum_xx_ += lx * lx;
  sum_yy_ += ly * ly;
  sum_xy_ += lx * ly;
}

std::optional<double> RatioSample::Ratio() const {
  if (sum_x_ == 0) return std::nullopt;
  return static_cast<double>(sum_y_) / static_cast<double>(sum_x_);
}

std::optional<double> RatioSample::Variance() const {
  if (n_ < 2 || sum_x_ == 0) return std::nullopt;
  const long double r = static_cast<long double>(sum_y_) / static_cast<long double>(sum_x_);
  // Σ(y − R·x)² expanded, so that one pass over the cases suffices.
  const long double residual = std::max<long double>(0, sum_yy_ - 2 * r * sum_xy_ + r * r * sum_xx_);
  const long double n = static_cast<long double>(n_);
  const long double mean_x = static_cast<long double>(sum_x_) / n;
  return static_cast<double>(residual / (n * (n - 1) * mean_x * mean_x));
}

std::optional<Interval> DifferenceOfRatios(const RatioSample& champion, const RatioSample& challenger) {
  const auto v1 = champion.Variance();
  const auto v2 = challenger.Variance();
  if (!v1 || !v2) return std::nullopt;
  const double difference = *challenger.Ratio() - *champion.Ratio();
  const double half = kZ95 * std::sqrt(*v1 + *v2);
  return Interval{difference, difference - half, difference + half};
}

std::int64_t ScoreThousandths(const ScoreInputs& in) {
  const double results =
      in.recovery_rate && in.best_recovery_rate > 0 ? std::clamp(*in.recovery_rate / in.best_recovery_rate, 0.0, 1.0)
                                                    : 0.0;
  const double kept = in.promises_due > 0 ? static_cast<double>(in.kept) / static_cast<double>(in.promises_due) : 1.0;
  const double faults = static_cast<double>(in.compliance_hits + 3 * in.complaints);
  const double quality =
      faults == 0 ? 1.0 : std::max(0.0, 1.0 - 10.0 * faults / static_cast<double>(std::max<std::int64_t>(in.attempts, 1)));
  return std::llround(1000.0 * (50.0 * results + 25.0 * kept + 25.0 * quality));
}

}  // namespace arrears
