// Holdings: who held a case, and what came in while they held it. A holding
// is a run of a case's consecutive spans within the period that match the
// filter and share one value of a dimension (the collector, the agency, the
// strategy arm, the bucket ...). What was placed with it is the amount owed
// on its first span's first day; what it collected, the payments net of
// reversals with value dates from the day it took the case (or the period's
// first day) to the day it let go (or the period's last day).
#pragma once

#include <string>
#include <vector>

#include "app/reports/case_history.hpp"

namespace arrears::app {

struct Holding {
  std::string group;  // the dimension's value
  const FactSpan* first = nullptr;
  Date start;
  Date until;  // exclusive
  std::int64_t placed = 0;
  std::int64_t collected = 0;
};

// The case's holdings in [filter.from, filter.to]. Spans with no value of the
// dimension count only for collector and team (as unassigned, ""); for
// agency they are the lender's own work and are left out.
std::vector<Holding> Holdings(const CaseHistory& history, const ReportFilter& filter, const std::string& dimension);

}  // namespace arrears::app
