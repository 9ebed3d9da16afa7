// Compliance rule packs: data (YAML), versioned, with an effective date
// (config/rules/*.yaml, DOMAIN.md section 5). Each rule has an id, a kind
// that the engine implements, a severity, parameters, its source, and its
// description and message in zh and en. Parsing the text is not I/O; the
// caller reads the file.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/result.hpp"
#include "policy/contact.hpp"

namespace arrears::policy {

enum class RuleKind {
  kContactHours,            // contact only inside local hours, in every candidate zone
  kDesignatedInconvenient,  // honour times the person said are inconvenient
  kDailyConversations,      // at most N conversations a local day, all collectors together (cn)
  kDailyUnansweredAttempts, // at most N unanswered attempts a local day to one number (cn)
  kCallsInSevenDays,        // more than N calls in 7 days, per collector x person x debt (us)
  kAfterConversation,       // no call within 7 days after a conversation about the debt (us)
  kCease,                   // written request to cease communication
  kMediumOptOut,            // a channel the person opted out of
  kDisputeHold,             // collection holds while a debt is disputed
  kFlagHold,                // attorney, deceased, bankruptcy, plan in force ...
  kThirdParty,              // third parties and emergency contacts: location only, never the debt
  kPhoneBook,               // contacts harvested from the debtor's phone book
  kVisitCollectors,         // field visits with at least N collectors
  kAgencyNotice,            // an agency may contact only after the placement notice
  kOptOutNotice,            // every email and SMS carries an opt-out
  kLanguage,                // prohibited phrases
};

enum class Severity { kWarn, kBlock };

struct Text2 {
  std::string zh;
  std::string en;
};

struct Rule {
  std::string id;
  RuleKind kind = RuleKind::kContactHours;
  Severity severity = Severity::kBlock;
  std::string source;
  Text2 description;
  Text2 message;  // with {name} markers filled in by each decision
  std::map<std::string, std::string> params;
  std::map<std::string, std::vector<std::string>> lists;
  // Prohibited phrases by category (kLanguage).
  std::map<std::string, std::vector<std::string>> phrases;

  // Read once when the pack is parsed, for the decision's hot path:
  unsigned channel_mask = ~0U;  // bit per Channel; the `channels` list, all when absent
  int number = 0;               // the `limit`, `days` or `minimum` parameter
  int start_minute = 8 * 60;    // contact hours: `start` and `end`, local minutes
  int end_minute = 21 * 60;

  std::string Param(const std::string& key, const std::string& fallback) const;
  int IntParam(const std::string& key, int fallback) const;
  bool Applies(Channel channel) const { return (channel_mask >> static_cast<unsigned>(channel)) & 1U; }
};

struct RulePack {
  std::string name;
  int version = 1;
  Date effective_from;
  std::string jurisdiction;
  Text2 description;
  std::vector<Rule> rules;
};

// "contact_hours", ... as the packs spell it.
std::string_view RuleKindName(RuleKind kind);

// Errors name `source` and, where known, the line: "cn-default.yaml:42: ...".
Result<RulePack> ParseRulePack(std::string_view yaml_text, std::string_view source);

}  // namespace arrears::policy
