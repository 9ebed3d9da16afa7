// Call frequency: the Chinese daily limits and Regulation F's 7-in-7 and
// post-conversation presumptions (12 CFR 1006.14(b)(2)).
#include <algorithm>
#include <map>

#include "policy/rules.hpp"

namespace arrears::policy::detail {

namespace {

bool IsCall(const HistoryEvent& e) { return e.type == EventType::kContact && e.channel == Channel::kCall && !e.inbound; }

// cn: at most N telephone conversations with the person a local day, whoever called.
std::optional<Finding> DailyConversations(const RuleContext& c) {
  Zone zone = c.zones.front();
  const std::int64_t today = LocalDay(c.attempt.at, zone);
  int count = 0;
  for (const HistoryEvent* e : c.history) {
    if (IsCall(*e) && e->outcome && IsConversation(*e->outcome) && LocalDay(e->at, zone) == today) ++count;
  }
  const int limit = c.rule.IntParam("limit", 2);
  if (count < limit) return std::nullopt;
  return Finding{Message(c, {{"count", std::to_string(count)},
                             {"limit", std::to_string(limit)},
                             {"ordinal", Ordinal(count + 1, c.language)}}),
                 AtLocal(today + 1, 0, zone)};
}

// cn: at most N unanswered attempts a local day to one number.
std::optional<Finding> DailyUnanswered(const RuleContext& c) {
  Zone zone = c.zones.front();
  const std::int64_t today = LocalDay(c.attempt.at, zone);
  int count = 0;
  for (const HistoryEvent* e : c.history) {
    if (IsCall(*e) && e->number == c.attempt.number && e->outcome && !IsConversation(*e->outcome) &&
        LocalDay(e->at, zone) == today) {
      ++count;
    }
  }
  const int limit = c.rule.IntParam("limit", 6);
  if (count < limit) return std::nullopt;
  return Finding{Message(c, {{"count", std::to_string(count)}, {"limit", std::to_string(limit)}}),
                 AtLocal(today + 1, 0, zone)};
}

// The local day of the latest direct consent to calls about `debt`, if any.
std::optional<std::int64_t> ConsentDay(const RuleContext& c, const std::string& debt, Instant before, Zone zone) {
  std::optional<std::int64_t> day;
  for (const HistoryEvent* e : c.history) {
    if (e->type == EventType::kConsent && e->direct && e->at <= before &&
        (e->debts.empty() || std::find(e->debts.begin(), e->debts.end(), debt) != e->debts.end())) {
      day = LocalDay(e->at, zone);
    }
  }
  return day;
}

// Whether a call on `day` is covered by a direct consent given on `consent` (within 7 days of it).
bool Consented(std::optional<std::int64_t> consent, std::int64_t day) { return consent && day >= *consent && day - *consent <= 6; }

bool Concerns(const HistoryEvent& e, const std::string& debt) {
  return std::find(e.debts.begin(), e.debts.end(), debt) != e.debts.end();
}

// us: more than N calls within 7 consecutive local days, per collector x person x debt.
std::optional<Finding> CallsInSevenDays(const RuleContext& c) {
  if (c.attempt.channel != Channel::kCall) return std::nullopt;
  Zone zone = c.zones.front();
  const std::int64_t today = LocalDay(c.attempt.at, zone);
  const int limit = c.rule.IntParam("limit", 7);
  std::optional<Finding> worst;
  for (const std::string& debt : c.attempt.debts) {
    const auto consent = ConsentDay(c, debt, c.attempt.at, zone);
    if (Consented(consent, today)) continue;
    std::map<std::int64_t, int> calls_by_day;
    for (const HistoryEvent* e : c.history) {
      if (!IsCall(*e) || e->collector != c.attempt.collector || !Concerns(*e, debt)) continue;
      if (e->outcome && !Connected(*e->outcome)) continue;
      const std::int64_t day = LocalDay(e->at, zone);
      if (day > today - 7 && !Consented(consent, day)) ++calls_by_day[day];
    }
    auto in_window = [&](std::int64_t last_day) {
      int count = 0;
      for (const auto& [day, calls] : calls_by_day) {
        if (day > last_day - 7 && day <= last_day) count += calls;
      }
      return count;
    };
    const int count = in_window(today);
    if (count < limit) continue;
    std::int64_t free_day = today + 1;
    while (in_window(free_day) >= limit) ++free_day;
    const Instant from = AtLocal(free_day, 0, zone);
    if (!worst || *worst->allowed_from < from) {
      worst = Finding{Message(c, {{"count", std::to_string(count)}, {"limit", std::to_string(limit)}, {"debt", debt}}),
                      from};
    }
  }
  return worst;
}

// us: no call within 7 days after a telephone conversation about the debt (conversation day = day 1).
std::optional<Finding> AfterConversation(const RuleContext& c) {
  if (c.attempt.channel != Channel::kCall) return std::nullopt;
  Zone zone = c.zones.front();
  const std::int64_t today = LocalDay(c.attempt.at, zone);
  const int days = c.rule.IntParam("days", 7);
  std::optional<Finding> worst;
  for (const std::string& debt : c.attempt.debts) {
    const auto consent = ConsentDay(c, debt, c.attempt.at, zone);
    if (Consented(consent, today)) continue;
    std::optional<std::int64_t> last_conversation;
    for (const HistoryEvent* e : c.history) {
      if (e->type == EventType::kContact && e->channel == Channel::kCall && e->collector == c.attempt.collector &&
          e->outcome && IsConversation(*e->outcome) && Concerns(*e, debt)) {
        last_conversation = LocalDay(e->at, zone);
      }
    }
    if (!last_conversation || today - *last_conversation >= days) continue;
    const Instant from = AtLocal(*last_conversation + days, 0, zone);
    if (!worst || *worst->allowed_from < from) {
      const std::int64_t serial = *last_conversation;
      worst = Finding{Message(c, {{"debt", debt}, {"conversation_day", Date::FromSerial(serial).ToString()}}), from};
    }
  }
  return worst;
}

}  // namespace

std::optional<Finding> CheckFrequency(const RuleContext& c) {
  if (c.attempt.channel != Channel::kCall) return std::nullopt;
  switch (c.rule.kind) {
    case RuleKind::kDailyConversations: return DailyConversations(c);
    case RuleKind::kDailyUnansweredAttempts: return DailyUnanswered(c);
    case RuleKind::kCallsInSevenDays: return CallsInSevenDays(c);
    case RuleKind::kAfterConversation: return AfterConversation(c);
    default: return std::nullopt;
  }
}

}  // namespace arrears::policy::detail
