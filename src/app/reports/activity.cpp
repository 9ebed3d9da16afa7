#include "app/reports/activity.hpp"

namespace arrears::app {

void AddCounts(ActivityCounts& a, const ActivityCounts& b) {
  a.attempts += b.attempts;
  a.reached += b.reached;
  a.right_party += b.right_party;
  a.compliance_hits += b.compliance_hits;
  a.promises += b.promises;
  a.promised += b.promised;
  a.promises_due += b.promises_due;
  a.kept += b.kept;
  a.partly_kept += b.partly_kept;
  a.broken += b.broken;
  a.plans_granted += b.plans_granted;
  a.plans_completed += b.plans_completed;
  a.plans_failed += b.plans_failed;
  a.waived += b.waived;
  a.disputes += b.disputes;
  a.complaints += b.complaints;
}

std::map<std::string, ActivityCounts> ActivityBy(ReportStore& store, const ReportFilter& filter,
                                                 const std::function<std::string(const ActivityCounts&)>& key) {
  std::map<std::string, ActivityCounts> out;
  for (const ActivityCounts& counts : store.Activity(filter.currency, filter.from, filter.to)) {
    if ((!filter.collector.empty() && counts.actor != filter.collector) ||
        (!filter.team.empty() && counts.team != filter.team) ||
        (!filter.agency.empty() && counts.agency != filter.agency)) {
      continue;
    }
    const std::string k = key(counts);
    auto [it, inserted] = out.try_emplace(k, counts);
    if (!inserted) AddCounts(it->second, counts);
  }
  return out;
}

std::future<std::map<std::string, ActivityCounts>> ActivityLater(
    ReportStore& store, ReportStore* side, const ReportFilter& filter,
    std::function<std::string(const ActivityCounts&)> key) {
  ReportStore& reader = side ? *side : store;
  return std::async(side ? std::launch::async : std::launch::deferred,
                    [&reader, filter, key = std::move(key)] { return ActivityBy(reader, filter, key); });
}

}  // namespace arrears::app
