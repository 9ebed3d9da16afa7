// The words of a contact: channels, parties, call outcomes, history events
// and the attempted action that the compliance engine judges.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace arrears::policy {

using Instant = std::chrono::sys_seconds;

enum class Channel { kCall, kSms, kEmail, kLetter, kVisit };
enum class Party { kDebtor, kGuarantor, kEmergencyContact, kThirdParty };

enum class CallOutcome {
  kConversation,             // spoke with the person
  kAnsweredNoConversation,   // answered, no conversation with the person
  kVoicemail,
  kLimitedContentMessage,    // Reg F 1006.2(j)
  kNoAnswer,
  kBusy,                     // not connected
  kNotInService,             // not connected
  kWrongNumber,
};

enum class EventType {
  kContact,                  // a call, SMS, email, letter or visit (see channel)
  kConsent,                  // direct prior consent to calls (Reg F 1006.14(b)(4))
  kCease,                    // written request to cease communication
  kMediumOptOut,             // stop using one channel
  kDispute,                  // debts disputed
  kDesignatedInconvenient,   // local times the person said are inconvenient
  kFlag,                     // attorney, deceased, bankruptcy, hardship, plan_in_force, employer_prohibits
  kNotice,                   // agency_placement, bureau_negative, validation
};

std::optional<Channel> ParseChannel(std::string_view name);
std::string_view ChannelName(Channel channel);
std::optional<Party> ParseParty(std::string_view name);
std::optional<CallOutcome> ParseCallOutcome(std::string_view name);

// A call that never connected does not count toward the 7-in-7 limit.
bool Connected(CallOutcome outcome);
// Whether the call reached the person in conversation.
bool IsConversation(CallOutcome outcome);

inline constexpr std::string_view kLender = "lender";

struct HistoryEvent {
  EventType type = EventType::kContact;
  Instant at{};
  std::string person;
  std::vector<std::string> debts;
  std::string collector{kLender};
  // kContact
  Channel channel = Channel::kCall;
  Party party = Party::kDebtor;
  std::string number;
  std::optional<CallOutcome> outcome;
  bool inbound = false;
  // kConsent
  bool direct = false;
  // kMediumOptOut
  std::optional<Channel> opted_out_channel;
  // kDesignatedInconvenient: local minutes of the day [from, to)
  int from_minute = 0;
  int to_minute = 0;
  std::string place;
  // kFlag / kNotice
  std::string name;
  std::optional<Instant> until;
};

struct Attempt {
  Channel channel = Channel::kCall;
  Instant at{};
  std::string person;
  Party party = Party::kDebtor;
  std::vector<std::string> debts;
  std::string number;
  std::string address;
  std::string collector{kLender};
  std::vector<std::string> timezones;  // IANA names, the person's candidate zones; at least one
  std::optional<int> collectors;       // field visits
  std::string text;
  std::string source;                  // where the contact point came from
};

}  // namespace arrears::policy
