// Ageing (账龄分布): the cases in collection on the period's last day and what
// they owed, by bucket, optionally within another dimension; or, by month, at
// each month's end (the trend).
#include <map>

#include "app/reports/case_history.hpp"
#include "app/reports/report_kinds.hpp"

namespace arrears::app::reports {

ReportRun Aging(ReportStore& store, const ReportFilter& filter, bool list_cases) {
  struct Cell {
    std::int64_t cases = 0;
    std::int64_t balance = 0;
  };
  const bool grouped = filter.by != "bucket";
  const bool by_month = filter.by == "month";
  // The days the state is taken on: the period's last, or each month's end.
  std::vector<std::pair<std::string, Date>> days;
  if (by_month) {
    for (const MonthEnd& month : MonthEnds(filter)) {
      if (filter.month.empty() || filter.month == month.name) days.emplace_back(month.name, month.now);
    }
  } else {
    days.emplace_back(std::string(), filter.to);
  }
  const auto order = [](const std::pair<std::string, std::string>& a, const std::pair<std::string, std::string>& b) {
    if (a.first != b.first) return a.first < b.first;
    return BucketBefore(a.second, b.second);
  };
  std::map<std::pair<std::string, std::string>, Cell, decltype(order)> cells(order);
  ReportRun run{NewTable("aging", filter), {}};
  if (days.empty()) days.emplace_back(filter.month, filter.to);  // a month outside the period: nothing in it
  ForEachCase(store, filter, days.front().second, filter.to, [&](const CaseHistory& history) {
    for (const auto& [month, day] : days) {
      const FactSpan* span = history.At(day);
      if (!span || !Matches(filter, *span)) continue;
      Cell& cell = cells[{by_month ? month : grouped ? DimensionOf(*span, filter.by) : std::string(), span->bucket}];
      ++cell.cases;
      cell.balance += span->owed;
      if (list_cases) run.cases.push_back({span->customer_id, span->case_id, (by_month ? month + " " : "") + span->bucket});
    }
  });
  // Shares of the whole, or by month of the month's.
  std::map<std::string, Cell> sums;
  for (const auto& [key, cell] : cells) {
    Cell& total = sums[by_month ? key.first : std::string()];
    total.cases += cell.cases;
    total.balance += cell.balance;
  }
  ReportTable& t = run.table;
  if (grouped) t.columns.push_back(DimensionColumn(filter.by));
  t.columns.push_back(DimensionColumn("bucket"));
  t.columns.push_back(CountColumn("cases", "案件数", "Cases"));
  t.columns.push_back(MoneyColumn("balance", "逾期余额", "Balance"));
  t.columns.push_back(RateColumn("share_of_cases", "案件占比", "Share of cases"));
  t.columns.push_back(RateColumn("share_of_balance", "余额占比", "Share of balance"));
  for (const auto& [key, cell] : cells) {
    ReportRow row;
    if (grouped) {
      row.cells.emplace_back(key.first);
      row.drill.emplace_back(filter.by, key.first);
    }
    row.cells.emplace_back(key.second);
    row.drill.emplace_back("bucket", key.second);
    row.cells.emplace_back(cell.cases);
    row.cells.emplace_back(cell.balance);
    const Cell& total = sums[by_month ? key.first : std::string()];
    row.cells.emplace_back(Of(cell.cases, total.cases));
    row.cells.emplace_back(Of(cell.balance, total.balance));
    t.rows.push_back(std::move(row));
  }
  if (by_month) return run;  // a sum over month ends would count each case once a month
  const Cell& total = sums[std::string()];
  ReportRow totals;
  // The label cells stay empty: each writer labels the totals row in its language.
  if (grouped) totals.cells.emplace_back();
  totals.cells.emplace_back();
  totals.cells.emplace_back(total.cases);
  totals.cells.emplace_back(total.balance);
  totals.cells.emplace_back(Of(total.cases, total.cases));
  totals.cells.emplace_back(Of(total.balance, total.balance));
  t.totals = std::move(totals);
  return run;
}

}  // namespace arrears::app::reports
