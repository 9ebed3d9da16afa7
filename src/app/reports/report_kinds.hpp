// The reports one by one, and what building their tables shares. Internal to
// app/reports: callers go through RunReport, which checks the name and the
// grouping first.
#pragma once

#include <string>

#include "app/reports/reports.hpp"

namespace arrears::app::reports {

ReportRun Aging(ReportStore& store, const ReportFilter& filter, bool list_cases);
ReportRun RollRates(ReportStore& store, const ReportFilter& filter, bool list_cases);
ReportRun Recovery(ReportStore& store, const ReportFilter& filter, bool list_cases);
ReportRun Promises(ReportStore& store, const ReportFilter& filter);
ReportRun Collectors(ReportStore& store, ReportStore* side, const ReportFilter& filter, bool list_cases);
ReportRun Strategies(ReportStore& store, const ReportFilter& filter, bool list_cases);
ReportRun Agencies(ReportStore& store, ReportStore* side, const ReportFilter& filter, bool list_cases);
ReportRun Waivers(ReportStore& store, const ReportFilter& filter);
ReportRun Entries(ReportStore& store, const ReportFilter& filter);
ReportRun Collections(ReportStore& store, const ReportFilter& filter, bool list_cases);

// Column constructors.
ReportColumn TextColumn(std::string key, std::string zh, std::string en);
ReportColumn CountColumn(std::string key, std::string zh, std::string en);
ReportColumn MoneyColumn(std::string key, std::string zh, std::string en);
ReportColumn RateColumn(std::string key, std::string zh, std::string en);
ReportColumn NumberColumn(std::string key, std::string zh, std::string en);

// The table's heading for a report run on a filter.
ReportTable NewTable(const std::string& name, const ReportFilter& filter);

// A dimension's column ("collector" -> 催收员 / Collector).
ReportColumn DimensionColumn(const std::string& dimension);

// A fraction, or an undefined one when the denominator is 0.
inline Fraction Of(std::int64_t numerator, std::int64_t denominator) { return {numerator, denominator}; }
// A real number as a fraction in millionths (differences, interval ends).
Fraction OfReal(double value);

// Bucket names in their natural order: M0, M1, ..., M6, M6+ (then anything else, alphabetically).
bool BucketBefore(const std::string& a, const std::string& b);

}  // namespace arrears::app::reports
