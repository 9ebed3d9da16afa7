#include "policy/engine.hpp"

#include <algorithm>

#include "policy/rules.hpp"

namespace arrears::policy {

std::string_view VerdictName(Verdict verdict) {
  switch (verdict) {
    case Verdict::kAllow: return "allow";
    case Verdict::kWarn: return "warn";
    case Verdict::kBlock: return "block";
  }
  return "?";
}

namespace detail {

std::vector<std::pair<std::string, std::string>> FindPhrases(const Rule& rule, std::string_view text);

bool SharesDebt(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  for (const std::string& debt : a) {
    if (std::find(b.begin(), b.end(), debt) != b.end()) return true;
  }
  return false;
}

std::string Ordinal(int n, Language language) {
  if (language == Language::kZh) return "第" + std::to_string(n);
  const int tens = n % 100;
  const char* suffix = (tens >= 11 && tens <= 13) ? "th" : n % 10 == 1 ? "st" : n % 10 == 2 ? "nd" : n % 10 == 3 ? "rd" : "th";
  return std::to_string(n) + suffix;
}

std::string Message(const RuleContext& c, const std::map<std::string, std::string>& values) {
  std::string text = c.language == Language::kZh ? c.rule.message.zh : c.rule.message.en;
  for (const auto& [key, value] : values) {
    const std::string marker = "{" + key + "}";
    for (std::size_t pos = text.find(marker); pos != std::string::npos; pos = text.find(marker, pos + value.size())) {
      text.replace(pos, marker.size(), value);
    }
  }
  return text;
}

}  // namespace detail

namespace {

// The pack's own contact hours, to move an allowed_from into a permitted window.
const Rule* HoursOf(const RulePack& pack) {
  for (const Rule& rule : pack.rules) {
    if (rule.kind == RuleKind::kContactHours) return &rule;
  }
  return nullptr;
}

std::optional<detail::Finding> Check(const detail::RuleContext& context) {
  switch (context.rule.kind) {
    case RuleKind::kContactHours:
    case RuleKind::kDesignatedInconvenient:
      return detail::CheckTime(context);
    case RuleKind::kDailyConversations:
    case RuleKind::kDailyUnansweredAttempts:
    case RuleKind::kCallsInSevenDays:
    case RuleKind::kAfterConversation:
      return detail::CheckFrequency(context);
    case RuleKind::kCease:
    case RuleKind::kMediumOptOut:
    case RuleKind::kDisputeHold:
    case RuleKind::kFlagHold:
    case RuleKind::kThirdParty:
    case RuleKind::kPhoneBook:
    case RuleKind::kVisitCollectors:
    case RuleKind::kAgencyNotice:
      return detail::CheckHolds(context);
    case RuleKind::kOptOutNotice:
    case RuleKind::kLanguage:
      return detail::CheckLanguage(context);
  }
  return std::nullopt;
}

}  // namespace

Result<Decision> Evaluate(std::span<const RulePack* const> packs, std::span<const HistoryEvent> history,
                          const Attempt& attempt, Language language) {
  if (attempt.timezones.empty()) return Fail("the attempt names no time zone of the person", "timezones");
  std::vector<ZoneClock> zones;
  zones.reserve(attempt.timezones.size());
  for (const std::string& name : attempt.timezones) {
    auto zone = FindZone(name);
    if (!zone) return Fail(zone.error());
    zones.emplace_back(*zone, attempt.at);
  }
  std::vector<detail::Entry> mine;
  mine.reserve(history.size());
  for (const HistoryEvent& event : history) {
    if (event.at <= attempt.at && event.person == attempt.person) mine.push_back({&event, 0});
  }
  const auto by_time = [](const detail::Entry& a, const detail::Entry& b) { return a.event->at < b.event->at; };
  if (!std::is_sorted(mine.begin(), mine.end(), by_time)) std::stable_sort(mine.begin(), mine.end(), by_time);
  for (detail::Entry& entry : mine) entry.day = zones.front().Day(entry.event->at);
  const std::int64_t today = zones.front().Day(attempt.at);
  const Date attempt_date = Date(std::chrono::floor<std::chrono::days>(attempt.at));

  Decision decision;
  for (const RulePack* pack : packs) {
    if (attempt_date < pack->effective_from) continue;
    const Rule* hours = HoursOf(*pack);
    for (const Rule& rule : pack->rules) {
      if (!rule.Applies(attempt.channel)) continue;
      const detail::RuleContext context{rule, attempt, mine, zones, language, today};
      std::optional<detail::Finding> finding = Check(context);
      if (!finding) continue;
      const Verdict verdict =
          rule.severity == Severity::kBlock && !finding->reminder ? Verdict::kBlock : Verdict::kWarn;
      if (finding->allowed_from && hours && rule.kind != RuleKind::kContactHours) {
        finding->allowed_from =
            detail::NextInsideHours(*finding->allowed_from, zones, hours->start_minute, hours->end_minute);
      }
      decision.reasons.push_back({rule.id, verdict, std::move(finding->message), finding->allowed_from});
      decision.verdict = std::max(decision.verdict, verdict);
    }
  }
  for (const Reason& reason : decision.reasons) {
    if (reason.verdict == Verdict::kBlock && reason.allowed_from &&
        (!decision.allowed_from || *decision.allowed_from < *reason.allowed_from)) {
      decision.allowed_from = reason.allowed_from;
    }
  }
  return decision;
}

std::vector<PhraseHit> ScreenText(std::span<const RulePack* const> packs, std::string_view text) {
  std::vector<PhraseHit> hits;
  for (const RulePack* pack : packs) {
    for (const Rule& rule : pack->rules) {
      if (rule.kind != RuleKind::kLanguage) continue;
      for (auto& [category, phrase] : detail::FindPhrases(rule, text)) hits.push_back({rule.id, category, phrase});
    }
  }
  return hits;
}

}  // namespace arrears::policy
