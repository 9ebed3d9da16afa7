#include "policy/contact.hpp"

#include <array>
#include <utility>

namespace arrears::policy {

namespace {
template <class T, std::size_t N>
std::optional<T> Lookup(const std::array<std::pair<std::string_view, T>, N>& table, std::string_view name) {
  for (const auto& [key, value] : table) {
    if (key == name) return value;
  }
  return std::nullopt;
}

constexpr std::array<std::pair<std::string_view, Channel>, 5> kChannels = {{
    {"call", Channel::kCall}, {"sms", Channel::kSms}, {"email", Channel::kEmail},
    {"letter", Channel::kLetter}, {"visit", Channel::kVisit}}};
}  // namespace

std::optional<Channel> ParseChannel(std::string_view name) { return Lookup(kChannels, name); }

std::string_view ChannelName(Channel channel) {
  for (const auto& [key, value] : kChannels) {
    if (value == channel) return key;
  }
  return "?";
}

std::optional<Party> ParseParty(std::string_view name) {
  static constexpr std::array<std::pair<std::string_view, Party>, 4> kParties = {{
      {"debtor", Party::kDebtor}, {"guarantor", Party::kGuarantor},
      {"emergency_contact", Party::kEmergencyContact}, {"third_party", Party::kThirdParty}}};
  return Lookup(kParties, name);
}

std::optional<CallOutcome> ParseCallOutcome(std::string_view name) {
  static constexpr std::array<std::pair<std::string_view, CallOutcome>, 8> kOutcomes = {{
      {"conversation", CallOutcome::kConversation},
      {"answered_no_conversation", CallOutcome::kAnsweredNoConversation},
      {"voicemail", CallOutcome::kVoicemail},
      {"limited_content_message", CallOutcome::kLimitedContentMessage},
      {"no_answer", CallOutcome::kNoAnswer},
      {"busy", CallOutcome::kBusy},
      {"not_in_service", CallOutcome::kNotInService},
      {"wrong_number", CallOutcome::kWrongNumber}}};
  return Lookup(kOutcomes, name);
}

bool Connected(CallOutcome outcome) {
  switch (outcome) {
    case CallOutcome::kBusy:
    case CallOutcome::kNotInService:
      return false;
    case CallOutcome::kConversation:
    case CallOutcome::kAnsweredNoConversation:
    case CallOutcome::kVoicemail:
    case CallOutcome::kLimitedContentMessage:
    case CallOutcome::kNoAnswer:
    case CallOutcome::kWrongNumber:
      return true;
  }
  return true;
}

bool IsConversation(CallOutcome outcome) { return outcome == CallOutcome::kConversation; }

}  // namespace arrears::policy
