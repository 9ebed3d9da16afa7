// /api/v1/reports: the managers' reports (docs/measures.md) for a period and a
// filter given in the query, as JSON, CSV or XLSX (format=), and the cases
// behind a row (/cases, the row's drill filter added to the query). A team
// lead's reports cover their own team.
#include <unistd.h>

#include <boost/json.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <cstdio>

#include "app/reports/reports.hpp"
#include "files/report_export.hpp"
#include "http/api.hpp"
#include "http/problem.hpp"
#include "http/report_json.hpp"
#include "http/use_case_call.hpp"
#include "store/reports/sql_report_store.hpp"

namespace arrears::http {

namespace {

namespace json = boost::json;
using app::Role;

const std::vector<Role> kReaders = {Role::kTeamLead, Role::kSupervisor, Role::kCompliance, Role::kAuditor};

// The query's report parameters (everything but the output's own), and the filter they make.
Result<app::ReportFilter> FilterOf(const Call& call) {
  app::Parameters parameters;
  for (const auto& [name, value] : call.request.query) {
    if (name != "format" && name != "lang" && name != "limit" && name != "offset") parameters.emplace_back(name, value);
  }
  auto filter = app::ParseReportFilter(parameters);
  if (!filter) return filter;
  const app::UserAccount& user = call.principal->user;
  if (user.role == Role::kTeamLead) {
    if (!filter->team.empty() && filter->team != user.team) {
      return Fail(Error{ErrorCode::kPermissionDenied, "a team lead's reports cover their own team (" + user.team + ")",
                        "team"});
    }
    filter->team = user.team;
  }
  return filter;
}

std::string QueryValue(const Call& call, const char* name, const std::string& otherwise) {
  const auto found = call.request.query.find(name);
  return found == call.request.query.end() || found->second.empty() ? otherwise : found->second;
}

Result<std::int64_t> Bounded(const Call& call, const char* name, std::int64_t otherwise, std::int64_t low,
                             std::int64_t high) {
  const std::string text = QueryValue(call, name, std::to_string(otherwise));
  try {
    std::size_t used = 0;
    const std::int64_t value = std::stoll(text, &used);
    if (used == text.size() && value >= low && value <= high) return value;
  } catch (const std::exception&) {
  }
  return Fail(std::string(name) + " must be a whole number from " + std::to_string(low) + " to " +
                  std::to_string(high),
              name);
}

std::string FileName(const app::ReportTable& table, const std::string& extension) {
  return table.name + "-" + table.from + "-" + table.to + "." + extension;
}

// libxlsxwriter writes files: the workbook goes through a temporary file of the server's own.
Result<std::string> XlsxBytes(const app::ReportTable& table, files::Language language) {
  std::string name = (std::filesystem::temp_directory_path() / "arrears-report-XXXXXX.xlsx").string();
  const int descriptor = mkstemps(name.data(), 5);
  if (descriptor < 0) return Fail(Error{ErrorCode::kUnavailable, "cannot create a temporary file", "format"});
  close(descriptor);
  auto written = files::WriteReportXlsx(table, language, name);
  std::string bytes;
  if (written) {
    std::ifstream in(name, std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  std::remove(name.c_str());
  if (!written) return Fail(written.error());
  return bytes;
}

}  // namespace

void AddReportRoutes(Router& router, const ApiServices& services) {
  router.Add({"GET", "/api/v1/reports", Access::kRead, kReaders, [](Call&) {
                json::array items;
                for (const app::ReportInfo& info : app::Reports()) {
                  json::array groupings;
                  for (const std::string& g : info.groupings) groupings.push_back(json::value(g));
                  items.push_back({{"name", info.name},
                                   {"title", {{"zh-CN", info.title_zh}, {"en", info.title_en}}},
                                   {"groupings", std::move(groupings)},
                                   {"drills", info.drills}});
                }
                return JsonResponse(200, json::object{{"items", std::move(items)}});
              }});
  router.Add({"GET", "/api/v1/reports/{name}", Access::kRead, kReaders, [&services](Call& call) {
                const std::string format = QueryValue(call, "format", "json");
                const std::string lang = QueryValue(call, "lang", "zh-CN");
                if (format != "json" && format != "csv" && format != "xlsx") {
                  return Problem(400, "Bad request", "format must be json, csv or xlsx", "format");
                }
                if (lang != "zh-CN" && lang != "en") return Problem(400, "Bad request", "lang must be zh-CN or en", "lang");
                auto filter = FilterOf(call);
                if (!filter) return ProblemFrom(filter.error());
                store::SqlReportStore store(CurrentSession());
                // A second session if the pool has one free (never waited for while holding the first): the
                // scorecards then read the facts and the activity at the same time.
                auto lease = services.database.TryAcquire();
                std::optional<store::SqlReportStore> side;
                if (lease) side.emplace(**lease);
                auto run = app::RunReport(store, call.params.at("name"), *filter, false, side ? &*side : nullptr);
                if (!run) return ProblemFrom(run.error());
                if (format == "json") return JsonResponse(200, ReportToJson(run->table));
                const files::Language language = lang == "en" ? files::Language::kEnglish : files::Language::kChinese;
                Response response;
                if (format == "csv") {
                  std::ostringstream out;
                  files::WriteReportCsv(run->table, language, out);
                  response.Set("Content-Type", "text/csv; charset=utf-8");
                  response.body = out.str();
                } else {
                  auto bytes = XlsxBytes(run->table, language);
                  if (!bytes) return ProblemFrom(bytes.error());
                  response.Set("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
                  response.body = std::move(*bytes);
                }
                response.Set("Content-Disposition",
                             "attachment; filename=\"" + FileName(run->table, format) + "\"");
                return response;
              }});
  router.Add({"GET", "/api/v1/reports/{name}/cases", Access::kRead, kReaders, [&services](Call& call) {
                auto filter = FilterOf(call);
                if (!filter) return ProblemFrom(filter.error());
                auto limit = Bounded(call, "limit", 200, 1, 5000);
                if (!limit) return ProblemFrom(limit.error());
                auto offset = Bounded(call, "offset", 0, 0, 100'000'000);
                if (!offset) return ProblemFrom(offset.error());
                store::SqlReportStore store(CurrentSession());
                auto lease = services.database.TryAcquire();
                std::optional<store::SqlReportStore> side;
                if (lease) side.emplace(**lease);
                auto run = app::RunReport(store, call.params.at("name"), *filter, true, side ? &*side : nullptr);
                if (!run) return ProblemFrom(run.error());
                std::vector<app::ReportCase>& cases = run->cases;
                std::sort(cases.begin(), cases.end(), [](const app::ReportCase& a, const app::ReportCase& b) {
                  return std::pair(a.case_id, a.detail) < std::pair(b.case_id, b.detail);
                });
                const std::size_t total = cases.size();
                const auto first = std::min(total, static_cast<std::size_t>(*offset));
                const auto last = std::min(total, first + static_cast<std::size_t>(*limit));
                json::object out = ReportCasesToJson(
                    run->table, std::vector<app::ReportCase>(cases.begin() + static_cast<std::ptrdiff_t>(first),
                                                             cases.begin() + static_cast<std::ptrdiff_t>(last)));
                out["count"] = total;
                out["offset"] = first;
                return JsonResponse(200, out);
              }});
}

}  // namespace arrears::http
