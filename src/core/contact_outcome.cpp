#include "core/contact_outcome.hpp"

#include <array>

namespace arrears {

namespace {

constexpr std::array<std::string_view, 18> kOutcomes = {
    "no_answer", "busy",     "not_in_service",     "voicemail",    "wrong_number", "right_party_contact",
    "third_party", "refused", "promise",           "dispute",      "hardship",     "callback_requested",
    "paid_already", "deceased", "delivered",       "not_delivered", "visited_met", "visited_not_met"};
constexpr std::array<std::string_view, 8> kReasons = {"job_loss", "illness",  "business_failure", "forgot",
                                                      "dispute",  "fraud",    "unwilling",        "other"};

template <class Enum, std::size_t N>
std::optional<Enum> Find(const std::array<std::string_view, N>& names, std::string_view name) {
  for (std::size_t i = 0; i < N; ++i) {
    if (names[i] == name) return static_cast<Enum>(i);
  }
  return std::nullopt;
}

}  // namespace

std::string_view ContactOutcomeName(ContactOutcome outcome) { return kOutcomes[static_cast<std::size_t>(outcome)]; }
std::optional<ContactOutcome> ParseContactOutcome(std::string_view name) {
  return Find<ContactOutcome>(kOutcomes, name);
}

bool IsDebtorConversation(ContactOutcome outcome) {
  switch (outcome) {
    case ContactOutcome::kRightPartyContact:
    case ContactOutcome::kRefused:
    case ContactOutcome::kPromise:
    case ContactOutcome::kDispute:
    case ContactOutcome::kHardship:
    case ContactOutcome::kCallbackRequested:
    case ContactOutcome::kPaidAlready:
    case ContactOutcome::kVisitedMet:
      return true;
    default:
      return false;
  }
}

bool IsConnected(ContactOutcome outcome) {
  return outcome != ContactOutcome::kNoAnswer && outcome != ContactOutcome::kBusy &&
         outcome != ContactOutcome::kNotInService && outcome != ContactOutcome::kNotDelivered;
}

bool ReachedAPerson(ContactOutcome outcome) {
  return IsDebtorConversation(outcome) || outcome == ContactOutcome::kThirdParty ||
         outcome == ContactOutcome::kWrongNumber;
}

std::vector<ContactOutcome> AllContactOutcomes() {
  std::vector<ContactOutcome> all;
  for (std::size_t i = 0; i < kOutcomes.size(); ++i) all.push_back(static_cast<ContactOutcome>(i));
  return all;
}

std::string_view DelinquencyReasonName(DelinquencyReason reason) { return kReasons[static_cast<std::size_t>(reason)]; }
std::optional<DelinquencyReason> ParseDelinquencyReason(std::string_view name) {
  return Find<DelinquencyReason>(kReasons, name);
}

}  // namespace arrears
