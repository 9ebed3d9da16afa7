#include "core/authority.hpp"

namespace arrears {

std::vector<std::string> BeyondAuthority(const ArrangementTerms& terms, const AuthorityLimit& limit) {
  std::vector<std::string> beyond;
  if (terms.kind == ArrangementKind::kInstallment && terms.periods > limit.max_periods) {
    beyond.push_back(std::to_string(terms.periods) + " installments, authority allows " +
                     std::to_string(limit.max_periods));
  }
  if (terms.kind == ArrangementKind::kDeferral && terms.deferral_days > limit.max_deferral_days) {
    beyond.push_back("a deferral of " + std::to_string(terms.deferral_days) + " days, authority allows " +
                     std::to_string(limit.max_deferral_days));
  }
  for (Component component : kAllComponents) {
    const auto index = static_cast<std::size_t>(component);
    if (terms.waiver_ppm[index] > limit.max_waiver_ppm[index]) {
      beyond.push_back("a waiver of " + FormatShare(terms.waiver_ppm[index]) + " of " +
                       std::string(ComponentName(component)) + ", authority allows " +
                       FormatShare(limit.max_waiver_ppm[index]));
    }
  }
  return beyond;
}

}  // namespace arrears
