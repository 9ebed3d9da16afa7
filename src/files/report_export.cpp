#include "files/report_export.hpp"

#include <xlsxwriter.h>

#include <cmath>
#include <variant>

#include "core/currency.hpp"
#include "core/decimal.hpp"
#include "files/csv_field.hpp"

namespace arrears::files {

namespace {

using app::ColumnKind;
using app::Fraction;
using app::ReportCell;
using app::ReportTable;

int MinorDigitsOf(const ReportTable& table) {
  const auto currency = ParseCurrency(table.currency);
  return currency ? MinorDigits(*currency) : 2;
}

const std::string& TotalLabel(Language language) {
  static const std::string kZh = "合计";
  static const std::string kEn = "Total";
  return language == Language::kChinese ? kZh : kEn;
}

std::string Title(const ReportTable& t, Language language) {
  return (language == Language::kChinese ? t.title_zh : t.title_en) + " " + t.from + " ~ " + t.to + " " + t.currency;
}

// The cells of a row with the totals label in its first empty cell.
std::vector<ReportCell> Labelled(const app::ReportRow& row, bool totals, Language language) {
  std::vector<ReportCell> cells = row.cells;
  if (totals && !cells.empty() && std::holds_alternative<std::monostate>(cells[0])) cells[0] = TotalLabel(language);
  return cells;
}

}  // namespace

std::string CellText(const ReportTable& table, std::size_t column, const ReportCell& cell) {
  if (const auto* text = std::get_if<std::string>(&cell)) return *text;
  if (const auto* fraction = std::get_if<Fraction>(&cell)) {
    if (!fraction->defined()) return {};
    return FormatQuotient(Int128(fraction->numerator) * 100, fraction->denominator, 2) + "%";
  }
  if (const auto* number = std::get_if<std::int64_t>(&cell)) {
    switch (table.columns.at(column).kind) {
      case ColumnKind::kMoney: return FormatScaledDecimal(*number, MinorDigitsOf(table));
      case ColumnKind::kNumber: return FormatQuotient(*number, 1000, 1);
      default: return std::to_string(*number);
    }
  }
  return {};
}

const std::string& ColumnLabel(const app::ReportColumn& column, Language language) {
  return language == Language::kChinese ? column.label_zh : column.label_en;
}

void WriteReportCsv(const ReportTable& table, Language language, std::ostream& out) {
  out << "\xEF\xBB\xBF";  // the byte-order mark Excel needs to read UTF-8
  for (std::size_t c = 0; c < table.columns.size(); ++c) {
    out << (c ? "," : "") << CsvField(ColumnLabel(table.columns[c], language));
  }
  out << "\r\n";
  const auto write = [&](const app::ReportRow& row, bool totals) {
    const std::vector<ReportCell> cells = Labelled(row, totals, language);
    for (std::size_t c = 0; c < cells.size(); ++c) {
      const std::string text = CellText(table, c, cells[c]);
      // Figures are written as they are (a negative amount is not a formula); text is defused.
      out << (c ? "," : "") << (std::holds_alternative<std::string>(cells[c]) ? CsvField(text) : text);
    }
    out << "\r\n";
  };
  for (const app::ReportRow& row : table.rows) write(row, false);
  if (table.totals) write(*table.totals, true);
}

Status WriteReportXlsx(const ReportTable& table, Language language, const std::string& path) {
  lxw_workbook* book = workbook_new(path.c_str());
  if (!book) return Fail(Error{ErrorCode::kUnavailable, "cannot create " + path, "out"});
  // Sheet names: at most 31 characters, none of []:*?/\ (report names have none).
  lxw_worksheet* sheet = workbook_add_worksheet(book, table.name.c_str());
  lxw_format* title = workbook_add_format(book);
  format_set_bold(title);
  format_set_font_size(title, 13);
  lxw_format* header = workbook_add_format(book);
  format_set_bold(header);
  format_set_bg_color(header, 0xE8EEF7);
  format_set_border(header, LXW_BORDER_THIN);
  format_set_text_wrap(header);
  const int digits = MinorDigitsOf(table);
  const std::string money_format = digits == 0 ? "#,##0" : "#,##0." + std::string(static_cast<std::size_t>(digits), '0');
  struct Formats {
    lxw_format* money;
    lxw_format* rate;
    lxw_format* number;
    lxw_format* text;
  };
  const auto formats = [&](bool bold) {
    Formats f{workbook_add_format(book), workbook_add_format(book), workbook_add_format(book),
              workbook_add_format(book)};
    format_set_num_format(f.money, money_format.c_str());
    format_set_num_format(f.rate, "0.00%");
    format_set_num_format(f.number, "0.0");
    if (bold) {
      for (lxw_format* each : {f.money, f.rate, f.number, f.text}) format_set_bold(each);
    }
    return f;
  };
  const Formats plain = formats(false);
  const Formats bold = formats(true);
  worksheet_write_string(sheet, 0, 0, Title(table, language).c_str(), title);
  for (std::size_t c = 0; c < table.columns.size(); ++c) {
    const auto col = static_cast<lxw_col_t>(c);
    worksheet_write_string(sheet, 1, col, ColumnLabel(table.columns[c], language).c_str(), header);
    worksheet_set_column(sheet, col, col, table.columns[c].kind == ColumnKind::kText ? 16 : 14, nullptr);
  }
  worksheet_freeze_panes(sheet, 2, 0);  // the title and the header stay in view
  const double minor_per_unit = std::pow(10.0, digits);
  lxw_row_t r = 2;
  const auto write = [&](const app::ReportRow& row, bool totals) {
    const Formats& f = totals ? bold : plain;
    const std::vector<ReportCell> cells = Labelled(row, totals, language);
    for (std::size_t c = 0; c < cells.size(); ++c) {
      const auto col = static_cast<lxw_col_t>(c);
      const ReportCell& cell = cells[c];
      if (const auto* text = std::get_if<std::string>(&cell)) {
        worksheet_write_string(sheet, r, col, text->c_str(), f.text);
      } else if (const auto* fraction = std::get_if<Fraction>(&cell)) {
        if (fraction->defined()) worksheet_write_number(sheet, r, col, fraction->value(), f.rate);
      } else if (const auto* number = std::get_if<std::int64_t>(&cell)) {
        switch (table.columns.at(c).kind) {
          case ColumnKind::kMoney:
            worksheet_write_number(sheet, r, col, static_cast<double>(*number) / minor_per_unit, f.money);
            break;
          case ColumnKind::kNumber:
            worksheet_write_number(sheet, r, col, static_cast<double>(*number) / 1000.0, f.number);
            break;
          default: worksheet_write_number(sheet, r, col, static_cast<double>(*number), f.text); break;
        }
      }
    }
    ++r;
  };
  for (const app::ReportRow& row : table.rows) write(row, false);
  if (table.totals) write(*table.totals, true);
  if (const lxw_error error = workbook_close(book); error != LXW_NO_ERROR) {
    return Fail(Error{ErrorCode::kUnavailable, "cannot write " + path + ": " + lxw_strerror(error), "out"});
  }
  return Ok{};
}

}  // namespace arrears::files
