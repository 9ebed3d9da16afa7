// /api/v1/call-scripts: the call guides (话术) in force, a new version saved
// (administrators, compliance, supervisors; screened like every template);
// /api/v1/cases/{id}/call-script: the guide for a case, filled in for it.
#include <boost/json.hpp>

#include "app/workflow/call_scripts.hpp"
#include "http/api.hpp"
#include "http/use_case_call.hpp"

namespace arrears::http {

namespace {

namespace json = boost::json;
using app::Role;

json::array StepsJson(const std::vector<policy::ScriptStep>& steps) {
  json::array out;
  for (const policy::ScriptStep& s : steps) out.push_back(json::object{{"id", s.id}, {"title", s.title}, {"say", s.say}});
  return out;
}

json::array Names(const std::vector<std::string>& names) {
  json::array out;
  for (const std::string& name : names) out.push_back(json::value(name));
  return out;
}

}  // namespace

void AddCallScriptRoutes(Router& router) {
  router.Add({"GET", "/api/v1/call-scripts", Access::kRead, {}, [](Call& call) {
                return Work(call, false, 200, [](app::WorkflowContext& c) -> Outcome {
                  ARREARS_TRY(scripts, app::ListCallScripts(c));
                  json::array items;
                  for (const app::ScriptInForce& s : scripts) {
                    json::object titles;
                    for (const auto& [language, text] : s.script.languages) titles[language] = text.title;
                    items.push_back(json::object{{"id", s.script.id},
                                                 {"version", s.version},
                                                 {"products", Names(s.script.products)},
                                                 {"stages", Names(s.script.stages)},
                                                 {"titles", std::move(titles)},
                                                 {"source", s.source},
                                                 {"saved_by", s.saved_by},
                                                 {"saved_at", s.saved_at}});
                  }
                  return json::value(json::object{{"items", std::move(items)}});
                });
              }});
  router.Add({"POST", "/api/v1/call-scripts", Access::kWrite, {Role::kAdmin, Role::kCompliance, Role::kSupervisor},
              [](Call& call) {
                auto body = JsonBody::Parse(call.request.body, {"source"});
                if (!body) return ProblemFrom(body.error());
                return Work(call, true, 201, [&](app::WorkflowContext& c) -> Outcome {
                  ARREARS_TRY(source, body->Text("source"));
                  ARREARS_TRY(saved, app::SaveCallScript(c, source));
                  return json::value(json::object{{"id", saved.id}, {"version", saved.version}});
                });
              }});
  router.Add({"GET", "/api/v1/cases/{id}/call-script", Access::kRead, {},
              OnCase(false, 200, {}, [](app::WorkflowContext& c, Call& call, CaseId id, const JsonBody&) -> Outcome {
                const auto language = call.request.query.find("language");
                ARREARS_TRY(script, app::CallScriptForCase(c, id, language == call.request.query.end() ? ""
                                                                                                     : language->second));
                return Done({{"id", script.id},
                             {"version", script.version},
                             {"language", script.language},
                             {"title", script.text.title},
                             {"steps", StepsJson(script.text.steps)},
                             {"objections", StepsJson(script.text.objections)}});
              })});
}

}  // namespace arrears::http
