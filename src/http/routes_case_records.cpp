// What hangs off a case beyond its course: the customer and their contact
// points, the situation (why behind, what they can pay), payments, documents
// (multipart upload, download), field visits, legal matters, and the
// compliance check a dialer asks before it dials. Scope is the use cases'.
#include <boost/json.hpp>

#include "app/workflow/contacts.hpp"
#include "app/workflow/customers.hpp"
#include "app/workflow/documents.hpp"
#include "app/workflow/escalation.hpp"
#include "http/api.hpp"
#include "http/multipart.hpp"
#include "http/use_case_call.hpp"

namespace arrears::http {

namespace {

namespace json = boost::json;
using app::Role;

json::value ContactJudgementJson(const app::ContactLogged& logged) {
  json::array reasons;
  for (const std::string& r : logged.reasons) reasons.push_back(json::string(r));
  json::object out{{"made", logged.made}, {"verdict", logged.verdict}, {"reasons", std::move(reasons)}};
  if (logged.attempt_id) out["attempt"] = logged.attempt_id;
  return out;
}

Result<app::Upload> UploadFrom(const Request& request) {
  auto parts = ParseMultipart(request.Header("content-type"), request.body);
  if (!parts) return Fail(parts.error());
  app::Upload upload;
  bool has_file = false;
  for (FormPart& part : *parts) {
    if (part.name == "file") {
      has_file = true;
      upload.file_name = std::move(part.file_name);
      upload.content = std::move(part.body);
      if (part.content_type == "application/pdf") upload.declared = DocumentType::kPdf;
      if (part.content_type == "image/jpeg") upload.declared = DocumentType::kJpeg;
      if (part.content_type == "image/png") upload.declared = DocumentType::kPng;
    } else if (part.name == "kind") {
      upload.kind = part.body;
    } else {
      return Fail("unknown form field '" + part.name + "' (file, kind)", part.name);
    }
  }
  if (!has_file) return Fail("the form has no 'file' field", "file");
  if (upload.file_name.empty()) return Fail("the file has no name", "file");
  return upload;
}

}  // namespace

void AddCaseRecordRoutes(Router& router) {
  router.Add({"POST", "/api/v1/customers/search", Access::kWrite, {}, [](Call& call) {
                auto body = JsonBody::Parse(call.request.body, std::vector<const char*>{"kind", "value"});
                if (!body) return ProblemFrom(body.error());
                return Work(call, false, 200, [&](app::WorkflowContext& c) -> Outcome {
                  ARREARS_TRY(kind, body->Text("kind"));
                  ARREARS_TRY(value, body->Text("value"));
                  ARREARS_TRY(matches, app::FindCustomers(c, kind, value));
                  json::array items;
                  for (const app::CustomerMatch& m : matches) items.push_back(CustomerMatchToJson(m));
                  return json::value(json::object{{"items", std::move(items)}});
                });
              }});
  router.Add({"GET", "/api/v1/customers/{ref}", Access::kRead, {}, [](Call& call) {
                return Work(call, false, 200, [&](app::WorkflowContext& c) -> Outcome {
                  ARREARS_TRY(record, app::ShowCustomer(c, call.params.at("ref")));
                  return json::value(CustomerToJson(record));
                });
              }});
  router.Add({"GET", "/api/v1/cases/{id}/payments", Access::kRead, {},
              OnCase(false, 200, {}, [](app::WorkflowContext& c, Call&, CaseId id, const JsonBody&) -> Outcome {
                ARREARS_TRY(payments, app::CasePayments(c, id));
                json::array items;
                for (const app::CasePayment& p : payments) items.push_back(PaymentToJson(p));
                return json::value(json::object{{"case", id.value}, {"items", std::move(items)}});
              })});
  router.Add({"POST", "/api/v1/cases/{id}/contact-points", Access::kWrite, kWorkers,
              OnCase(true, 201, {"kind", "value", "relation", "source"},
                     [](app::WorkflowContext& c, Call&, CaseId id, const JsonBody& b) -> Outcome {
                       app::NewContactPoint point;
                       ARREARS_TRY(kind, b.Text("kind"));
                       ARREARS_TRY(value, b.Text("value"));
                       ARREARS_TRY(relation, b.Text("relation", false));
                       ARREARS_TRY(source, b.Text("source", false));
                       point.kind = kind;
                       point.value = value;
                       if (!relation.empty()) point.relation = relation;
                       point.source = source.empty() ? "collector" : source;
                       ARREARS_TRY(added, app::AddContactPoint(c, id, point));
                       return Done({{"contact_point", added}});
                     })});
  router.Add({"POST", "/api/v1/cases/{id}/contact-points/{point}/status", Access::kWrite, kWorkers,
              OnCase(true, 200, {"status", "source"},
                     [](app::WorkflowContext& c, Call& call, CaseId id, const JsonBody& b) -> Outcome {
                       ARREARS_TRY(point, IdParam(call, "point"));
                       ARREARS_TRY(status, b.Text("status"));
                       ARREARS_TRY(source, b.Text("source", false));
                       if (auto set = app::SetContactPointStatus(c, id, point, status, source.empty() ? "collector" : source);
                           !set) {
                         return Fail(set.error());
                       }
                       return Done({{"contact_point", point}, {"status", status}});
                     })});
  router.Add({"POST", "/api/v1/cases/{id}/situation", Access::kWrite, kWorkers,
              OnCase(true, 200, {"reason", "income", "expenses", "other_debt_payments"},
                     [](app::WorkflowContext& c, Call&, CaseId id, const JsonBody& b) -> Outcome {
                       app::SituationRequest request;
                       ARREARS_TRY(reason, b.Text("reason", false));
                       ARREARS_TRY(income, b.Text("income", false));
                       ARREARS_TRY(expenses, b.Text("expenses", false));
                       ARREARS_TRY(other, b.Text("other_debt_payments", false));
                       if (!reason.empty()) {
                         request.reason = ParseDelinquencyReason(reason);
                         if (!request.reason) {
                           return Fail("reason is job_loss, illness, business_failure, forgot, dispute, fraud, "
                                       "unwilling or other",
                                       "reason");
                         }
                       }
                       if (!income.empty() || !expenses.empty()) {
                         if (income.empty()) return Fail("give income with expenses", "income");
                         if (expenses.empty()) return Fail("give expenses with income", "expenses");
                         ARREARS_TRY(in, ParseAmount(income, Currency::kCNY, "income"));
                         ARREARS_TRY(out, ParseAmount(expenses, Currency::kCNY, "expenses"));
                         ARREARS_TRY(debts, ParseAmount(other.empty() ? "0" : other, Currency::kCNY,
                                                        "other_debt_payments"));
                         request.finances = FinancialSituation{in, out, debts};
                       }
                       if (!request.reason && !request.finances) {
                         return Fail("give a reason, or income and expenses", "reason");
                       }
                       ARREARS_TRY(capacity, app::RecordSituation(c, id, request));
                       return Done({{"case", id.value},
                                    {"repayment_capacity", capacity ? json::value(FormatAmount(*capacity)) : nullptr}});
                     })});
  router.Add({"GET", "/api/v1/cases/{id}/documents", Access::kRead, {},
              OnCase(false, 200, {}, [](app::WorkflowContext& c, Call&, CaseId id, const JsonBody&) -> Outcome {
                ARREARS_TRY(documents, app::ListDocuments(c, id));
                json::array items;
                for (const app::DocumentInfo& d : documents) items.push_back(DocumentInfoToJson(d));
                return json::value(json::object{{"case", id.value}, {"items", std::move(items)}});
              })});
  router.Add({"POST", "/api/v1/cases/{id}/documents", Access::kWrite, {}, [](Call& call) {
                auto id = CaseParam(call);
                if (!id) return ProblemFrom(id.error());
                auto upload = UploadFrom(call.request);
                if (!upload) return ProblemFrom(upload.error());
                return Work(call, true, 201, [&](app::WorkflowContext& c) -> Outcome {
                  ARREARS_TRY(info, app::UploadDocument(c, *id, *upload));
                  return json::value(DocumentInfoToJson(info));
                });
              }});
  router.Add({"GET", "/api/v1/cases/{id}/documents/{document}", Access::kRead, {}, [](Call& call) {
                auto id = CaseParam(call);
                if (!id) return ProblemFrom(id.error());
                auto document_id = IdParam(call, "document");
                if (!document_id) return ProblemFrom(document_id.error());
                app::Document document;
                Response answer = Work(call, false, 200, [&](app::WorkflowContext& c) -> Outcome {
                  ARREARS_TRY(found, app::DownloadDocument(c, *id, *document_id));
                  document = std::move(found);
                  return json::value(nullptr);
                });
                if (answer.status != 200) return answer;
                Response response;
                response.Set("Content-Type", document.info.media_type);
                response.Set("Content-Disposition", "attachment; filename*=UTF-8''" + PercentEncode(document.info.file_name));
                response.Set("X-Content-Type-Options", "nosniff");
                response.Set("Cache-Control", "private, no-store");
                response.body = std::move(document.content);
                return response;
              }});
  router.Add({"POST", "/api/v1/cases/{id}/visits", Access::kWrite, kWorkers,
              OnCase(true, 201, {"date", "collectors"},
                     [](app::WorkflowContext& c, Call&, CaseId id, const JsonBody& b) -> Outcome {
                       ARREARS_TRY(date, DateField(b, "date"));
                       ARREARS_TRY(collectors, b.TextList("collectors"));
                       ARREARS_TRY(visit, app::ScheduleFieldVisit(c, id, date, collectors));
                       return Done({{"visit", visit}});
                     })});
  router.Add({"POST", "/api/v1/cases/{id}/visits/{visit}/result", Access::kWrite, kWorkers,
              OnCase(true, 200, {"outcome", "result"},
                     [](app::WorkflowContext& c, Call& call, CaseId id, const JsonBody& b) -> Outcome {
                       ARREARS_TRY(visit, IdParam(call, "visit"));
                       ARREARS_TRY(outcome, b.Text("outcome"));
                       ARREARS_TRY(result, b.Text("result", false));
                       ARREARS_TRY(logged, app::RecordFieldVisit(c, id, visit, outcome, result));
                       return ContactJudgementJson(logged);
                     })});
  router.Add({"POST", "/api/v1/cases/{id}/legal/{matter}", Access::kWrite, {Role::kSupervisor, Role::kLegal},
              OnCase(true, 200,
                     {"status", "court", "court_case_number", "filed_on", "next_hearing_on", "judgment_amount",
                      "judgment_on", "enforcement", "assets_frozen", "add_costs"},
                     [](app::WorkflowContext& c, Call& call, CaseId id, const JsonBody& b) -> Outcome {
                       ARREARS_TRY(matter, IdParam(call, "matter"));
                       app::LegalUpdate update;
                       for (auto [field, target] : {std::pair{"status", &update.status}, std::pair{"court", &update.court},
                                                    std::pair{"court_case_number", &update.court_case_number},
                                                    std::pair{"enforcement", &update.enforcement}}) {
                         ARREARS_TRY(text, b.Text(field, false));
                         if (!text.empty()) *target = text;
                       }
                       for (auto [field, target] : {std::pair{"filed_on", &update.filed_on},
                                                    std::pair{"next_hearing_on", &update.next_hearing_on},
                                                    std::pair{"judgment_on", &update.judgment_on}}) {
                         ARREARS_TRY(date, OptionalDateField(b, field));
                         *target = date;
                       }
                       for (auto [field, target] : {std::pair{"judgment_amount", &update.judgment_amount},
                                                    std::pair{"add_costs", &update.add_costs}}) {
                         ARREARS_TRY(text, b.Text(field, false));
                         if (text.empty()) continue;
                         ARREARS_TRY(amount, ParseAmount(text, Currency::kCNY, field));
                         *target = amount;
                       }
                       ARREARS_TRY(frozen, b.Boolean("assets_frozen"));
                       if (frozen) update.assets_frozen = true;
                       if (auto updated = app::UpdateLegalMatter(c, id, matter, update); !updated) {
                         return Fail(updated.error());
                       }
                       return Done({{"legal_matter", matter}});
                     })});
  router.Add({"POST", "/api/v1/cases/{id}/legal/{matter}/return", Access::kWrite, {Role::kSupervisor, Role::kLegal},
              OnCase(true, 200, {"reason"},
                     [](app::WorkflowContext& c, Call& call, CaseId id, const JsonBody& b) -> Outcome {
                       ARREARS_TRY(matter, IdParam(call, "matter"));
                       ARREARS_TRY(reason, b.Text("reason"));
                       if (auto returned = app::ReturnFromLegal(c, id, matter, reason); !returned) {
                         return Fail(returned.error());
                       }
                       return Done({{"legal_matter", matter}, {"status", "returned"}});
                     })});
  router.Add({"POST", "/api/v1/compliance/check", Access::kWrite, {}, [](Call& call) {
                auto body = JsonBody::Parse(call.request.body, std::vector<const char*>{"contacts"});
                if (!body) return ProblemFrom(body.error());
                return Work(call, false, 200, [&](app::WorkflowContext& c) -> Outcome {
                  ARREARS_TRY(contacts, body->ObjectList("contacts", {"case", "channel", "party", "contact_point",
                                                                      "message", "collectors"}));
                  if (contacts.empty()) return Fail("give at least one contact to check", "contacts");
                  if (contacts.size() > 1000) return Fail("check at most 1000 contacts at a time", "contacts");
                  json::array items;
                  for (std::size_t i = 0; i < contacts.size(); ++i) {
                    const JsonBody& item = contacts[i];
                    const std::string at = "contacts[" + std::to_string(i) + "].";
                    auto result = [&]() -> Outcome {
                      ARREARS_TRY(case_id, item.Integer("case"));
                      if (!case_id) return Fail("give the case", "case");
                      app::ContactRequest request;
                      ARREARS_TRY(channel, item.Text("channel"));
                      ARREARS_TRY(party, item.Text("party", false));
                      ARREARS_TRY(point, item.Integer("contact_point"));
                      ARREARS_TRY(message, item.Text("message", false));
                      ARREARS_TRY(collectors, item.Integer("collectors"));
                      request.channel = channel;
                      if (!party.empty()) request.party = party;
                      request.contact_point_id = point;
                      request.message = message;
                      if (collectors) request.collectors = static_cast<int>(*collectors);
                      ARREARS_TRY(judged, app::CheckContact(c, CaseId{*case_id}, request));
                      json::value out = ContactJudgementJson(judged);
                      out.as_object()["case"] = *case_id;
                      return out;
                    }();
                    if (!result) {
                      // One contact that cannot be judged (out of scope, closed, a bad field) does not stop the rest.
                      const Error& error = result.error();
                      json::value case_value = nullptr;
                      if (auto case_id = item.Integer("case"); case_id && *case_id) case_value = **case_id;
                      items.push_back(json::object{{"case", case_value},
                                                   {"error", json::object{{"status", StatusOf(error.code)},
                                                                          {"detail", error.message},
                                                                          {"field", at + error.field}}}});
                      continue;
                    }
                    items.push_back(std::move(*result));
                  }
                  return json::value(json::object{{"items", std::move(items)}});
                });
              }});
}

}  // namespace arrears::http
