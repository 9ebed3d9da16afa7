#include "core/case_stage.hpp"

#include <array>
#include <string>

namespace arrears {

namespace {

constexpr std::array<std::string_view, 8> kStageNames = {"new",       "reminding", "negotiating", "arrangement",
                                                         "follow_up", "escalated", "legal",       "closed"};
constexpr std::array<std::string_view, 6> kCloseNames = {"paid_in_full", "settled",  "written_off",
                                                         "recalled",     "deceased", "bankrupt"};

using S = CaseStage;

// The moves each stage allows, besides closing (any open stage may close).
bool Allowed(CaseStage from, CaseStage to) {
  switch (from) {
    case S::kNew:  // a promise at the first contact goes straight to follow-up
      return to == S::kReminding || to == S::kNegotiating || to == S::kFollowUp || to == S::kEscalated;
    case S::kReminding: return to == S::kNegotiating || to == S::kFollowUp || to == S::kEscalated;
    case S::kNegotiating:
      return to == S::kReminding || to == S::kArrangement || to == S::kFollowUp || to == S::kEscalated;
    case S::kArrangement: return to == S::kFollowUp || to == S::kNegotiating || to == S::kEscalated;
    case S::kFollowUp:
      return to == S::kReminding || to == S::kNegotiating || to == S::kArrangement || to == S::kEscalated;
    case S::kEscalated:
      return to == S::kNegotiating || to == S::kArrangement || to == S::kFollowUp || to == S::kLegal;
    case S::kLegal: return to == S::kNegotiating || to == S::kArrangement;  // return from legal
    case S::kClosed: return to == S::kNew;                                   // reopened on new delinquency
  }
  return false;
}

}  // namespace

std::string_view CaseStageName(CaseStage stage) { return kStageNames[static_cast<std::size_t>(stage)]; }

std::optional<CaseStage> ParseCaseStage(std::string_view name) {
  for (std::size_t i = 0; i < kStageNames.size(); ++i) {
    if (kStageNames[i] == name) return static_cast<CaseStage>(i);
  }
  return std::nullopt;
}

Status CheckStageMove(CaseStage from, CaseStage to) {
  if (from == to) {
    return Fail(Error{ErrorCode::kConflict, "the case is already " + std::string(CaseStageName(to)), "stage"});
  }
  if ((to == S::kClosed && from != S::kClosed) || Allowed(from, to)) return Ok{};
  std::string allowed;
  for (std::size_t i = 0; i < kStageNames.size(); ++i) {
    const auto candidate = static_cast<CaseStage>(i);
    if (candidate != from && (Allowed(from, candidate) || (candidate == S::kClosed && from != S::kClosed))) {
      allowed += (allowed.empty() ? "" : ", ") + std::string(kStageNames[i]);
    }
  }
  return Fail(Error{ErrorCode::kConflict,
                    "a " + std::string(CaseStageName(from)) + " case cannot move to " + std::string(CaseStageName(to)) +
                        " (allowed: " + allowed + ")",
                    "stage"});
}

std::string_view CloseReasonName(CloseReason reason) { return kCloseNames[static_cast<std::size_t>(reason)]; }

std::optional<CloseReason> ParseCloseReason(std::string_view name) {
  for (std::size_t i = 0; i < kCloseNames.size(); ++i) {
    if (kCloseNames[i] == name) return static_cast<CloseReason>(i);
  }
  return std::nullopt;
}

}  // namespace arrears
