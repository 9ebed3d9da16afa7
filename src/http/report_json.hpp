// A report as JSON, for the HTTP API and `arrears report --format json`: the
// columns with both languages' labels and their kinds, each row's values
// (amounts as decimal strings, rates as fractions to six places, null where
// undefined), each row's text as the screen and the files show it, and the
// filter that lists the cases behind the row.
#pragma once

#include <boost/json/object.hpp>
#include <vector>

#include "app/reports/report_filter.hpp"
#include "app/reports/report_table.hpp"

namespace arrears::http {

boost::json::object ReportToJson(const app::ReportTable& table);
boost::json::object ReportCasesToJson(const app::ReportTable& table, const std::vector<app::ReportCase>& cases);

}  // namespace arrears::http
