#include "http/report_json.hpp"

#include <boost/json.hpp>
#include <cmath>

#include "files/report_export.hpp"

namespace arrears::http {

namespace {

std::string_view KindName(app::ColumnKind kind) {
  switch (kind) {
    case app::ColumnKind::kText: return "text";
    case app::ColumnKind::kCount: return "count";
    case app::ColumnKind::kMoney: return "money";
    case app::ColumnKind::kRate: return "rate";
    case app::ColumnKind::kNumber: return "number";
  }
  return "text";
}

boost::json::value Value(const app::ReportTable& table, std::size_t column, const app::ReportCell& cell) {
  if (std::holds_alternative<std::monostate>(cell)) return nullptr;
  if (const auto* fraction = std::get_if<app::Fraction>(&cell)) {
    if (!fraction->defined()) return nullptr;
    return std::round(fraction->value() * 1e6) / 1e6;
  }
  const auto kind = table.columns.at(column).kind;
  if (kind == app::ColumnKind::kMoney || kind == app::ColumnKind::kNumber) {
    return boost::json::string(files::CellText(table, column, cell));
  }
  if (const auto* number = std::get_if<std::int64_t>(&cell)) return *number;
  return boost::json::string(std::get<std::string>(cell));
}

boost::json::object RowToJson(const app::ReportTable& table, const app::ReportRow& row) {
  boost::json::object values;
  boost::json::object text;
  for (std::size_t c = 0; c < row.cells.size() && c < table.columns.size(); ++c) {
    values[table.columns[c].key] = Value(table, c, row.cells[c]);
    text[table.columns[c].key] = files::CellText(table, c, row.cells[c]);
  }
  boost::json::object drill;
  for (const auto& [name, value] : row.drill) drill[name] = value;
  return {{"values", std::move(values)}, {"text", std::move(text)}, {"drill", std::move(drill)}};
}

boost::json::object Heading(const app::ReportTable& table) {
  return {{"report", table.name},
          {"title", {{"zh-CN", table.title_zh}, {"en", table.title_en}}},
          {"currency", table.currency},
          {"from", table.from},
          {"to", table.to}};
}

}  // namespace

boost::json::object ReportToJson(const app::ReportTable& table) {
  boost::json::object out = Heading(table);
  boost::json::array columns;
  for (const app::ReportColumn& c : table.columns) {
    columns.push_back({{"key", c.key}, {"label", {{"zh-CN", c.label_zh}, {"en", c.label_en}}}, {"kind", KindName(c.kind)}});
  }
  out["columns"] = std::move(columns);
  boost::json::array rows;
  for (const app::ReportRow& row : table.rows) rows.push_back(RowToJson(table, row));
  out["rows"] = std::move(rows);
  out["totals"] = table.totals ? boost::json::value(RowToJson(table, *table.totals)) : boost::json::value(nullptr);
  return out;
}

boost::json::object ReportCasesToJson(const app::ReportTable& table, const std::vector<app::ReportCase>& cases) {
  boost::json::object out = Heading(table);
  boost::json::array items;
  for (const app::ReportCase& c : cases) {
    items.push_back({{"customer_id", c.customer_id}, {"case_id", c.case_id}, {"detail", c.detail}});
  }
  out["count"] = cases.size();
  out["cases"] = std::move(items);
  return out;
}

}  // namespace arrears::http
