// Agencies (委外机构): per agency, the cases placed with it in the period,
// what was placed and what came in during the placements, and how its people
// worked (attempts, compliance hits, complaints).
#include <map>

#include "app/reports/activity.hpp"
#include "app/reports/holdings.hpp"
#include "app/reports/report_kinds.hpp"

namespace arrears::app::reports {

ReportRun Agencies(ReportStore& store, ReportStore* side, const ReportFilter& filter, bool list_cases) {
  struct Line {
    std::int64_t placements = 0;
    std::int64_t placed = 0;
    std::int64_t collected = 0;
    ActivityCounts activity;
  };
  std::map<std::string, Line> lines;
  ReportRun run{NewTable("agencies", filter), {}};
  auto activity = ActivityLater(store, side, filter, [](const ActivityCounts& c) { return c.agency; });
  ForEachCase(store, filter, filter.from, filter.to, [&](const CaseHistory& history) {
    for (const Holding& holding : Holdings(history, filter, "agency")) {
      Line& line = lines[holding.group];
      ++line.placements;
      line.placed += holding.placed;
      line.collected += holding.collected;
      if (list_cases) run.cases.push_back({holding.first->customer_id, holding.first->case_id, holding.group});
    }
  });
  for (const auto& [agency, counts] : activity.get()) {
    if (!agency.empty()) AddCounts(lines[agency].activity, counts);
  }
  ReportTable& t = run.table;
  t.columns = {DimensionColumn("agency"),
               CountColumn("placements", "委案数", "Placements"),
               MoneyColumn("placed", "委案金额", "Placed"),
               MoneyColumn("collected", "回收金额", "Collected"),
               RateColumn("recovery_rate", "回收率", "Recovery rate"),
               CountColumn("attempts", "外呼/外访次数", "Attempts"),
               RateColumn("rpc_rate", "本人联系率", "RPC rate"),
               CountColumn("compliance_hits", "合规命中", "Compliance hits"),
               CountColumn("complaints", "投诉", "Complaints")};
  for (const auto& [agency, line] : lines) {
    const ActivityCounts& a = line.activity;
    ReportRow row;
    row.cells = {agency,     line.placements,  line.placed,       line.collected, Of(line.collected, line.placed),
                 a.attempts, Of(a.right_party, a.attempts), a.compliance_hits, a.complaints};
    row.drill = {{"agency", agency}};
    t.rows.push_back(std::move(row));
  }
  return run;
}

}  // namespace arrears::app::reports
