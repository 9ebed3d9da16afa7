// Collections (回款): what came in day by day in the period (payments net of
// reversals, by value date), counted where the case stood that day, so that a
// filter on a team, a collector, a bucket or a strategy keeps what came in
// while the case was theirs.
#include <map>

#include "app/reports/case_history.hpp"
#include "app/reports/report_kinds.hpp"

namespace arrears::app::reports {

ReportRun Collections(ReportStore& store, const ReportFilter& filter, bool list_cases) {
  struct Day {
    std::int64_t payments = 0;
    std::int64_t cases = 0;
    std::int64_t collected = 0;
  };
  std::map<std::string, Day> days;
  for (Date day = filter.from; day <= filter.to; day = day.AddDays(1)) days[day.ToString()];  // the quiet days too
  ReportRun run{NewTable("collections", filter), {}};
  ForEachCase(store, filter, filter.from, filter.to, [&](const CaseHistory& history) {
    std::string last;  // a case paying twice in a day counts once among the day's cases
    for (const PeriodPayment& payment : history.payments) {
      const FactSpan* span = history.At(payment.value_date);
      if (!span || !Matches(filter, *span)) continue;
      const std::string date = payment.value_date.ToString();
      Day& day = days[date];
      ++day.payments;
      day.collected += payment.amount;
      if (date != last) ++day.cases;
      last = date;
      if (list_cases) run.cases.push_back({span->customer_id, span->case_id, date});
    }
  });
  ReportTable& t = run.table;
  t.columns = {TextColumn("day", "日期", "Day"), CountColumn("payments", "笔数", "Payments"),
               CountColumn("cases", "案件数", "Cases"), MoneyColumn("collected", "回款金额", "Collected")};
  Day all;
  for (const auto& [date, day] : days) {
    ReportRow row;
    row.cells = {date, day.payments, day.cases, day.collected};
    row.drill = {{"from", date}, {"to", date}};  // the day's cases: the report on that day alone
    t.rows.push_back(std::move(row));
    all.payments += day.payments;
    all.cases += day.cases;
    all.collected += day.collected;
  }
  t.totals = ReportRow{{ReportCell(), all.payments, all.cases, all.collected}, {}};
  return run;
}

}  // namespace arrears::app::reports
