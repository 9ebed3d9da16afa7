// Entry rate (入催率): of the accounts active at the start of each month, how
// many entered collection in it (moved from current into a past-due bucket),
// by month, or within each month by product or region.
#include <map>

#include "app/reports/case_history.hpp"
#include "app/reports/report_kinds.hpp"

namespace arrears::app::reports {

ReportRun Entries(ReportStore& store, const ReportFilter& filter) {
  const std::string by = filter.by == "month" ? std::string() : filter.by;
  const auto fits = [&](const AccountCount& c) {
    return (filter.product.empty() || c.product == filter.product) &&
           (filter.region.empty() || c.region == filter.region);
  };
  const auto group = [&](const AccountCount& c) { return by == "product" ? c.product : by == "region" ? c.region : ""; };
  struct Line {
    std::int64_t active = 0;
    std::int64_t entered = 0;
  };
  std::map<std::pair<std::string, std::string>, Line> lines;  // (month, group)
  for (const MonthEnd& month : MonthEnds(filter)) {
    // Active on the month's first day: opened before it.
    for (const AccountCount& c : store.ActiveAccounts(filter.currency, month.then.AddDays(1))) {
      if (fits(c)) lines[{month.name, group(c)}].active += c.accounts;
    }
  }
  for (const AccountCount& c : store.Entries(filter.currency, filter.from, filter.to)) {
    if (fits(c)) lines[{c.month, group(c)}].entered += c.accounts;
  }
  ReportRun run{NewTable("entries", filter), {}};
  ReportTable& t = run.table;
  t.columns.push_back(DimensionColumn("month"));
  if (!by.empty()) t.columns.push_back(DimensionColumn(by));
  t.columns.push_back(CountColumn("active", "月初正常账户", "Active accounts"));
  t.columns.push_back(CountColumn("entered", "入催账户", "Entered collection"));
  t.columns.push_back(RateColumn("entry_rate", "入催率", "Entry rate"));
  for (const auto& [key, line] : lines) {
    ReportRow row;
    row.cells.emplace_back(key.first);
    if (!by.empty()) row.cells.emplace_back(key.second);
    row.cells.insert(row.cells.end(), {line.active, line.entered, Of(line.entered, line.active)});
    t.rows.push_back(std::move(row));
  }
  return run;
}

}  // namespace arrears::app::reports
