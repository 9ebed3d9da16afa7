// What a report covers: the period, the currency, and the dimensions a
// manager narrows it by (product, bucket, region, team, collector, agency,
// strategy), with the grouping where a report offers one. The same fields
// select the cases behind a figure (drill-down), with the few a row adds
// (the month and the state a roll went to, the entry cohort).
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "core/date.hpp"
#include "core/result.hpp"

namespace arrears::app {

struct ReportFilter {
  Date from;
  Date to;  // inclusive
  std::string currency = "CNY";
  // Empty: every value.
  std::string product;    // product type: card, loan, ...
  std::string bucket;     // M1 ...
  std::string region;
  std::string team;
  std::string collector;  // the owner's login
  std::string agency;
  std::string segment;    // the strategy's segment
  std::string arm;        // champion or challenger
  std::string by;         // the grouping, where the report has one
  // Drill-down only.
  std::string month;      // roll-rates: YYYY-MM
  std::string to_state;   // roll-rates: the bucket or closing the cases went to
  std::string cohort;     // recovery by cohort: the entry month YYYY-MM
};

using Parameters = std::vector<std::pair<std::string, std::string>>;

// From name/value pairs (the command line's options, a URL's query): from and
// to required, "strategy" as segment or segment/arm; an unknown name or a bad
// date is an error naming the parameter.
Result<ReportFilter> ParseReportFilter(const Parameters& parameters);

// "2026-09": the month a date falls in.
std::string MonthOf(Date day);

}  // namespace arrears::app
