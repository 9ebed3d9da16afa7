// The components an amount owed is made of. The order of the enumerators is
// the order in which statements print them, not a payment waterfall.
#pragma once

#include <array>
#include <optional>
#include <string_view>

namespace arrears {

enum class Component {
  kPrincipal,         // 本金
  kInterest,          // 利息: contractual interest
  kPenaltyInterest,   // 罚息: interest on overdue principal at the raised rate
  kCompoundInterest,  // 复利: interest on overdue interest
  kLateFee,           // 违约金 (formerly 滞纳金): card default charge
  kInstallmentFee,    // 分期手续费: flat fee per installment period
  kOtherFee,          // 其他费用: annual fee, cash advance fee, ...
};

inline constexpr std::array kAllComponents = {
    Component::kPrincipal,        Component::kInterest, Component::kPenaltyInterest,
    Component::kCompoundInterest, Component::kLateFee,  Component::kInstallmentFee,
    Component::kOtherFee,
};
inline constexpr std::size_t kComponentCount = kAllComponents.size();

std::string_view ComponentName(Component component);     // "penalty_interest"
std::string_view ComponentNameZh(Component component);   // "罚息"
std::optional<Component> ParseComponent(std::string_view name);  // accepts the names above

// Fees never bear interest (PBoC 2016 card rules; DOMAIN.md section 3).
bool IsFee(Component component);
// Interest-type components: interest, penalty interest, compound interest.
bool IsInterest(Component component);

}  // namespace arrears
