// The statistics behind the managers' measures (docs/measures.md): a ratio of
// sums with its sampling variance, the confidence interval of the difference
// between two such ratios (champion against challenger), and the collector
// scorecard that weighs results against quality. Amounts come in as integer
// minor units; only these estimates are floating point, and money never is.
#pragma once

#include <cstdint>
#include <optional>

namespace arrears {

// Per case: x what was placed, y what was collected. The recovery rate of a
// group is the ratio of sums R = Σy / Σx, and its variance is estimated by the
// delta method: Var(R) ≈ Σ(y − R·x)² / (n·(n − 1)·x̄²).
class RatioSample {
 public:
  void Add(std::int64_t x, std::int64_t y);
  std::int64_t n() const { return n_; }
  std::int64_t sum_x() const { return sum_x_; }
  std::int64_t sum_y() const { return sum_y_; }
  std::optional<double> Ratio() const;     // none when Σx is 0
  std::optional<double> Variance() const;  // none with fewer than two cases or Σx = 0

 private:
  std::int64_t n_ = 0;
  std::int64_t sum_x_ = 0;
  std::int64_t sum_y_ = 0;
  long double sum_xx_ = 0;
  long double sum_yy_ = 0;
  long double sum_xy_ = 0;
};

struct Interval {
  double estimate = 0;
  double low = 0;
  double high = 0;
};

// The challenger's ratio minus the champion's, with its two-sided 95% interval
// (normal approximation, the two samples independent). None when either side
// has no variance estimate.
std::optional<Interval> DifferenceOfRatios(const RatioSample& champion, const RatioSample& challenger);

// A collector's score out of 100, in thousandths: 50 points for results (the
// recovery rate relative to the best collector's in the same report), 25 for
// promises kept (kept ÷ due; the full 25 when none fell due), 25 for quality:
// 25 × max(0, 1 − 10 × (compliance hits + 3 × complaints) ÷ attempts), so one
// hit in ten attempts, or one complaint in thirty, takes all 25.
struct ScoreInputs {
  std::optional<double> recovery_rate;  // none: nothing placed with the collector
  double best_recovery_rate = 0;        // the highest in the report
  std::int64_t promises_due = 0;
  std::int64_t kept = 0;
  std::int64_t attempts = 0;
  std::int64_t compliance_hits = 0;
  std::int64_t complaints = 0;
};
std::int64_t ScoreThousandths(const ScoreInputs& inputs);

}  // namespace arrears
