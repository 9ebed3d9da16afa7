// Waivers (减免): what the plans that came into force in the period waived,
// by who approved them (the supervisor, or the collector within their own
// authority) and by component (penalty interest, fees, interest, principal).
#include <map>

#include "app/reports/report_kinds.hpp"

namespace arrears::app::reports {

ReportRun Waivers(ReportStore& store, const ReportFilter& filter) {
  struct Line {
    std::int64_t plans = 0;
    std::int64_t waived = 0;
  };
  const bool by_component = filter.by == "component";
  std::map<std::pair<std::string, std::string>, Line> lines;  // (approver or component, component or "")
  Line all;
  for (const WaiverGrant& grant : store.Waivers(filter.currency, filter.from, filter.to)) {
    if (!filter.collector.empty() && grant.proposer != filter.collector) continue;
    std::int64_t total = 0;
    for (const auto& [component, amount] : grant.by_component) {
      Line& line = lines[by_component ? std::pair(component, std::string()) : std::pair(grant.approver, component)];
      ++line.plans;
      line.waived += amount;
      total += amount;
    }
    ++all.plans;
    all.waived += total;
  }
  ReportRun run{NewTable("waivers", filter), {}};
  ReportTable& t = run.table;
  if (!by_component) t.columns.push_back(TextColumn("approver", "批准人", "Approved by"));
  t.columns.push_back(TextColumn("component", "减免项目", "Component"));
  t.columns.push_back(CountColumn("plans", "方案数", "Plans"));
  t.columns.push_back(MoneyColumn("waived", "减免金额", "Waived"));
  t.columns.push_back(RateColumn("share", "占比", "Share"));
  for (const auto& [key, line] : lines) {
    ReportRow row;
    if (!by_component) row.cells.emplace_back(key.first);
    row.cells.emplace_back(by_component ? key.first : key.second);
    row.cells.insert(row.cells.end(), {line.plans, line.waived, Of(line.waived, all.waived)});
    t.rows.push_back(std::move(row));
  }
  ReportRow totals;
  if (!by_component) totals.cells.emplace_back();
  totals.cells.insert(totals.cells.end(), {ReportCell(), all.plans, all.waived, Of(all.waived, all.waived)});
  t.totals = std::move(totals);
  return run;
}

}  // namespace arrears::app::reports
