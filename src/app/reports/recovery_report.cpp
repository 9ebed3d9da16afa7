// Recovery (回收率): collected ÷ placed. By entry cohort (the month a case
// entered collection, with its cumulative curve month by month) or by who and
// what held the cases in the period (bucket, product, region, team, collector,
// agency, strategy arm): see holdings.hpp.
#include <map>

#include "app/reports/holdings.hpp"
#include "app/reports/report_kinds.hpp"
#include "core/money.hpp"

namespace arrears::app::reports {

namespace {

struct Totals {
  std::int64_t cases = 0;
  std::int64_t placed = 0;
  std::int64_t collected = 0;
};

std::string MoneyText(const ReportFilter& filter, std::int64_t minor) {
  return FormatAmount(Money(minor, *ParseCurrency(filter.currency)));
}

ReportRun ByCohort(ReportStore& store, const ReportFilter& filter, bool list_cases) {
  // Months on book: 0 is the month of entry; a curve point is shown once its month has begun in the period.
  const int months = (filter.to.year() - filter.from.year()) * 12 + filter.to.month() - filter.from.month() + 1;
  struct Cohort {
    Totals totals;
    std::vector<std::int64_t> by_month;  // collected through the end of month k on book
  };
  std::map<std::string, Cohort> cohorts;
  ReportRun run{NewTable("recovery", filter), {}};
  ForEachCase(store, filter, filter.from, filter.to, [&](const CaseHistory& history) {
    const FactSpan& entry = history.spans.front();
    if (entry.from < filter.from || !Matches(filter, entry)) return;  // in collection before the period
    const std::string month = MonthOf(entry.from);
    if (!filter.cohort.empty() && filter.cohort != month) return;
    Cohort& cohort = cohorts[month];
    cohort.by_month.resize(static_cast<std::size_t>(months), 0);
    const std::int64_t collected = history.Collected(entry.from, DayAfter(filter.to));
    ++cohort.totals.cases;
    cohort.totals.placed += entry.owed;
    cohort.totals.collected += collected;
    const Date first_of_month = *Date::FromYmd(entry.from.year(), entry.from.month(), 1);
    for (int k = 0; k < months; ++k) {
      const Date end = first_of_month.AddMonths(k + 1);
      cohort.by_month[static_cast<std::size_t>(k)] += history.Collected(entry.from, end < DayAfter(filter.to) ? end : DayAfter(filter.to));
    }
    if (list_cases) run.cases.push_back({entry.customer_id, entry.case_id, month + ": collected " + MoneyText(filter, collected)});
  });
  ReportTable& t = run.table;
  t.columns = {DimensionColumn("cohort"), CountColumn("cases", "案件数", "Cases"),
               MoneyColumn("placed", "入催金额", "Placed"), MoneyColumn("collected", "回收金额", "Collected"),
               RateColumn("recovery_rate", "回收率", "Recovery rate")};
  for (int k = 0; k < months; ++k) {
    t.columns.push_back(RateColumn("mob_" + std::to_string(k), "第" + std::to_string(k) + "月累计",
                                   "Month " + std::to_string(k) + " cumulative"));
  }
  Totals all;
  for (const auto& [month, cohort] : cohorts) {
    ReportRow row;
    row.cells = {month, cohort.totals.cases, cohort.totals.placed, cohort.totals.collected,
                 Of(cohort.totals.collected, cohort.totals.placed)};
    // A point whose month is after the period's last is not yet known.
    const Date start = *Date::Parse(month + "-01");
    for (int k = 0; k < months; ++k) {
      row.cells.emplace_back(start.AddMonths(k) <= filter.to
                                 ? ReportCell(Of(cohort.by_month[static_cast<std::size_t>(k)], cohort.totals.placed))
                                 : ReportCell());
    }
    row.drill = {{"cohort", month}};
    t.rows.push_back(std::move(row));
    all.cases += cohort.totals.cases;
    all.placed += cohort.totals.placed;
    all.collected += cohort.totals.collected;
  }
  ReportRow totals;
  totals.cells = {ReportCell(), all.cases, all.placed, all.collected, Of(all.collected, all.placed)};
  for (int k = 0; k < months; ++k) totals.cells.emplace_back();
  t.totals = std::move(totals);
  return run;
}

}  // namespace

ReportRun Recovery(ReportStore& store, const ReportFilter& filter, bool list_cases) {
  if (filter.by == "cohort") return ByCohort(store, filter, list_cases);
  std::map<std::string, Totals> groups;
  ReportRun run{NewTable("recovery", filter), {}};
  ForEachCase(store, filter, filter.from, filter.to, [&](const CaseHistory& history) {
    for (const Holding& holding : Holdings(history, filter, filter.by)) {
      Totals& totals = groups[holding.group];
      ++totals.cases;
      totals.placed += holding.placed;
      totals.collected += holding.collected;
      if (list_cases) {
        run.cases.push_back({holding.first->customer_id, holding.first->case_id,
                             holding.group + ": collected " + MoneyText(filter, holding.collected)});
      }
    }
  });
  ReportTable& t = run.table;
  t.columns = {DimensionColumn(filter.by), CountColumn("cases", "案件数", "Cases"),
               MoneyColumn("placed", "分配金额", "Placed"), MoneyColumn("collected", "回收金额", "Collected"),
               RateColumn("recovery_rate", "回收率", "Recovery rate")};
  Totals all;
  for (const auto& [group, totals] : groups) {
    ReportRow row;
    row.cells = {group, totals.cases, totals.placed, totals.collected, Of(totals.collected, totals.placed)};
    row.drill = {{filter.by, group}};
    t.rows.push_back(std::move(row));
    all.cases += totals.cases;
    all.placed += totals.placed;
    all.collected += totals.collected;
  }
  t.totals = ReportRow{{ReportCell(), all.cases, all.placed, all.collected, Of(all.collected, all.placed)}, {}};
  return run;
}

}  // namespace arrears::app::reports
