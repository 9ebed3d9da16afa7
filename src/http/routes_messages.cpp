// Messages: templates (listed, saved as a new version, previewed for a case),
// a case's SMS and email (queued, listed with their delivery), and what the
// SMS provider posts back — delivery receipts and the debtors' replies —
// authenticated by the shared token of the channels' configuration.
#include <algorithm>
#include <boost/json.hpp>
#include <openssl/crypto.h>

#include "app/workflow/letters.hpp"
#include "app/workflow/messages.hpp"
#include "http/api.hpp"
#include "http/use_case_call.hpp"

namespace arrears::http {

namespace json = boost::json;
using app::Role;

namespace {

json::value TemplateJson(const policy::MessageTemplate& t) {
  return json::object{{"id", t.id},           {"language", t.language}, {"version", t.version},
                      {"channel", policy::ChannelName(t.channel)}, {"subject", t.subject}, {"body", t.body}};
}

json::value MessageJson(const app::OutboxEntry& e) {
  return json::object{{"id", e.id},
                      {"channel", e.channel},
                      {"to", e.recipient_masked},
                      {"template", e.template_id},
                      {"template_language", e.template_language},
                      {"template_version", e.template_version},
                      {"segments", e.segments},
                      {"status", e.status},
                      {"reason", e.reason},
                      {"attempts", e.attempts},
                      {"next_attempt_at", e.next_attempt_at},
                      {"queued_by", e.queued_by},
                      {"queued_at", e.queued_at},
                      {"sent_at", e.sent_at},
                      {"delivered_at", e.delivered_at}};
}

// The provider's callback carries the shared token; compared in constant time.
bool TokenMatches(const Request& request, const std::string& expected) {
  const auto found = request.headers.find("x-arrears-token");
  if (expected.empty() || found == request.headers.end() || found->second.size() != expected.size()) return false;
  return CRYPTO_memcmp(found->second.data(), expected.data(), expected.size()) == 0;
}

std::string WordOf(const json::object& body, const std::string& field) {
  const json::value* value = body.if_contains(field);
  if (!value) return "";
  if (value->is_string()) return std::string(value->as_string());
  if (value->is_int64()) return std::to_string(value->as_int64());
  return "";
}

// Runs a callback's use case as "system" in one transaction; the problem names what was wrong.
Response AsSystem(const ApiServices& services, const std::function<Status(app::WorkflowContext&)>& use_case,
                  json::object answer) {
  if (auto status = RunAsSystem(services, CurrentSession(), use_case); !status) return ProblemFrom(status.error());
  return JsonResponse(200, answer);
}

}  // namespace

void AddMessageRoutes(Router& router, const ApiServices& services) {
  router.Add({"GET", "/api/v1/templates", Access::kRead, {}, [](Call& call) {
                return Work(call, false, 200, [](app::WorkflowContext& c) -> Outcome {
                  ARREARS_TRY(templates, app::ListTemplates(c));
                  json::array items;
                  for (const policy::MessageTemplate& t : templates) items.push_back(TemplateJson(t));
                  return json::value(json::object{{"items", std::move(items)}});
                });
              }});
  router.Add({"POST", "/api/v1/templates", Access::kWrite, {Role::kAdmin, Role::kCompliance, Role::kSupervisor},
              [](Call& call) {
                auto body = JsonBody::Parse(call.request.body, {"id", "channel", "language", "subject", "body"});
                if (!body) return ProblemFrom(body.error());
                return Work(call, true, 201, [&](app::WorkflowContext& c) -> Outcome {
                  policy::MessageTemplate draft;
                  ARREARS_TRY(id, body->Text("id"));
                  ARREARS_TRY(channel, body->Text("channel"));
                  ARREARS_TRY(language, body->Text("language"));
                  ARREARS_TRY(subject, body->Text("subject", false));
                  ARREARS_TRY(text, body->Text("body"));
                  const auto parsed = policy::ParseChannel(channel);
                  if (!parsed) return Fail("channel is sms, email or letter, not '" + channel + "'", "channel");
                  draft.id = id;
                  draft.channel = *parsed;
                  draft.language = language;
                  draft.subject = subject;
                  draft.body = text;
                  ARREARS_TRY(version, app::SaveTemplate(c, draft));
                  draft.version = version;
                  return TemplateJson(draft);
                });
              }});
  router.Add({"GET", "/api/v1/cases/{id}/templates/{template}/preview", Access::kRead, {},
              OnCase(false, 200, {}, [](app::WorkflowContext& c, Call& call, CaseId id, const JsonBody&) -> Outcome {
                const auto language = call.request.query.find("language");
                ARREARS_TRY(rendered, app::RenderForCase(c, id, call.params.at("template"),
                                                         language == call.request.query.end() ? "" : language->second));
                return Done({{"template", rendered.source.id},
                             {"language", rendered.source.language},
                             {"version", rendered.source.version},
                             {"subject", rendered.subject},
                             {"body", rendered.body},
                             {"segments", rendered.segments}});
              })});
  router.Add({"GET", "/api/v1/cases/{id}/messages", Access::kRead, {},
              OnCase(false, 200, {}, [](app::WorkflowContext& c, Call&, CaseId id, const JsonBody&) -> Outcome {
                ARREARS_TRY(entries, app::CaseMessages(c, id));
                json::array items;
                for (const app::OutboxEntry& e : entries) items.push_back(MessageJson(e));
                return json::value(json::object{{"case", id.value}, {"items", std::move(items)}});
              })});
  router.Add({"POST", "/api/v1/cases/{id}/messages", Access::kWrite, kWorkers,
              OnCase(true, 202, {"channel", "template", "language", "contact_point"},
                     [](app::WorkflowContext& c, Call&, CaseId id, const JsonBody& b) -> Outcome {
                       app::MessageRequest request;
                       ARREARS_TRY(channel, b.Text("channel"));
                       ARREARS_TRY(template_id, b.Text("template"));
                       ARREARS_TRY(language, b.Text("language", false));
                       ARREARS_TRY(point, b.Integer("contact_point"));
                       request.channel = channel;
                       request.template_id = template_id;
                       request.language = language;
                       request.contact_point_id = point;
                       ARREARS_TRY(queued, app::QueueMessage(c, id, request));
                       json::array reasons;
                       for (const std::string& reason : queued.reasons) reasons.push_back(json::value(reason));
                       return Done({{"message", queued.outbox_id},
                                    {"status", queued.status},
                                    {"next_attempt_at", queued.next_attempt_at},
                                    {"segments", queued.segments},
                                    {"reasons", std::move(reasons)}});
                     })});
  // A formal letter typeset as PDF and kept on the case (downloaded as any of the case's documents).
  router.Add({"POST", "/api/v1/cases/{id}/letters/issue", Access::kWrite, {},
              [&services](Call& call) {
                if (!services.letters) return Problem(503, "Service Unavailable", "this server does not typeset letters");
                auto id = CaseParam(call);
                if (!id) return ProblemFrom(id.error());
                auto body = JsonBody::Parse(call.request.body, {"type"});
                if (!body) return ProblemFrom(body.error());
                return Work(call, true, 201, [&](app::WorkflowContext& c) -> Outcome {
                  ARREARS_TRY(type, body->Text("type"));
                  const auto kind = app::ParseLetterKind(type);
                  if (!kind) return Fail("type is collection, lawyer, plan, settlement or dispute, not '" + type + "'", "type");
                  ARREARS_TRY(issued, app::IssueLetter(c, *services.letters, *id, *kind));
                  return Done({{"document", issued.document.id},
                               {"file_name", issued.document.file_name},
                               {"bytes", issued.document.size_bytes},
                               {"sha256", issued.document.sha256},
                               {"download", "/api/v1/cases/" + std::to_string(id->value) + "/documents/" +
                                                std::to_string(issued.document.id)}});
                });
              }});
  // The SMS provider's callbacks: no session, the shared token instead.
  router.Add({"POST", "/api/v1/channels/sms/receipts", Access::kPublic, {}, [&services](Call& call) {
                const SmsCallbacks& sms = services.sms_callbacks;
                if (!TokenMatches(call.request, sms.token)) {
                  return Problem(401, "Unauthorized", "the callback's X-Arrears-Token is missing or wrong");
                }
                boost::system::error_code error;
                const json::value parsed = json::parse(call.request.body, error);
                if (error || !parsed.is_object()) return Problem(400, "Bad Request", "the receipt is not a JSON object");
                const std::string id = WordOf(parsed.as_object(), sms.id_field);
                const std::string word = WordOf(parsed.as_object(), sms.status_field);
                if (id.empty()) return Problem(400, "Bad Request", "the receipt has no " + sms.id_field, sms.id_field);
                const auto is = [&](const std::vector<std::string>& words) {
                  return std::find(words.begin(), words.end(), word) != words.end();
                };
                const std::string status = is(sms.delivered) ? app::kDelivered : is(sms.failed) ? app::kBounced : "";
                if (status.empty()) {
                  return Problem(400, "Bad Request", "the receipt's " + sms.status_field + " '" + word + "' is not known",
                                 sms.status_field);
                }
                return AsSystem(services, [&](app::WorkflowContext& c) {
                  return app::RecordReceipt(c, "sms", id, status, status == app::kDelivered ? "" : "provider: " + word);
                }, {{"message_id", id}, {"status", status}});
              }});
  router.Add({"POST", "/api/v1/channels/sms/replies", Access::kPublic, {}, [&services](Call& call) {
                if (!TokenMatches(call.request, services.sms_callbacks.token)) {
                  return Problem(401, "Unauthorized", "the callback's X-Arrears-Token is missing or wrong");
                }
                auto body = JsonBody::Parse(call.request.body, {"from", "text"});
                if (!body) return ProblemFrom(body.error());
                auto from = body->Text("from");
                if (!from) return ProblemFrom(from.error());
                auto text = body->Text("text");
                if (!text) return ProblemFrom(text.error());
                app::ReplyRecorded recorded;
                if (auto status = RunAsSystem(services, CurrentSession(), [&](app::WorkflowContext& c) -> Status {
                      auto result = app::RecordReply(c, "sms", *from, *text);
                      if (!result) return Fail(result.error());
                      recorded = *result;
                      return Ok{};
                    });
                    !status) {
                  return ProblemFrom(status.error());
                }
                return JsonResponse(200, json::object{{"matched", recorded.matched}, {"opted_out", recorded.opted_out}});
              }});
}

}  // namespace arrears::http
