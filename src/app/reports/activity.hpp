// The workers' activity counted over a period (contacts, promises, plans,
// disputes), filtered by collector, team and agency and summed by a key.
#pragma once

#include <functional>
#include <map>
#include <string>

#include "app/ports/report_store.hpp"
#include "app/reports/report_filter.hpp"

namespace arrears::app {

// Adds b's counts to a's (the labels stay a's).
void AddCounts(ActivityCounts& a, const ActivityCounts& b);

// The period's activity within the filter's collector, team and agency, summed by `key`.
std::map<std::string, ActivityCounts> ActivityBy(ReportStore& store, const ReportFilter& filter,
                                                 const std::function<std::string(const ActivityCounts&)>& key);

}  // namespace arrears::app
