// The rule kinds' checks, used by the engine. Internal to policy.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "policy/decision.hpp"
#include "policy/local_time.hpp"
#include "policy/rule_pack.hpp"

namespace arrears::policy::detail {

// A history event with its local day (in zones[0]), computed once per decision.
struct Entry {
  const HistoryEvent* event;
  std::int64_t day;
};

struct RuleContext {
  const Rule& rule;
  const Attempt& attempt;
  const std::vector<Entry>& history;  // the person's events before the attempt, in time order
  const std::vector<ZoneClock>& zones;  // the attempt's candidate zones; zones[0] counts days
  Language language;
  std::int64_t today;  // the attempt's local day in zones[0]
};

// One rule's finding, before the engine adds the pack's hours to allowed_from.
struct Finding {
  std::string message;
  std::optional<Instant> allowed_from;
  bool reminder = false;  // at most a warning, whatever the rule's severity
};

// Fills the rule's message template: {name} -> value.
std::string Message(const RuleContext& context, const std::map<std::string, std::string>& values);

// Returns a finding when the rule objects to the attempt.
std::optional<Finding> CheckTime(const RuleContext& context);       // contact_hours, designated_inconvenient
std::optional<Finding> CheckFrequency(const RuleContext& context);  // daily limits, 7-in-7, after conversation
std::optional<Finding> CheckHolds(const RuleContext& context);      // cease, opt-outs, disputes, flags, parties
std::optional<Finding> CheckLanguage(const RuleContext& context);   // prohibited phrases, opt-out notice

// The first instant at or after `at` inside [start, end) local minutes in every zone, if any within 14 days.
std::optional<Instant> NextInsideHours(Instant at, const std::vector<ZoneClock>& zones, int start, int end);

bool SharesDebt(const std::vector<std::string>& a, const std::vector<std::string>& b);
std::string Ordinal(int n, Language language);

}  // namespace arrears::policy::detail
