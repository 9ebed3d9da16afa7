// Contacts and promises (联系与承诺): contact, right-party, promise and kept
// rates, the plans granted, completed and failed, disputes and complaints,
// per collector, team, agency or month.
#include "app/reports/activity.hpp"
#include "app/reports/report_kinds.hpp"

namespace arrears::app::reports {

ReportRun Promises(ReportStore& store, const ReportFilter& filter) {
  const std::string by = filter.by;
  const auto groups = ActivityBy(store, filter, [&](const ActivityCounts& c) {
    return by == "team" ? c.team : by == "agency" ? c.agency : by == "month" ? c.month : c.actor;
  });
  ReportRun run{NewTable("promises", filter), {}};
  ReportTable& t = run.table;
  t.columns = {DimensionColumn(by),
               CountColumn("attempts", "外呼/外访次数", "Attempts"),
               CountColumn("reached", "接通", "Reached"),
               RateColumn("contact_rate", "接通率", "Contact rate"),
               CountColumn("right_party", "本人联系", "Right-party contacts"),
               RateColumn("rpc_rate", "本人联系率", "RPC rate"),
               CountColumn("promises", "承诺笔数", "Promises"),
               RateColumn("promise_rate", "承诺率", "Promise rate"),
               MoneyColumn("promised", "承诺金额", "Promised"),
               CountColumn("promises_due", "到期承诺", "Promises due"),
               CountColumn("kept", "兑现", "Kept"),
               CountColumn("partly_kept", "部分兑现", "Partly kept"),
               CountColumn("broken", "违约", "Broken"),
               RateColumn("kept_rate", "兑现率", "Kept rate"),
               CountColumn("plans_granted", "协商方案生效", "Plans granted"),
               CountColumn("plans_completed", "方案履约完成", "Plans completed"),
               CountColumn("plans_failed", "方案失败", "Plans failed"),
               MoneyColumn("waived", "减免金额", "Waived"),
               CountColumn("disputes", "争议", "Disputes"),
               CountColumn("complaints", "投诉", "Complaints")};
  ActivityCounts all;
  const auto row_of = [](const ActivityCounts& c) {
    return std::vector<ReportCell>{c.attempts,
                                   c.reached,
                                   Of(c.reached, c.attempts),
                                   c.right_party,
                                   Of(c.right_party, c.attempts),
                                   c.promises,
                                   Of(c.promises, c.right_party),
                                   c.promised,
                                   c.promises_due,
                                   c.kept,
                                   c.partly_kept,
                                   c.broken,
                                   Of(c.kept, c.promises_due),
                                   c.plans_granted,
                                   c.plans_completed,
                                   c.plans_failed,
                                   c.waived,
                                   c.disputes,
                                   c.complaints};
  };
  for (const auto& [group, counts] : groups) {
    ReportRow row;
    row.cells.emplace_back(group);
    for (ReportCell& cell : row_of(counts)) row.cells.push_back(std::move(cell));
    t.rows.push_back(std::move(row));
    AddCounts(all, counts);
  }
  ReportRow totals;
  totals.cells.emplace_back();
  for (ReportCell& cell : row_of(all)) totals.cells.push_back(std::move(cell));
  t.totals = std::move(totals);
  return run;
}

}  // namespace arrears::app::reports
