#include "app/reports/reports.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "app/reports/report_kinds.hpp"

namespace arrears::app {

const std::vector<ReportInfo>& Reports() {
  static const std::vector<ReportInfo> kReports = {
      {"aging",
       "账龄分布",
       "Ageing",
       {"bucket", "month", "product", "region", "team", "collector", "agency", "strategy"},
       true},
      {"roll-rates", "迁徙率", "Roll rates", {}, true},
      {"recovery",
       "回收率",
       "Recovery",
       {"cohort", "bucket", "product", "region", "team", "collector", "agency", "strategy"},
       true},
      {"promises", "联系与承诺", "Contacts and promises", {"collector", "team", "agency", "month"}, false},
      {"collectors", "催收员评分卡", "Collector scorecards", {}, true},
      {"strategies", "策略对比", "Strategy comparison", {}, true},
      {"agencies", "委外机构", "Agencies", {}, true},
      {"waivers", "减免", "Waivers", {"approver", "component"}, false},
      {"entries", "入催率", "Entry rate", {"month", "product", "region"}, false},
      {"collections", "每日回款", "Daily collections", {}, true},
  };
  return kReports;
}

Result<ReportRun> RunReport(ReportStore& store, const std::string& name, const ReportFilter& given, bool list_cases,
                            ReportStore* side) {
  const auto& all = Reports();
  const auto info = std::find_if(all.begin(), all.end(), [&](const ReportInfo& r) { return r.name == name; });
  if (info == all.end()) {
    std::string known;
    for (const ReportInfo& r : all) known += (known.empty() ? "" : ", ") + r.name;
    return Fail(Error{ErrorCode::kNotFound, "no report named '" + name + "' (reports: " + known + ")", "report"});
  }
  ReportFilter filter = given;
  if (filter.by.empty() && !info->groupings.empty()) filter.by = info->groupings.front();
  if (!filter.by.empty() &&
      std::find(info->groupings.begin(), info->groupings.end(), filter.by) == info->groupings.end()) {
    std::string offered;
    for (const std::string& g : info->groupings) offered += (offered.empty() ? "" : ", ") + g;
    return Fail(name + " cannot be grouped by '" + filter.by + "'" +
                    (offered.empty() ? std::string(" (it has no grouping)") : " (by: " + offered + ")"),
                "by");
  }
  if (list_cases && !info->drills) {
    return Fail(name + " counts work and decisions per person; list the cases from the collectors or recovery report",
                "report");
  }
  if (name == "aging") return reports::Aging(store, filter, list_cases);
  if (name == "roll-rates") return reports::RollRates(store, filter, list_cases);
  if (name == "recovery") return reports::Recovery(store, filter, list_cases);
  if (name == "promises") return reports::Promises(store, filter);
  if (name == "collectors") return reports::Collectors(store, side, filter, list_cases);
  if (name == "strategies") return reports::Strategies(store, filter, list_cases);
  if (name == "waivers") return reports::Waivers(store, filter);
  if (name == "entries") return reports::Entries(store, filter);
  if (name == "collections") return reports::Collections(store, filter, list_cases);
  return reports::Agencies(store, side, filter, list_cases);
}

namespace reports {

namespace {
ReportColumn Column(std::string key, std::string zh, std::string en, ColumnKind kind) {
  return {std::move(key), std::move(zh), std::move(en), kind};
}
}  // namespace

ReportColumn TextColumn(std::string key, std::string zh, std::string en) {
  return Column(std::move(key), std::move(zh), std::move(en), ColumnKind::kText);
}
ReportColumn CountColumn(std::string key, std::string zh, std::string en) {
  return Column(std::move(key), std::move(zh), std::move(en), ColumnKind::kCount);
}
ReportColumn MoneyColumn(std::string key, std::string zh, std::string en) {
  return Column(std::move(key), std::move(zh), std::move(en), ColumnKind::kMoney);
}
ReportColumn RateColumn(std::string key, std::string zh, std::string en) {
  return Column(std::move(key), std::move(zh), std::move(en), ColumnKind::kRate);
}
ReportColumn NumberColumn(std::string key, std::string zh, std::string en) {
  return Column(std::move(key), std::move(zh), std::move(en), ColumnKind::kNumber);
}

ReportTable NewTable(const std::string& name, const ReportFilter& filter) {
  ReportTable table;
  table.name = name;
  for (const ReportInfo& info : Reports()) {
    if (info.name == name) {
      table.title_zh = info.title_zh;
      table.title_en = info.title_en;
    }
  }
  table.currency = filter.currency;
  table.from = filter.from.ToString();
  table.to = filter.to.ToString();
  return table;
}

ReportColumn DimensionColumn(const std::string& dimension) {
  if (dimension == "bucket") return TextColumn("bucket", "账龄", "Bucket");
  if (dimension == "product") return TextColumn("product", "产品", "Product");
  if (dimension == "region") return TextColumn("region", "地区", "Region");
  if (dimension == "team") return TextColumn("team", "团队", "Team");
  if (dimension == "collector") return TextColumn("collector", "催收员", "Collector");
  if (dimension == "agency") return TextColumn("agency", "委外机构", "Agency");
  if (dimension == "strategy") return TextColumn("strategy", "策略", "Strategy");
  if (dimension == "cohort") return TextColumn("cohort", "入催月份", "Entry month");
  if (dimension == "month") return TextColumn("month", "月份", "Month");
  return TextColumn(dimension, dimension, dimension);
}

Fraction OfReal(double value) { return {std::llround(value * 1'000'000.0), 1'000'000}; }

bool BucketBefore(const std::string& a, const std::string& b) {
  // "M<digits>[+]": by the number, the open-ended one after its number.
  const auto rank = [](const std::string& name) -> long {
    if (name.size() < 2 || name[0] != 'M') return -1;
    char* end = nullptr;
    const long n = std::strtol(name.c_str() + 1, &end, 10);
    if (end == name.c_str() + 1) return -1;
    const bool open = *end == '+';
    if (*end != '\0' && !(open && end[1] == '\0')) return -1;
    return n * 2 + (open ? 1 : 0);
  };
  const long ra = rank(a);
  const long rb = rank(b);
  if (ra < 0 || rb < 0) return ra != rb ? ra > rb : a < b;  // buckets before anything else
  return ra < rb;
}

}  // namespace reports

}  // namespace arrears::app
