// The authority matrix (授权矩阵, DOMAIN.md §4): per role, product and
// bucket, the longest plan, the longest deferral and the largest waiver share
// per component an officer may grant alone. Beyond it, a supervisor approves.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "core/arrangement.hpp"
#include "core/component.hpp"

namespace arrears {

struct AuthorityLimit {
  int max_periods = 0;
  int max_deferral_days = 0;
  std::array<std::int64_t, kComponentCount> max_waiver_ppm{};  // by Component
};

// Each way the terms go beyond the limit, in words ("12 installments, authority
// allows 6"); empty when the officer may grant them.
std::vector<std::string> BeyondAuthority(const ArrangementTerms& terms, const AuthorityLimit& limit);

}  // namespace arrears
