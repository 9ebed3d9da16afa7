// Running a use case for a route: see use_case_call.hpp.
#include "http/use_case_call.hpp"

#include <boost/json.hpp>
#include <charconv>

#include "http/api.hpp"
#include "store/idempotency.hpp"
#include "store/workflow/sql_workflow_store.hpp"

namespace arrears::http {

namespace json = boost::json;
using app::Role;

const std::vector<Role> kWorkers = {Role::kCollector, Role::kTeamLead, Role::kSupervisor, Role::kLegal,
                                    Role::kAgencyUser};
const std::vector<Role> kDeciders = {Role::kTeamLead, Role::kSupervisor};

Response JsonResponse(int status, const json::value& value) {
  Response response;
  response.status = status;
  response.Set("Content-Type", "application/json");
  response.body = json::serialize(value);
  return response;
}

// Runs `use_case` as the caller, in one transaction when it writes: committed
// when it succeeds, rolled back when it fails. Writes with an Idempotency-Key
// answer a repeat with the first answer.
Response Work(Call& call, bool write, int ok_status, const std::function<Outcome(app::WorkflowContext&)>& use_case) {
  const ApiServices& services = CurrentServices();
  store::Session& session = CurrentSession();
  const auto now = services.now();
  const std::string now_text = app::FormatUtc(now);
  const app::UserAccount& user = call.principal->user;
  const std::string key = write ? call.request.Header("idempotency-key") : "";
  const std::string request_hash =
      key.empty() ? "" : services.vault.KeyedHash("idempotency", call.request.method + " " + call.request.path + "\n" +
                                                                     call.request.body);
  if (write) session.Begin();
  try {
    if (!key.empty()) {
      if (auto stored = store::FindIdempotent(session, user.id, key)) {
        session.Rollback();
        if (stored->request_hash != request_hash) {
          return Problem(422, "Idempotency-Key reused", "this Idempotency-Key was used for a different request",
                         "Idempotency-Key");
        }
        Response replay = JsonResponse(stored->status, json::parse(stored->body));
        replay.Set("Idempotent-Replayed", "true");
        return replay;
      }
    }
    store::SqlWorkflowStore store(session, services.vault, user.login, now_text);
    const bool english = call.request.Header("accept-language").starts_with("en");
    const std::shared_ptr<const PackSnapshot> packs = services.packs.Current();
    app::WorkflowContext context{store,    services.vault, services.policy,  packs->pointers,
                                 app::Actor{user.login, user.role, user.team, user.agency},
                                 now,      now_text,       services.today(), english ? policy::Language::kEn : policy::Language::kZh};
    Outcome outcome = use_case(context);
    if (!outcome) {
      if (write) session.Rollback();
      return ProblemFrom(outcome.error());
    }
    const std::string body = json::serialize(*outcome);
    if (!key.empty()) store::SaveIdempotent(session, user.id, key, {request_hash, ok_status, body}, now_text);
    if (write) session.Commit();
    Response response;
    response.status = ok_status;
    response.Set("Content-Type", "application/json");
    response.body = body;
    return response;
  } catch (...) {
    if (write) session.Rollback();
    throw;
  }
}

Result<std::int64_t> IdParam(const Call& call, const char* name) {
  const std::string& text = call.params.at(name);
  std::int64_t id = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (ec != std::errc{} || end != text.data() + text.size() || id <= 0) {
    return Fail(Error{ErrorCode::kNotFound, std::string("no ") + name + " " + text, name});
  }
  return id;
}

Result<CaseId> CaseParam(const Call& call) {
  auto id = IdParam(call, "id");
  if (!id) return Fail(Error{ErrorCode::kNotFound, "no case " + call.params.at("id"), "case"});
  return CaseId{*id};
}

Result<Money> AmountField(const JsonBody& body, const char* field) {
  auto text = body.Text(field);
  if (!text) return Fail(text.error());
  return ParseAmount(*text, Currency::kCNY, field);
}

Result<Date> DateField(const JsonBody& body, const char* field) {
  auto text = body.Text(field);
  if (!text) return Fail(text.error());
  return Date::Parse(*text, field);
}

Status RunAsSystem(const ApiServices& services, store::Session& session,
                   const std::function<Status(app::WorkflowContext&)>& use_case) {
  const auto now = services.now();
  const std::string now_text = app::FormatUtc(now);
  session.Begin();
  try {
    store::SqlWorkflowStore store(session, services.vault, "system", now_text);
    const std::shared_ptr<const PackSnapshot> packs = services.packs.Current();
    app::WorkflowContext context{store,    services.vault, services.policy,  packs->pointers,
                                 app::Actor{"system", Role::kAdmin, "", ""},
                                 now,      now_text,       services.today(), policy::Language::kZh};
    Status status = use_case(context);
    if (status) {
      session.Commit();
    } else {
      session.Rollback();
    }
    return status;
  } catch (...) {
    session.Rollback();
    throw;
  }
}

Result<std::optional<Date>> OptionalDateField(const JsonBody& body, const char* field) {
  auto text = body.Text(field, false);
  if (!text) return Fail(text.error());
  if (text->empty()) return std::optional<Date>();
  auto date = Date::Parse(*text, field);
  if (!date) return Fail(date.error());
  return std::optional<Date>(*date);
}

}  // namespace arrears::http
