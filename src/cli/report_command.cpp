// arrears report NAME: a manager's report from the daily facts for a period
// (docs/measures.md), as a table on the terminal, CSV, XLSX or JSON; with
// --cases, the cases behind it instead. For scheduled jobs:
//   arrears report recovery --db URL --from 2026-09-01 --to 2026-11-30 --format xlsx --out recovery.xlsx
#include <CLI/CLI.hpp>
#include <boost/json.hpp>
#include <fstream>
#include <iostream>
#include <memory>

#include "app/reports/reports.hpp"
#include "cli/command.hpp"
#include "cli/database_options.hpp"
#include "cli/json_output.hpp"
#include "cli/text_table.hpp"
#include "cli/usage_error.hpp"
#include "files/report_export.hpp"
#include "http/report_json.hpp"
#include "store/reports/sql_report_store.hpp"

namespace arrears::cli {

namespace {

struct Options {
  DatabaseOptions database;
  std::string name;
  app::Parameters parameters;  // the filter, option by option
  std::string format = "table";
  std::string out;
  std::string lang = "zh-CN";
  bool cases = false;
};

const std::vector<const char*> kFilterOptions = {"from",  "to",        "currency", "product", "bucket",
                                                 "region", "team",     "collector", "agency", "strategy",
                                                 "by",    "month",     "to_state", "cohort"};

void Run(const Options& o, const Context& context) {
  if (o.format != "table" && o.format != "csv" && o.format != "xlsx" && o.format != "json") {
    throw UsageError("--format: table, csv, xlsx or json, not '" + o.format + "'");
  }
  if (o.lang != "zh-CN" && o.lang != "en") throw UsageError("--lang: zh-CN or en, not '" + o.lang + "'");
  if (o.format == "xlsx" && o.out.empty()) throw UsageError("--out: an XLSX report needs a file to go to");
  if (o.cases && (o.format == "xlsx" || o.format == "csv")) {
    throw UsageError("--cases: the cases behind a report come as a table or JSON");
  }
  auto filter = app::ParseReportFilter(o.parameters);
  if (!filter) throw UsageError("--" + filter.error().field + ": " + filter.error().message);
  auto database = OpenDatabaseOrFail(o.database);
  auto session = database->Acquire();
  RequireCurrentSchema(*session);
  store::SqlReportStore store(*session);
  // A second session: the scorecards read the facts and the activity at the same time.
  auto side_session = database->Acquire();
  store::SqlReportStore side(*side_session);
  auto run = app::RunReport(store, o.name, *filter, o.cases, &side);
  if (!run) {
    const std::string& field = run.error().field;
    throw UsageError((field == "report" ? std::string("NAME") : "--" + field) + ": " + run.error().message);
  }
  const files::Language language = o.lang == "en" ? files::Language::kEnglish : files::Language::kChinese;
  const app::ReportTable& table = run->table;
  if (o.format == "xlsx") {
    if (auto written = files::WriteReportXlsx(table, language, o.out); !written) {
      throw UsageError("--out: " + written.error().message);
    }
    std::cerr << "arrears report " << o.name << ": " << table.rows.size() << " rows to " << o.out << '\n';
    return;
  }
  std::ofstream file;
  if (!o.out.empty()) {
    file.open(o.out, std::ios::binary | std::ios::trunc);
    if (!file) throw UsageError("--out: cannot write " + o.out);
  }
  std::ostream& out = o.out.empty() ? context.out : file;
  if (o.format == "json") {
    PrintJson(out, o.cases ? http::ReportCasesToJson(table, run->cases) : http::ReportToJson(table));
  } else if (o.format == "csv") {
    files::WriteReportCsv(table, language, out);
  } else if (o.cases) {
    TextTable text({"customer", "case", "detail"});
    for (const app::ReportCase& c : run->cases) {
      text.AddRow({std::to_string(c.customer_id), std::to_string(c.case_id), c.detail});
    }
    text.Print(out);
  } else {
    std::vector<std::string> header;
    for (const app::ReportColumn& c : table.columns) header.push_back(files::ColumnLabel(c, language));
    TextTable text(header);
    const auto add = [&](const app::ReportRow& row, const std::string& label) {
      std::vector<std::string> cells;
      for (std::size_t c = 0; c < row.cells.size(); ++c) cells.push_back(files::CellText(table, c, row.cells[c]));
      if (!label.empty() && !cells.empty() && cells[0].empty()) cells[0] = label;
      text.AddRow(std::move(cells));
    };
    for (const app::ReportRow& row : table.rows) add(row, "");
    if (table.totals) add(*table.totals, language == files::Language::kEnglish ? "Total" : "合计");
    out << (language == files::Language::kEnglish ? table.title_en : table.title_zh) << "  " << table.from << " ~ "
        << table.to << "  " << table.currency << '\n';
    text.Print(out);
  }
  out.flush();
  if (!out) throw UsageError("--out: cannot write " + o.out);
}

}  // namespace

void AddReport(CLI::App& app, Selection& selection) {
  auto options = std::make_shared<Options>();
  std::string names;
  for (const app::ReportInfo& info : app::Reports()) names += (names.empty() ? "" : ", ") + info.name;
  CLI::App* command = app.add_subcommand("report", "Managers' reports from the daily facts (docs/measures.md)");
  AddDatabaseOptions(*command, options->database);
  command->add_option("name", options->name, names)->required();
  for (const char* name : kFilterOptions) {
    const std::string key = name;
    command
        ->add_option_function<std::string>(
            "--" + key, [options, key](const std::string& value) { options->parameters.emplace_back(key, value); },
            key == "from" || key == "to" ? "the period's " + std::string(key == "from" ? "first" : "last") +
                                               " day, YYYY-MM-DD"
                                         : "filter: " + key)
        ->required(key == "from" || key == "to");
  }
  command->add_option("--format", options->format, "table (default), csv, xlsx or json");
  command->add_option("--out", options->out, "the file to write (default: standard output)");
  command->add_option("--lang", options->lang, "zh-CN (default) or en: the labels");
  command->add_flag("--cases", options->cases, "list the cases behind the figures instead");
  OnChosen(*command, selection, options, &Run);
}

}  // namespace arrears::cli
