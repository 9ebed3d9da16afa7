// Use cases of contact: log a call, SMS, email, letter or visit after the
// compliance engine has judged it (a blocked attempt is recorded as refused,
// never as made), verify the right party, keep contact points' status, and
// record why the debtor fell behind and what they can pay.
#pragma once

#include "app/workflow/workflow_context.hpp"
#include "core/arrangement.hpp"
#include "core/contact_outcome.hpp"
#include "policy/contact.hpp"

namespace arrears::app {

struct ContactRequest {
  std::string channel = "call";  // call, sms, email, letter, visit
  bool inbound = false;
  std::string party = "debtor";  // debtor, guarantor, emergency_contact, third_party
  std::optional<std::int64_t> contact_point_id;
  std::string outcome;  // a ContactOutcome name
  std::string notes;    // screened by the packs' language rules
  std::string message;  // the text sent (SMS, email, letter), screened too
  std::optional<std::string> verify_name;       // right-party verification: the name given ...
  std::optional<std::string> verify_id_digits;  // ... and the last digits of the id number
  std::optional<int> collectors;                // field visits
};

struct ContactLogged {
  std::int64_t attempt_id = 0;
  bool made = false;  // false: compliance refused it; nothing was sent or dialled
  std::string verdict;
  std::vector<std::string> reasons;
  std::optional<bool> right_party_verified;
  std::string allowed_from;  // a refusal that lifts by itself (outside the hours): when it does (UTC); else empty
};

Result<ContactLogged> LogContact(WorkflowContext& context, CaseId id, const ContactRequest& request);

// The same judgement without recording anything (a dialer or a screen asking
// "may I call now?"): `made` tells whether the contact would be allowed, the
// outcome is not needed. attempt_id stays 0.
Result<ContactLogged> CheckContact(WorkflowContext& context, CaseId id, const ContactRequest& request);

// A contact made, as the compliance engine counts it; nullopt for one not made
// (refused by compliance) or unreadable.
std::optional<policy::HistoryEvent> ContactEvent(const PastContact& past, const std::string& person);
// A hold in force as the compliance engine judges it (a dispute of the named
// account, a cease request, a flag); `fallback` when its time is unreadable.
policy::HistoryEvent HoldEvent(const Hold& hold, const std::string& person, const std::string& disputed_account,
                               std::chrono::sys_seconds fallback);

// Status: unverified, verified, invalid, wrong_party; `source` says who said so.
Status SetContactPointStatus(WorkflowContext& context, CaseId id, std::int64_t contact_point_id,
                             const std::string& status, const std::string& source);

// A new phone, email or address the debtor or a search gave the agent: stored
// sealed with its blind index and masked copy, its source named.
struct NewContactPoint {
  std::string kind;  // mobile, landline, email, address
  std::string value;
  std::string relation = "self";
  std::string source;  // debtor, collector, skip_trace, ...
};
Result<std::int64_t> AddContactPoint(WorkflowContext& context, CaseId id, const NewContactPoint& request);

struct SituationRequest {
  std::optional<DelinquencyReason> reason;
  std::optional<FinancialSituation> finances;
};
// Records why and what the debtor can pay; returns the monthly capacity when finances were given.
Result<std::optional<Money>> RecordSituation(WorkflowContext& context, CaseId id, const SituationRequest& request);

}  // namespace arrears::app
