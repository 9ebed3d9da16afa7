#include "core/component.hpp"

namespace arrears {

std::string_view ComponentName(Component component) {
  switch (component) {
    case Component::kPrincipal: return "principal";
    case Component::kInterest: return "interest";
    case Component::kPenaltyInterest: return "penalty_interest";
    case Component::kCompoundInterest: return "compound_interest";
    case Component::kLateFee: return "late_fee";
    case Component::kInstallmentFee: return "installment_fee";
    case Component::kOtherFee: return "other_fee";
  }
  return "?";
}

std::string_view ComponentNameZh(Component component) {
  switch (component) {
    case Component::kPrincipal: return "本金";
    case Component::kInterest: return "利息";
    case Component::kPenaltyInterest: return "罚息";
    case Component::kCompoundInterest: return "复利";
    case Component::kLateFee: return "违约金";
    case Component::kInstallmentFee: return "分期手续费";
    case Component::kOtherFee: return "其他费用";
  }
  return "?";
}

std::optional<Component> ParseComponent(std::string_view name) {
  for (Component component : kAllComponents) {
    if (ComponentName(component) == name || ComponentNameZh(component) == name) return component;
  }
  if (name == "penalty") return Component::kPenaltyInterest;
  if (name == "compound") return Component::kCompoundInterest;
  if (name == "fee" || name == "fees") return Component::kOtherFee;
  return std::nullopt;
}

bool IsFee(Component component) {
  switch (component) {
    case Component::kLateFee:
    case Component::kInstallmentFee:
    case Component::kOtherFee:
      return true;
    case Component::kPrincipal:
    case Component::kInterest:
    case Component::kPenaltyInterest:
    case Component::kCompoundInterest:
      return false;
  }
  return false;
}

bool IsInterest(Component component) {
  switch (component) {
    case Component::kInterest:
    case Component::kPenaltyInterest:
    case Component::kCompoundInterest:
      return true;
    case Component::kPrincipal:
    case Component::kLateFee:
    case Component::kInstallmentFee:
    case Component::kOtherFee:
      return false;
  }
  return false;
}

}  // namespace arrears
