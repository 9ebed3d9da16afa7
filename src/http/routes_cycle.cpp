// /api/v1/cycle/runs: the daily cycle started by an administrator and its
// progress; /api/v1/queue: a day's work queue as the caller may see it.
#include <unordered_map>

#include <boost/json.hpp>

#include "app/cycle/work_queue.hpp"
#include "app/workflow/workflow_context.hpp"
#include "core/decimal.hpp"
#include "http/api.hpp"
#include "http/json_mapping.hpp"
#include "http/use_case_call.hpp"
#include "store/cycle/sql_cycle_store.hpp"

namespace arrears::http {

namespace {

namespace json = boost::json;
using app::Role;

json::value JobJson(const std::optional<CycleJob>& job) {
  if (!job) return nullptr;
  json::object out{{"as_of", job->as_of.ToString()},
                   {"status", job->status},
                   {"actor", job->actor},
                   {"started_at", job->started_at},
                   {"finished_at", job->finished_at.empty() ? json::value(nullptr) : json::value(job->finished_at)},
                   {"day", job->day.empty() ? json::value(nullptr) : json::value(job->day)},
                   {"step", job->step.empty() ? json::value(nullptr) : json::value(job->step)},
                   {"summary", job->summary.empty() ? json::value(nullptr) : json::parse(job->summary)},
                   {"error", job->error.empty() ? json::value(nullptr) : json::value(job->error)}};
  return out;
}

json::object RunJson(const app::CycleRun& run) {
  return json::object{{"as_of", run.as_of.ToString()},
                      {"started_at", run.started_at},
                      {"finished_at", run.finished_at.empty() ? json::value(nullptr) : json::value(run.finished_at)},
                      {"summary", run.summary.empty() || run.summary == "{}" ? json::value(nullptr) : json::parse(run.summary)}};
}

std::string Yuan(std::int64_t minor) { return FormatScaledDecimal(minor, 2); }

json::object ItemJson(const app::QueueItem& q) {
  return json::object{{"case_id", q.case_id},
                      {"owner", q.owner.empty() ? json::value(nullptr) : json::value(q.owner)},
                      {"rank", q.rank},
                      {"priority", Yuan(q.priority)},
                      {"propensity_ppm", q.propensity_ppm},
                      {"owed", Yuan(q.owed)},
                      {"currency", q.currency},
                      {"days_past_due", q.days_past_due},
                      {"bucket", q.bucket},
                      {"segment", q.segment},
                      {"arm", q.arm},
                      {"action", q.action},
                      {"template", q.template_id.empty() ? json::value(nullptr) : json::value(q.template_id)},
                      {"contact_from", q.contact_from.empty() ? json::value(nullptr) : json::value(q.contact_from)}};
}

// The case as it stands now, beside the cycle's decision of the morning.
void AddGlance(json::object& o, const app::CaseGlance& g, const std::string& currency) {
  o["customer_name"] = g.customer_name;
  o["stage"] = g.stage;
  o["overdue"] = Yuan(g.overdue);
  if (g.promise_due.empty()) {
    o["promise"] = nullptr;
  } else {
    o["promise"] = json::object{{"due", g.promise_due}, {"amount", Yuan(g.promise_amount)}, {"currency", currency}};
  }
  json::array holds;
  for (const std::string& kind : g.holds) holds.push_back(json::value(kind));
  o["holds"] = std::move(holds);
}

Result<Date> DateQuery(const Call& call, const char* name, Date otherwise) {
  const auto found = call.request.query.find(name);
  if (found == call.request.query.end() || found->second.empty()) return otherwise;
  return Date::Parse(found->second, name);
}

}  // namespace

void AddCycleRoutes(Router& router, const ApiServices& services, CycleJobs& jobs) {
  router.Add({"POST", "/api/v1/cycle/runs", Access::kWrite, {Role::kAdmin}, [&services, &jobs](Call& call) {
                auto body = JsonBody::Parse(call.request.body.empty() ? "{}" : call.request.body, {"as_of"});
                if (!body) return ProblemFrom(body.error());
                auto text = body->Text("as_of", false);
                if (!text) return ProblemFrom(text.error());
                Date as_of = services.today();
                if (!text->empty()) {
                  auto date = Date::Parse(*text, "as_of");
                  if (!date) return ProblemFrom(date.error());
                  as_of = *date;
                }
                if (!jobs.available()) return Problem(503, "Not available", "this server does not run the cycle");
                if (!jobs.Start(as_of, call.principal->user.login)) {
                  return Problem(409, "A cycle is running", "the cycle for " + jobs.Last()->as_of.ToString() +
                                                                " is running; ask again when it has finished");
                }
                Response response = JsonResponse(202, JobJson(jobs.Last()));
                response.Set("Location", "/api/v1/cycle/runs/" + as_of.ToString());
                return response;
              }});
  router.Add({"GET", "/api/v1/cycle/runs", Access::kRead, {Role::kAdmin, Role::kSupervisor, Role::kAuditor},
              [&services, &jobs](Call&) {
                store::SqlCycleStore store(CurrentSession(), services.vault);
                json::array items;
                for (const app::CycleRun& run : store.RecentRuns(30)) items.push_back(RunJson(run));
                return JsonResponse(200, json::object{{"current", JobJson(jobs.Last())}, {"items", std::move(items)}});
              }});
  router.Add({"GET", "/api/v1/cycle/runs/{date}", Access::kRead, {Role::kAdmin, Role::kSupervisor, Role::kAuditor},
              [&services, &jobs](Call& call) {
                auto date = Date::Parse(call.params.at("date"), "date");
                if (!date) return Problem(404, "Not found", "no cycle run for " + call.params.at("date"), "date");
                const auto job = jobs.Last();
                if (job && job->as_of == *date) return JsonResponse(200, JobJson(job));  // this server's latest run of the date
                store::SqlCycleStore store(CurrentSession(), services.vault);
                const auto run = store.FindRun(*date);
                if (!run) return Problem(404, "Not found", "no cycle run for " + date->ToString(), "date");
                json::object out = RunJson(*run);
                out["status"] = run->finished_at.empty() ? "unfinished" : "finished";
                return JsonResponse(200, out);
              }});
  router.Add({"GET", "/api/v1/queue", Access::kRead,
              {Role::kCollector, Role::kAgencyUser, Role::kTeamLead, Role::kSupervisor, Role::kCompliance, Role::kAuditor},
              [&services](Call& call) {
                auto date = DateQuery(call, "date", services.today());
                if (!date) return ProblemFrom(date.error());
                const auto owner = call.request.query.find("owner");
                store::SqlCycleStore store(CurrentSession(), services.vault);
                const app::UserAccount& user = call.principal->user;
                auto queue = app::WorkQueue(store, app::Actor{user.login, user.role, user.team, user.agency}, *date,
                                            owner == call.request.query.end() ? "" : owner->second);
                if (!queue) return ProblemFrom(queue.error());
                std::unordered_map<std::int64_t, const app::CaseGlance*> glances;
                for (const app::CaseGlance& glance : queue->glances) glances.emplace(glance.case_id, &glance);
                json::array out;
                for (const app::QueueItem& item : queue->items) {
                  json::object o = ItemJson(item);
                  if (const auto g = glances.find(item.case_id); g != glances.end()) AddGlance(o, *g->second, item.currency);
                  out.push_back(std::move(o));
                }
                // The server's clock beside the contact times: whether a contact may be made now is judged
                // against it, not against the browser's.
                return JsonResponse(200, json::object{{"date", date->ToString()},
                                                      {"now", app::FormatUtc(services.now())},
                                                      {"items", std::move(out)}});
              }});
}

}  // namespace arrears::http
