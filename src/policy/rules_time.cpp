// Contact hours and designated inconvenient times.
#include <algorithm>
#include <cstdio>

#include "policy/rules.hpp"

namespace arrears::policy::detail {

std::optional<Instant> NextInsideHours(Instant at, const std::vector<ZoneClock>& zones, int start, int end) {
  Instant t = at;
  for (int round = 0; round < 32; ++round) {
    Instant latest = t;
    bool inside_everywhere = true;
    for (const ZoneClock& zone : zones) {
      const int minute = zone.Minute(t);
      if (minute >= start && minute < end) continue;
      inside_everywhere = false;
      const std::int64_t day = zone.Day(t);
      const Instant next = zone.At(minute < start ? day : day + 1, start);
      latest = std::max(latest, next);
    }
    if (inside_everywhere) return t;
    if (latest - at > std::chrono::days(14)) return std::nullopt;
    t = latest;
  }
  return std::nullopt;
}

namespace {

std::optional<Finding> ContactHours(const RuleContext& c) {
  const auto next = NextInsideHours(c.attempt.at, c.zones, c.rule.start_minute, c.rule.end_minute);
  if (next && *next == c.attempt.at) return std::nullopt;
  return Finding{Message(c, {{"start", c.rule.Param("start", "08:00")}, {"end", c.rule.Param("end", "21:00")}}),
                 next};
}

std::optional<Finding> DesignatedInconvenient(const RuleContext& c) {
  const ZoneClock& zone = c.zones.front();
  const int minute = zone.Minute(c.attempt.at);
  for (const auto& [event, event_day] : c.history) {
    if (event->type != EventType::kDesignatedInconvenient) continue;
    const bool inside = event->from_minute <= event->to_minute
                            ? minute >= event->from_minute && minute < event->to_minute
                            : minute >= event->from_minute || minute < event->to_minute;  // spans midnight
    if (!inside) continue;
    const std::int64_t day = c.today;
    const std::int64_t end_day = event->from_minute <= event->to_minute || minute < event->to_minute ? day : day + 1;
    char window[40];
    std::snprintf(window, sizeof window, "%02d:%02d-%02d:%02d", event->from_minute / 60, event->from_minute % 60,
                  event->to_minute / 60, event->to_minute % 60);
    return Finding{Message(c, {{"window", window}}), zone.At(end_day, event->to_minute)};
  }
  return std::nullopt;
}

}  // namespace

std::optional<Finding> CheckTime(const RuleContext& c) {
  switch (c.rule.kind) {
    case RuleKind::kContactHours: return ContactHours(c);
    case RuleKind::kDesignatedInconvenient: return DesignatedInconvenient(c);
    default: return std::nullopt;
  }
}

}  // namespace arrears::policy::detail
