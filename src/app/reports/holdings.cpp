#include "app/reports/holdings.hpp"

#include <algorithm>

namespace arrears::app {

std::vector<Holding> Holdings(const CaseHistory& history, const ReportFilter& filter, const std::string& dimension) {
  std::vector<Holding> out;
  const Date period_end = DayAfter(filter.to);
  const bool empty_counts = dimension == "collector" || dimension == "team";
  const FactSpan* previous = nullptr;  // the last span that extended the open holding
  for (const FactSpan& span : history.spans) {
    const Date until = span.until.value_or(period_end);
    const bool in_period = span.from <= filter.to && until > filter.from;
    std::string group = DimensionOf(span, dimension);
    if (!in_period || !Matches(filter, span) || (group.empty() && !empty_counts)) {
      previous = nullptr;
      continue;
    }
    const bool extends = previous && !out.empty() && out.back().group == group && previous->until &&
                         *previous->until == span.from;
    if (!extends) {
      out.push_back({std::move(group), &span, std::max(span.from, filter.from), period_end, span.owed, 0});
    }
    out.back().until = std::min(until, period_end);
    previous = &span;
  }
  for (Holding& holding : out) holding.collected = history.Collected(holding.start, holding.until);
  return out;
}

}  // namespace arrears::app
