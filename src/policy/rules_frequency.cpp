// Call frequency: the Chinese daily limits and Regulation F's 7-in-7 and
// post-conversation presumptions (12 CFR 1006.14(b)(2)).
#include <algorithm>
#include <array>

#include "policy/rules.hpp"

namespace arrears::policy::detail {

namespace {

bool IsCall(const HistoryEvent& e) { return e.type == EventType::kContact && e.channel == Channel::kCall && !e.inbound; }

bool Concerns(const HistoryEvent& e, const std::string& debt) {
  return std::find(e.debts.begin(), e.debts.end(), debt) != e.debts.end();
}

// cn: at most N telephone conversations with the person a local day, whoever called.
std::optional<Finding> DailyConversations(const RuleContext& c) {
  int count = 0;
  for (const auto& [e, day] : c.history) {
    if (day == c.today && IsCall(*e) && e->outcome && IsConversation(*e->outcome)) ++count;
  }
  const int limit = c.rule.number;
  if (count < limit) return std::nullopt;
  return Finding{Message(c, {{"count", std::to_string(count)},
                             {"limit", std::to_string(limit)},
                             {"ordinal", Ordinal(count + 1, c.language)}}),
                 c.zones.front().At(c.today + 1, 0)};
}

// cn: at most N unanswered attempts a local day to one number.
std::optional<Finding> DailyUnanswered(const RuleContext& c) {
  int count = 0;
  for (const auto& [e, day] : c.history) {
    if (day == c.today && IsCall(*e) && e->number == c.attempt.number && e->outcome && !IsConversation(*e->outcome)) {
      ++count;
    }
  }
  const int limit = c.rule.number;
  if (count < limit) return std::nullopt;
  return Finding{Message(c, {{"count", std::to_string(count)}, {"limit", std::to_string(limit)}}),
                 c.zones.front().At(c.today + 1, 0)};
}

// The local day of the latest direct consent to calls about `debt`, if any.
std::optional<std::int64_t> ConsentDay(const RuleContext& c, const std::string& debt) {
  std::optional<std::int64_t> consent;
  for (const auto& [e, day] : c.history) {
    if (e->type == EventType::kConsent && e->direct && (e->debts.empty() || Concerns(*e, debt))) consent = day;
  }
  return consent;
}

// A call on `day` made with direct consent given within the 7 days before counts for nothing.
bool Consented(std::optional<std::int64_t> consent, std::int64_t day) {
  return consent && day >= *consent && day - *consent <= 6;
}

// us: more than N calls within 7 consecutive local days, per collector x person x debt.
std::optional<Finding> CallsInSevenDays(const RuleContext& c) {
  const int limit = c.rule.number;
  std::optional<Finding> worst;
  for (const std::string& debt : c.attempt.debts) {
    const auto consent = ConsentDay(c, debt);
    if (Consented(consent, c.today)) continue;
    // calls[k]: calls on day today - k, k = 0..6.
    std::array<int, 7> calls{};
    for (const auto& [e, day] : c.history) {
      const std::int64_t age = c.today - day;
      if (age < 0 || age > 6 || !IsCall(*e) || e->collector != c.attempt.collector || !Concerns(*e, debt)) continue;
      if ((e->outcome && !Connected(*e->outcome)) || Consented(consent, day)) continue;
      ++calls[static_cast<std::size_t>(age)];
    }
    int count = 0;
    for (int n : calls) count += n;
    if (count < limit) continue;
    // The window moves a day at a time; the oldest day falls out first.
    int shift = 1;
    for (int in_window = count - calls[6]; in_window >= limit && shift < 7; ++shift) {
      in_window -= calls[static_cast<std::size_t>(6 - shift)];
    }
    const Instant from = c.zones.front().At(c.today + shift, 0);
    if (!worst || *worst->allowed_from < from) {
      worst = Finding{Message(c, {{"count", std::to_string(count)}, {"limit", std::to_string(limit)}, {"debt", debt}}),
                      from};
    }
  }
  return worst;
}

// us: no call within 7 days after a telephone conversation about the debt (conversation day = day 1).
std::optional<Finding> AfterConversation(const RuleContext& c) {
  const int days = c.rule.number;
  std::optional<Finding> worst;
  for (const std::string& debt : c.attempt.debts) {
    const auto consent = ConsentDay(c, debt);
    if (Consented(consent, c.today)) continue;
    std::optional<std::int64_t> last_conversation;
    for (const auto& [e, day] : c.history) {
      if (e->type == EventType::kContact && e->channel == Channel::kCall && e->collector == c.attempt.collector &&
          e->outcome && IsConversation(*e->outcome) && Concerns(*e, debt)) {
        last_conversation = day;
      }
    }
    if (!last_conversation || c.today - *last_conversation >= days) continue;
    const Instant from = c.zones.front().At(*last_conversation + days, 0);
    if (!worst || *worst->allowed_from < from) {
      worst = Finding{Message(c, {{"debt", debt}, {"conversation_day", Date::FromSerial(*last_conversation).ToString()}}),
                      from};
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
