// Holds that stop or limit collection on a case while they are in force.
// Each is also told to the compliance engine as the event its packs judge
// (a dispute, a cease request, a flag); some stop collection contact
// whatever the pack says.
#pragma once

#include <optional>
#include <string_view>

namespace arrears {

enum class HoldKind {
  kDispute,        // 异议
  kCeaseContact,   // 停止联系 (written request)
  kComplaint,      // 投诉
  kHardship,       // 困难客户
  kVulnerable,     // 特殊群体 (elderly, ill, ...)
  kDeceased,       // 身故
  kBankruptcy,     // 破产
  kLitigation,     // 诉讼中
  kPlanInForce,    // 个性化分期履约中
};

std::string_view HoldKindName(HoldKind kind);  // "dispute", "cease_contact", ...
std::optional<HoldKind> ParseHoldKind(std::string_view name);

// Holds under which no collector contacts the debtor at all.
bool StopsContact(HoldKind kind);

}  // namespace arrears
