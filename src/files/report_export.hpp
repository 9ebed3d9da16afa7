// Reports going out as files: CSV (UTF-8 with a byte-order mark, so that
// Excel reads the Chinese labels) and XLSX (libxlsxwriter: numbers stored as
// numbers with money, percent and score formats, the header row frozen, the
// totals row in bold). The text of a cell is the same everywhere it is shown.
#pragma once

#include <ostream>
#include <string>

#include "app/reports/report_table.hpp"
#include "core/result.hpp"

namespace arrears::files {

enum class Language { kChinese, kEnglish };

// A cell as the screen shows it: money "1234.56", a rate "12.34%" (empty when
// undefined), a score "87.5", a count "12".
std::string CellText(const app::ReportTable& table, std::size_t column, const app::ReportCell& cell);

const std::string& ColumnLabel(const app::ReportColumn& column, Language language);

void WriteReportCsv(const app::ReportTable& table, Language language, std::ostream& out);

// kUnavailable when the file cannot be written.
Status WriteReportXlsx(const app::ReportTable& table, Language language, const std::string& path);

}  // namespace arrears::files
