#include "app/reports/report_filter.hpp"

#include <array>
#include <cstdio>

#include "core/currency.hpp"

namespace arrears::app {

namespace {

// The text fields by parameter name.
std::string* TextField(ReportFilter& f, const std::string& name) {
  if (name == "currency") return &f.currency;
  if (name == "product") return &f.product;
  if (name == "bucket") return &f.bucket;
  if (name == "region") return &f.region;
  if (name == "team") return &f.team;
  if (name == "collector") return &f.collector;
  if (name == "agency") return &f.agency;
  if (name == "by") return &f.by;
  if (name == "month") return &f.month;
  if (name == "to_state") return &f.to_state;
  if (name == "cohort") return &f.cohort;
  return nullptr;
}

bool IsMonth(const std::string& text) {
  return text.size() == 7 && text[4] == '-' && Date::Parse(text + "-01").has_value();
}

}  // namespace

std::string MonthOf(Date day) { return day.ToString().substr(0, 7); }

Result<ReportFilter> ParseReportFilter(const Parameters& parameters) {
  ReportFilter filter;
  bool from = false;
  bool to = false;
  for (const auto& [name, value] : parameters) {
    if (name == "from" || name == "to") {
      auto day = Date::Parse(value, name);
      if (!day) return Fail(day.error());
      (name == "from" ? filter.from : filter.to) = *day;
      (name == "from" ? from : to) = true;
    } else if (name == "strategy") {
      const auto slash = value.find('/');
      filter.segment = value.substr(0, slash);
      filter.arm = slash == std::string::npos ? "" : value.substr(slash + 1);
      if (!filter.arm.empty() && filter.arm != "champion" && filter.arm != "challenger") {
        return Fail("strategy: the arm after '/' must be champion or challenger, not '" + filter.arm + "'", "strategy");
      }
    } else if (std::string* field = TextField(filter, name)) {
      *field = value;
    } else {
      return Fail("unknown report parameter '" + name +
                      "' (known: from, to, currency, product, bucket, region, team, collector, agency, strategy, by, "
                      "month, to_state, cohort)",
                  name);
    }
  }
  if (!from) return Fail("the period's first day is missing (from=YYYY-MM-DD)", "from");
  if (!to) return Fail("the period's last day is missing (to=YYYY-MM-DD)", "to");
  if (filter.to < filter.from) {
    return Fail("the period ends (" + filter.to.ToString() + ") before it begins (" + filter.from.ToString() + ")",
                "to");
  }
  if (!ParseCurrency(filter.currency)) {
    return Fail("currency '" + filter.currency + "' is not one the system books in (CNY, USD, TWD, HKD, EUR, JPY)",
                "currency");
  }
  for (const auto& [name, value] : std::array<std::pair<const char*, const std::string*>, 2>{
           {{"month", &filter.month}, {"cohort", &filter.cohort}}}) {
    if (!value->empty() && !IsMonth(*value)) return Fail(std::string(name) + " must be a month, YYYY-MM", name);
  }
  return filter;
}

}  // namespace arrears::app
