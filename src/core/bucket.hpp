// Delinquency buckets (账龄): bands of days past due. The default is the
// industry's M-scale: M0 current, M1 1-30, M2 31-60, M3 61-90, M4 91-120,
// M5 121-150, M6 151-180, M6+ over 180 days.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace arrears {

class BucketScheme {
 public:
  // The M0..M6+ scale above.
  static BucketScheme Default();

  // Upper edges (inclusive), strictly increasing from 0, and one more name
  // than edges: the last bucket is open-ended. {0,30,60} with {M0,M1,M2,M2+}.
  static Result<BucketScheme> Create(std::vector<int> upper_edges, std::vector<std::string> names);
  // "0,30,60,90,120,150,180": edges only, named M0.. and the last "M<n>+".
  static Result<BucketScheme> Parse(std::string_view edges);

  std::size_t IndexOf(int dpd) const;  // 0 for dpd <= 0
  std::string_view NameOf(int dpd) const { return names_[IndexOf(dpd)]; }
  std::size_t size() const { return names_.size(); }
  std::string_view name(std::size_t index) const { return names_[index]; }
  const std::vector<int>& upper_edges() const { return upper_edges_; }

 private:
  BucketScheme() = default;
  std::vector<int> upper_edges_;
  std::vector<std::string> names_;
};

}  // namespace arrears
