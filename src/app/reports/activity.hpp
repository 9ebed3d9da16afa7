// The workers' activity counted over a period (contacts, promises, plans,
// disputes), filtered by collector, team and agency and summed by a key.
#pragma once

#include <functional>
#include <future>
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

// The same, read on `side` on a thread of its own while the caller walks the
// spans on its store (the two reads overlap); with no side session, read on
// `store` when the result is asked for.
std::future<std::map<std::string, ActivityCounts>> ActivityLater(
    ReportStore& store, ReportStore* side, const ReportFilter& filter,
    std::function<std::string(const ActivityCounts&)> key);

}  // namespace arrears::app
