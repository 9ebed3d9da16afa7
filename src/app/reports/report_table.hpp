// A report as the screen, the CSV and the XLSX writers all see it: typed
// columns with zh-CN and English labels, rows of cells, a totals row, and for
// each row the filter that lists the cases behind it (drill-down). Money stays
// integer minor units and rates stay exact fractions until they are shown.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace arrears::app {

enum class ColumnKind {
  kText,
  kCount,   // an integer
  kMoney,   // minor units of the report's currency
  kRate,    // a fraction, numerator over denominator; no value when the denominator is 0
  kNumber,  // a decimal given in thousandths (a score, a mean)
};

struct ReportColumn {
  std::string key;  // "recovery_rate": the CSV header and the JSON member
  std::string label_zh;
  std::string label_en;
  ColumnKind kind = ColumnKind::kText;
};

struct Fraction {
  std::int64_t numerator = 0;
  std::int64_t denominator = 0;  // 0: undefined (nothing to divide by)
  bool defined() const { return denominator != 0; }
  double value() const { return defined() ? static_cast<double>(numerator) / static_cast<double>(denominator) : 0; }
  friend bool operator==(const Fraction&, const Fraction&) = default;
};

// Empty, text, an integer (count, minor units, thousandths) or a fraction.
using ReportCell = std::variant<std::monostate, std::string, std::int64_t, Fraction>;

struct ReportRow {
  std::vector<ReportCell> cells;  // one per column
  // The dimension values that select the cases behind this row ("bucket" = "M2", "collector" = "zhangwei").
  std::vector<std::pair<std::string, std::string>> drill;
};

struct ReportTable {
  std::string name;  // "aging"
  std::string title_zh;
  std::string title_en;
  std::string currency;
  std::string from;  // the period, ISO dates
  std::string to;
  std::vector<ReportColumn> columns;
  std::vector<ReportRow> rows;
  std::optional<ReportRow> totals;

  std::size_t ColumnIndex(const std::string& key) const;  // throws std::out_of_range for an unknown key
};

// A case behind a figure.
struct ReportCase {
  std::int64_t customer_id = 0;
  std::int64_t case_id = 0;
  std::string detail;  // what puts it there ("M2 -> M3", "collected 1,200.00")
};

}  // namespace arrears::app
