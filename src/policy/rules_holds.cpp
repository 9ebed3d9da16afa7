// Holds and parties: cease requests, medium opt-outs, disputes, person flags,
// third parties and emergency contacts, phone-book contacts, field visits,
// and the notice before an agency placement.
#include <algorithm>

#include "policy/rules.hpp"

namespace arrears::policy::detail {

namespace {

bool Lower(std::string_view text, std::string_view term) {
  if (term.empty()) return false;
  auto it = std::search(text.begin(), text.end(), term.begin(), term.end(), [](char a, char b) {
    return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
  });
  return it != text.end();
}

// Whether an event about `event_debts` concerns the attempt (no debts: all of the person's debts).
bool ConcernsAttempt(const HistoryEvent& e, const Attempt& a) { return e.debts.empty() || SharesDebt(e.debts, a.debts); }

std::optional<Finding> Cease(const RuleContext& c) {
  for (const auto& [e, e_day] : c.history) {
    if (e->type == EventType::kCease && ConcernsAttempt(*e, c.attempt)) {
      // Reg F 1006.6(c)(2): a letter may still say that collection ends or that a remedy will be invoked.
      if (c.attempt.channel == Channel::kLetter && c.rule.Param("letters", "warn") == "warn") {
        return Finding{Message(c, {}), std::nullopt, true};
      }
      return Finding{Message(c, {}), std::nullopt};
    }
  }
  return std::nullopt;
}

std::optional<Finding> MediumOptOut(const RuleContext& c) {
  for (const auto& [e, e_day] : c.history) {
    if (e->type == EventType::kMediumOptOut && e->opted_out_channel == c.attempt.channel) {
      return Finding{Message(c, {{"channel", std::string(ChannelName(c.attempt.channel))}}), std::nullopt};
    }
  }
  return std::nullopt;
}

std::optional<Finding> DisputeHold(const RuleContext& c) {
  for (const auto& [e, e_day] : c.history) {
    if (e->type != EventType::kDispute || !ConcernsAttempt(*e, c.attempt)) continue;
    // Verification (a validation notice) sent after the dispute lifts the hold.
    const bool answered = std::any_of(c.history.begin(), c.history.end(), [&](const Entry& n) {
      return n.event->type == EventType::kNotice && n.event->name == "validation" && n.event->at > e->at &&
             SharesDebt(n.event->debts, e->debts);
    });
    if (!answered) {
      std::string debts;
      for (const std::string& d : e->debts) debts += (debts.empty() ? "" : ", ") + d;
      return Finding{Message(c, {{"debts", debts}}), std::nullopt};
    }
  }
  return std::nullopt;
}

std::optional<Finding> FlagHold(const RuleContext& c) {
  const auto it = c.rule.lists.find("flags");
  for (const auto& [e, e_day] : c.history) {
    if (e->type != EventType::kFlag || !ConcernsAttempt(*e, c.attempt)) continue;
    if (it != c.rule.lists.end() && std::find(it->second.begin(), it->second.end(), e->name) == it->second.end()) {
      continue;
    }
    if (e->until && *e->until <= c.attempt.at) continue;
    return Finding{Message(c, {{"flag", e->name}}), e->until};
  }
  return std::nullopt;
}

std::optional<Finding> ThirdParty(const RuleContext& c) {
  if (c.attempt.party != Party::kThirdParty && c.attempt.party != Party::kEmergencyContact) return std::nullopt;
  const auto terms = c.rule.lists.find("debt_terms");
  if (terms != c.rule.lists.end()) {
    for (const std::string& term : terms->second) {
      if (Lower(c.attempt.text, term)) return Finding{Message(c, {{"phrase", " «" + term + "»"}}), std::nullopt};
    }
  }
  // Without a mention of the debt the contact is allowed for location only: a reminder.
  return Finding{Message(c, {{"phrase", ""}}), std::nullopt, true};
}

std::optional<Finding> PhoneBook(const RuleContext& c) {
  if (c.attempt.source == "phonebook" || c.attempt.source == "phone_book") return Finding{Message(c, {}), std::nullopt};
  return std::nullopt;
}

std::optional<Finding> VisitCollectors(const RuleContext& c) {
  if (c.attempt.channel != Channel::kVisit) return std::nullopt;
  const int minimum = c.rule.number;
  const int present = c.attempt.collectors.value_or(1);
  if (present >= minimum) return std::nullopt;
  return Finding{Message(c, {{"collectors", std::to_string(present)}, {"minimum", std::to_string(minimum)}}),
                 std::nullopt};
}

std::optional<Finding> AgencyNotice(const RuleContext& c) {
  if (c.attempt.collector == kLender) return std::nullopt;
  const bool notified = std::any_of(c.history.begin(), c.history.end(), [&](const Entry& e) {
    return e.event->type == EventType::kNotice && e.event->name == "agency_placement" &&
           ConcernsAttempt(*e.event, c.attempt);
  });
  if (notified) return std::nullopt;
  return Finding{Message(c, {{"collector", c.attempt.collector}}), std::nullopt};
}

}  // namespace

std::optional<Finding> CheckHolds(const RuleContext& c) {
  switch (c.rule.kind) {
    case RuleKind::kCease: return Cease(c);
    case RuleKind::kMediumOptOut: return MediumOptOut(c);
    case RuleKind::kDisputeHold: return DisputeHold(c);
    case RuleKind::kFlagHold: return FlagHold(c);
    case RuleKind::kThirdParty: return ThirdParty(c);
    case RuleKind::kPhoneBook: return PhoneBook(c);
    case RuleKind::kVisitCollectors: return VisitCollectors(c);
    case RuleKind::kAgencyNotice: return AgencyNotice(c);
    default: return std::nullopt;
  }
}

}  // namespace arrears::policy::detail
