// /api/v1/imports: a lender's file uploaded (multipart: file, kind, partial,
// encoding), imported in the background, its progress polled, its rejected
// rows downloaded as CSV. Administrators and supervisors import.
#include <boost/json.hpp>

#include "app/workflow/commitments.hpp"
#include "files/csv_field.hpp"
#include "http/api.hpp"
#include "http/multipart.hpp"
#include "http/use_case_call.hpp"

namespace arrears::http {

namespace {

namespace json = boost::json;
using app::Role;

const std::vector<Role> kImporters = {Role::kAdmin, Role::kSupervisor};

json::object JobJson(const ImportJob& job) {
  json::object out{{"id", job.id},
                   {"status", job.status},
                   {"kind", std::string(app::ImportKindName(job.kind))},
                   {"file_name", job.file_name},
                   {"actor", job.actor},
                   {"partial", job.partial},
                   {"started_at", job.started_at},
                   {"finished_at", job.finished_at.empty() ? json::value(nullptr) : json::value(job.finished_at)},
                   {"read", job.rows_read},
                   {"inserted", job.summary.inserted},
                   {"updated", job.summary.updated},
                   {"unchanged", job.summary.unchanged},
                   {"rejected", job.summary.rejected},
                   {"batch", job.summary.batch_id ? json::value(*job.summary.batch_id) : nullptr},
                   {"error", job.error.empty() ? json::value(nullptr) : json::value(job.error)}};
  return out;
}

Result<ImportUpload> UploadFrom(const Call& call) {
  auto parts = ParseMultipart(call.request.Header("content-type"), call.request.body);
  if (!parts) return Fail(parts.error());
  ImportUpload upload;
  upload.actor = call.principal->user.login;
  bool has_file = false;
  bool has_kind = false;
  for (FormPart& part : *parts) {
    if (part.name == "file") {
      has_file = true;
      upload.file_name = std::move(part.file_name);
      upload.content = std::move(part.body);
    } else if (part.name == "kind") {
      const auto kind = app::ParseImportKind(part.body);
      if (!kind) return Fail("kind is customers, contacts, accounts or payments", "kind");
      upload.kind = *kind;
      has_kind = true;
    } else if (part.name == "partial") {
      if (part.body != "true" && part.body != "false") return Fail("partial is true or false", "partial");
      upload.partial = part.body == "true";
    } else if (part.name == "encoding") {
      if (part.body != "utf-8" && part.body != "gb18030") return Fail("encoding is utf-8 or gb18030", "encoding");
      upload.encoding = part.body;
    } else if (part.name == "format") {
      if (part.body != "csv" && part.body != "jsonl") return Fail("format is csv or jsonl", "format");
      upload.format = part.body;
    } else {
      return Fail("unknown form field '" + part.name + "' (file, kind, partial, encoding, format)", part.name);
    }
  }
  if (!has_file || upload.file_name.empty()) return Fail("the form has no 'file' field with a file name", "file");
  if (!has_kind) return Fail("give the kind: customers, contacts, accounts or payments", "kind");
  if (upload.file_name.ends_with(".jsonl")) upload.format = "jsonl";
  return upload;
}

}  // namespace

void EvaluateImportedPayments(const ApiServices& services, std::int64_t batch_id) {
  auto session = services.database.Acquire();
  const Status status = RunAsSystem(services, *session, [&](app::WorkflowContext& context) -> Status {
    auto evaluated = app::EvaluatePaidCases(context, batch_id);
    if (!evaluated) return Fail(evaluated.error());
    return Ok{};
  });
  if (!status) throw std::runtime_error("the payments were imported but judging them failed: " + status.error().message);
}

void AddImportRoutes(Router& router, const ApiServices& services, ImportJobs& jobs) {
  router.Add({"POST", "/api/v1/imports", Access::kWrite, kImporters, [&services, &jobs](Call& call) {
                auto upload = UploadFrom(call);
                if (!upload) return ProblemFrom(upload.error());
                const auto id = jobs.Start(std::move(*upload), app::FormatUtc(services.now()));
                if (!id) {
                  return Problem(429, "Too many imports",
                                 "two imports are running; try again when one has finished", "file");
                }
                Response response = JsonResponse(202, JobJson(*jobs.Find(*id)));
                response.Set("Location", "/api/v1/imports/" + std::to_string(*id));
                return response;
              }});
  router.Add({"GET", "/api/v1/imports", Access::kRead, kImporters, [&jobs](Call&) {
                json::array items;
                for (const ImportJob& job : jobs.List()) items.push_back(JobJson(job));
                return JsonResponse(200, json::object{{"items", std::move(items)}});
              }});
  router.Add({"GET", "/api/v1/imports/{import}", Access::kRead, kImporters, [&jobs](Call& call) {
                auto id = IdParam(call, "import");
                if (!id) return ProblemFrom(id.error());
                const auto job = jobs.Find(*id);
                if (!job) return Problem(404, "Not found", "no import " + call.params.at("import"), "import");
                return JsonResponse(200, JobJson(*job));
              }});
  router.Add({"GET", "/api/v1/imports/{import}/errors", Access::kRead, kImporters, [&jobs](Call& call) {
                auto id = IdParam(call, "import");
                if (!id) return ProblemFrom(id.error());
                const auto job = jobs.Find(*id);
                if (!job) return Problem(404, "Not found", "no import " + call.params.at("import"), "import");
                Response response;
                response.Set("Content-Type", "text/csv; charset=utf-8");
                response.Set("Content-Disposition", "attachment; filename=\"import-" + std::to_string(job->id) +
                                                        "-errors.csv\"");
                response.body = "line,column,message\n";
                if (!job->error.empty()) response.body += ",," + files::CsvField(job->error) + "\n";
                for (const app::Rejection& r : job->rejections) {
                  response.body += std::to_string(r.line) + "," + files::CsvField(r.column) + "," + files::CsvField(r.message) + "\n";
                }
                return response;
              }});
}

}  // namespace arrears::http
