// A case's history over a report's period, as the reports walk it: its spans
// of facts and its payments, one case at a time in case order, so that a
// million cases are read in one pass with memory for one case's spans (and
// the period's payments).
#pragma once

#include <functional>
#include <span>
#include <string>
#include <vector>

#include "app/ports/report_store.hpp"
#include "app/reports/report_filter.hpp"

namespace arrears::app {

struct CaseHistory {
  std::vector<FactSpan> spans;            // by start; contiguous until the case closed
  std::span<const PeriodPayment> payments;  // by value date

  // The span that holds on `day`; nullptr when the case was not in collection that day.
  const FactSpan* At(Date day) const;
  // Payments net of reversals with value dates in [from, until).
  std::int64_t Collected(Date from, Date until) const;
};

// Reads the spans holding on some day of [from, to] in the filter's currency
// (with the product and region when the filter or its grouping uses them)
// and the payments of the period, and calls `each` once per case.
void ForEachCase(ReportStore& store, const ReportFilter& filter, Date from, Date to,
                 const std::function<void(const CaseHistory&)>& each);

// Whether a span is within the filter's product, bucket, region, team,
// collector, agency and strategy.
bool Matches(const ReportFilter& filter, const FactSpan& span);

// A span's value of a dimension: bucket, product, region, team, collector,
// agency, strategy ("segment/arm") or segment. Empty for an unknown name.
std::string DimensionOf(const FactSpan& span, const std::string& dimension);

// A month of the period: its name (YYYY-MM), the last day of the month before,
// and its own last day (or the period's, in the month the period ends).
struct MonthEnd {
  std::string name;
  Date then;
  Date now;
};
std::vector<MonthEnd> MonthEnds(const ReportFilter& filter);

// The day after `day`: the exclusive end of a period ending on it.
inline Date DayAfter(Date day) { return day.AddDays(1); }

}  // namespace arrears::app
