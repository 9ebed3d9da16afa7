// What a contact attempt came to (结果代码): the outcome codes collectors
// choose from, and what each means for counting conversations and for the
// case (a promise, a dispute, a wrong number...).
#pragma once

#include <optional>
#include <string_view>
#include <vector>

namespace arrears {

enum class ContactOutcome {
  kNoAnswer,
  kBusy,
  kNotInService,
  kVoicemail,
  kWrongNumber,
  kRightPartyContact,  // spoke with the debtor, identity verified
  kThirdParty,         // someone else answered
  kRefused,            // the debtor refused to pay or to talk
  kPromise,            // a promise to pay was made
  kDispute,            // the debtor disputes the debt
  kHardship,           // the debtor reported hardship
  kCallbackRequested,
  kPaidAlready,
  kDeceased,           // reported deceased
  kDelivered,          // SMS, email or letter handed over
  kNotDelivered,       // bounced, returned
  kVisitedMet,         // field visit: met the debtor
  kVisitedNotMet,      // field visit: nobody met
};

std::string_view ContactOutcomeName(ContactOutcome outcome);  // "no_answer", "right_party_contact", ...
std::optional<ContactOutcome> ParseContactOutcome(std::string_view name);

// A conversation with the debtor (counts toward daily conversation limits).
bool IsDebtorConversation(ContactOutcome outcome);
// A call that reached someone or something (voicemail included).
bool IsConnected(ContactOutcome outcome);
// An attempt that reached a person: the debtor, or someone else who answered (the contact rate's numerator).
bool ReachedAPerson(ContactOutcome outcome);
// Every outcome, in declaration order.
std::vector<ContactOutcome> AllContactOutcomes();

// Why the account fell behind (逾期原因).
enum class DelinquencyReason { kJobLoss, kIllness, kBusinessFailure, kForgot, kDispute, kFraud, kUnwilling, kOther };
std::string_view DelinquencyReasonName(DelinquencyReason reason);
std::optional<DelinquencyReason> ParseDelinquencyReason(std::string_view name);

}  // namespace arrears
