// Strategy comparison (策略对比, champion / challenger): recovery per segment
// and arm, and for each challenger the difference from its segment's champion
// with the 95% confidence interval (core/measures.hpp). An interval that
// straddles 0 says the data cannot yet tell the two paths apart.
#include <map>

#include "app/reports/holdings.hpp"
#include "app/reports/report_kinds.hpp"
#include "core/measures.hpp"

namespace arrears::app::reports {

ReportRun Strategies(ReportStore& store, const ReportFilter& filter, bool list_cases) {
  std::map<std::pair<std::string, std::string>, RatioSample> arms;  // (segment, arm)
  ReportRun run{NewTable("strategies", filter), {}};
  ForEachCase(store, filter, filter.from, filter.to, [&](const CaseHistory& history) {
    for (const Holding& holding : Holdings(history, filter, "strategy")) {
      arms[{holding.first->segment, holding.first->arm}].Add(holding.placed, holding.collected);
      if (list_cases) run.cases.push_back({holding.first->customer_id, holding.first->case_id, holding.group});
    }
  });
  ReportTable& t = run.table;
  t.columns = {TextColumn("segment", "客群", "Segment"),
               TextColumn("arm", "组别", "Arm"),
               CountColumn("cases", "案件数", "Cases"),
               MoneyColumn("placed", "分配金额", "Placed"),
               MoneyColumn("collected", "回收金额", "Collected"),
               RateColumn("recovery_rate", "回收率", "Recovery rate"),
               RateColumn("difference", "与冠军组之差", "Difference from champion"),
               RateColumn("ci_low", "95%置信下限", "95% CI low"),
               RateColumn("ci_high", "95%置信上限", "95% CI high")};
  for (const auto& [key, sample] : arms) {
    ReportRow row;
    row.cells = {key.first, key.second, sample.n(), sample.sum_x(), sample.sum_y(), Of(sample.sum_y(), sample.sum_x())};
    const auto champion = arms.find({key.first, "champion"});
    const auto interval = key.second == "challenger" && champion != arms.end()
                              ? DifferenceOfRatios(champion->second, sample)
                              : std::nullopt;
    if (interval) {
      row.cells.insert(row.cells.end(), {OfReal(interval->estimate), OfReal(interval->low), OfReal(interval->high)});
    } else {
      row.cells.insert(row.cells.end(), {ReportCell(), ReportCell(), ReportCell()});
    }
    row.drill = {{"strategy", key.first + "/" + key.second}};
    t.rows.push_back(std::move(row));
  }
  return run;
}

}  // namespace arrears::app::reports
