// The managers' reports (docs/measures.md): aging, roll-rates, recovery,
// promises, collectors, strategies, agencies, waivers, entries and
// collections, computed from the daily cycle's facts for a period and a
// filter, each with the cases behind a figure on request.
#pragma once

#include <string>
#include <vector>

#include "app/ports/report_store.hpp"
#include "app/reports/report_filter.hpp"
#include "app/reports/report_table.hpp"
#include "core/result.hpp"

namespace arrears::app {

struct ReportInfo {
  std::string name;
  std::string title_zh;
  std::string title_en;
  std::vector<std::string> groupings;  // the values `by` takes, the default first; empty: no grouping
  bool drills = true;                  // whether the cases behind a row can be listed
};

const std::vector<ReportInfo>& Reports();

struct ReportRun {
  ReportTable table;
  std::vector<ReportCase> cases;  // with list_cases: the cases behind the figures, by case
};

// kNotFound for an unknown report; kInvalidArgument for a grouping the report
// does not offer or a drill-down it cannot give. With a `side` store (a second
// session), the reports that read both the facts and the workers' activity
// read them at the same time.
Result<ReportRun> RunReport(ReportStore& store, const std::string& name, const ReportFilter& filter,
                            bool list_cases = false, ReportStore* side = nullptr);

}  // namespace arrears::app
