#include "core/case_hold.hpp"

#include <array>

namespace arrears {

namespace {
constexpr std::array<std::string_view, 9> kNames = {"dispute",    "cease_contact", "complaint",
                                                    "hardship",   "vulnerable",    "deceased",
                                                    "bankruptcy", "litigation",    "plan_in_force"};
}

std::string_view HoldKindName(HoldKind kind) { return kNames[static_cast<std::size_t>(kind)]; }

std::optional<HoldKind> ParseHoldKind(std::string_view name) {
  for (std::size_t i = 0; i < kNames.size(); ++i) {
    if (kNames[i] == name) return static_cast<HoldKind>(i);
  }
  return std::nullopt;
}

bool StopsContact(HoldKind kind) {
  return kind == HoldKind::kCeaseContact || kind == HoldKind::kDeceased || kind == HoldKind::kBankruptcy;
}

}  // namespace arrears
