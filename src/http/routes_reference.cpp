// Reference data: the roles and what each may do (read from the route table
// itself, so it cannot drift from what the server enforces), and the
// compliance rule packs in force (read by everyone, replaced by an admin).
#include <boost/json.hpp>

#include "http/api.hpp"
#include "http/problem.hpp"
#include "http/use_case_call.hpp"

namespace arrears::http {

namespace {

namespace json = boost::json;
using app::Role;

constexpr Role kAllRoles[] = {Role::kCollector,  Role::kTeamLead,   Role::kSupervisor, Role::kLegal,
                              Role::kCompliance, Role::kAgencyUser, Role::kAdmin,      Role::kAuditor};

// What each role is for, zh first (the UI's language) and en.
std::pair<const char*, const char*> RoleTitle(Role role) {
  switch (role) {
    case Role::kCollector: return {"催收员：处理分配给自己的案件", "Collector: works the cases assigned to them"};
    case Role::kTeamLead: return {"组长：管理本组案件，审批权限内的方案", "Team lead: the team's cases, approvals within limits"};
    case Role::kSupervisor: return {"主管：全部案件，审批超权限方案", "Supervisor: every case, approvals beyond team limits"};
    case Role::kLegal: return {"法务：诉讼案件与律师函", "Legal: litigation and lawyer's letters"};
    case Role::kCompliance: return {"合规：查看全部记录与合规规则", "Compliance: reads every record and the rule packs"};
    case Role::kAgencyUser: return {"委外机构人员：仅委派给本机构的案件", "Agency user: only cases placed with their agency"};
    case Role::kAdmin: return {"管理员：用户与配置", "Administrator: users and configuration"};
    case Role::kAuditor: return {"审计：只读", "Auditor: read only"};
  }
  return {"", ""};
}

json::object PackJson(const policy::RulePack& pack, bool with_rules) {
  json::object out{{"pack", pack.name},
                   {"version", pack.version},
                   {"effective_from", pack.effective_from.ToString()},
                   {"jurisdiction", pack.jurisdiction},
                   {"description", json::object{{"zh", pack.description.zh}, {"en", pack.description.en}}},
                   {"rules", pack.rules.size()}};
  if (!with_rules) return out;
  json::array rules;
  for (const policy::Rule& rule : pack.rules) {
    json::object params;
    for (const auto& [key, value] : rule.params) params[key] = value;
    for (const auto& [key, values] : rule.lists) {
      json::array list;
      for (const std::string& v : values) list.push_back(json::string(v));
      params[key] = std::move(list);
    }
    rules.push_back(json::object{{"id", rule.id},
                                 {"kind", std::string(policy::RuleKindName(rule.kind))},
                                 {"severity", rule.severity == policy::Severity::kBlock ? "block" : "warn"},
                                 {"source", rule.source},
                                 {"description", json::object{{"zh", rule.description.zh}, {"en", rule.description.en}}},
                                 {"message", json::object{{"zh", rule.message.zh}, {"en", rule.message.en}}},
                                 {"params", std::move(params)}});
  }
  out["rules"] = std::move(rules);
  return out;
}

}  // namespace

void AddReferenceRoutes(Router& router, const ApiServices& services) {
  router.Add({"GET", "/api/v1/roles", Access::kRead, {}, [&router](Call&) {
                json::array roles;
                for (const Role role : kAllRoles) {
                  json::array may;
                  for (const Route& route : router.routes()) {
                    if (route.access == Access::kPublic) continue;
                    if (route.Allows(role)) may.push_back(json::string(route.method + " " + route.pattern));
                  }
                  const auto [zh, en] = RoleTitle(role);
                  roles.push_back(json::object{{"id", std::string(app::RoleName(role))},
                                               {"title", json::object{{"zh", zh}, {"en", en}}},
                                               {"routes", std::move(may)}});
                }
                return JsonResponse(200, json::object{{"items", std::move(roles)}});
              }});
  router.Add({"GET", "/api/v1/rule-packs", Access::kRead, {}, [&services](Call&) {
                json::array items;
                const auto snapshot = services.packs.Current();
                for (const policy::RulePack& pack : snapshot->packs) items.push_back(PackJson(pack, false));
                return JsonResponse(200, json::object{{"items", std::move(items)}});
              }});
  router.Add({"GET", "/api/v1/rule-packs/{pack}", Access::kRead, {}, [&services](Call& call) {
                const auto snapshot = services.packs.Current();
                const std::string& name = call.params.at("pack");
                for (std::size_t i = 0; i < snapshot->packs.size(); ++i) {
                  if (snapshot->packs[i].name != name) continue;
                  if (call.request.Header("accept").find("yaml") != std::string::npos) {
                    Response response;
                    response.Set("Content-Type", "application/yaml; charset=utf-8");
                    response.body = snapshot->texts[i];
                    return response;
                  }
                  return JsonResponse(200, PackJson(snapshot->packs[i], true));
                }
                return Problem(404, "Not found", "no active rule pack " + name, "pack");
              }});
  router.Add({"PUT", "/api/v1/rule-packs/{pack}", Access::kWrite, {Role::kAdmin}, [&services](Call& call) {
                auto replaced = services.packs.Replace(call.params.at("pack"), call.request.body);
                if (!replaced) return ProblemFrom(replaced.error());
                return JsonResponse(200, PackJson(*replaced, false));
              }});
}

}  // namespace arrears::http
