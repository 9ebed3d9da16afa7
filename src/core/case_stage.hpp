// The stages of a collection case and the moves between them (DOMAIN.md §2):
// new → reminding → negotiating → arrangement → follow_up → escalated → legal
// → closed, with the ways back a real case takes (a broken plan returns to
// negotiation, a matter returns from legal, a closed case reopens as new).
#pragma once

#include <optional>
#include <string_view>

#include "core/result.hpp"

namespace arrears {

enum class CaseStage { kNew, kReminding, kNegotiating, kArrangement, kFollowUp, kEscalated, kLegal, kClosed };

std::string_view CaseStageName(CaseStage stage);  // "new", "reminding", ...
std::optional<CaseStage> ParseCaseStage(std::string_view name);

// Whether a case may move from `from` to `to`; the error says which moves are allowed.
Status CheckStageMove(CaseStage from, CaseStage to);

// Why a case is closed.
enum class CloseReason { kPaidInFull, kSettled, kWrittenOff, kRecalled, kDeceased, kBankrupt };
std::string_view CloseReasonName(CloseReason reason);  // "paid_in_full", ...
std::optional<CloseReason> ParseCloseReason(std::string_view name);

}  // namespace arrears
