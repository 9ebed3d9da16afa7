// POST /api/v1/session (sign in), DELETE /api/v1/session (sign out), GET /api/v1/me.
#include <boost/json.hpp>

#include "app/workflow/workflow_context.hpp"
#include "http/api.hpp"
#include "http/json_mapping.hpp"
#include "http/problem.hpp"
#include "store/sql_account_store.hpp"

namespace arrears::http {

namespace {

boost::json::object UserJson(const app::UserAccount& user) {
  return boost::json::object{{"id", user.id},
                             {"login", user.login},
                             {"name", user.display_name},
                             {"role", std::string(app::RoleName(user.role))},
                             {"team", user.team},
                             {"agency", user.agency}};
}

Response Json(int status, const boost::json::value& value) {
  Response response;
  response.status = status;
  response.Set("Content-Type", "application/json");
  response.body = boost::json::serialize(value);
  return response;
}

}  // namespace

void AddSessionRoutes(Router& router) {
  router.Add({"POST", "/api/v1/session", Access::kPublic, {}, [](Call& call) {
                auto body = JsonBody::Parse(call.request.body, std::vector<const char*>{"login", "password"});
                if (!body) return ProblemFrom(body.error());
                auto login = body->Text("login");
                auto password = body->Text("password");
                if (!login) return ProblemFrom(login.error());
                if (!password) return ProblemFrom(password.error());
                const ApiServices& services = CurrentServices();
                store::Session& session = CurrentSession();
                const auto now = services.now();
                store::SqlAccountStore accounts(session, services.vault, app::FormatUtc(now));
                session.Begin();
                auto signed_in = app::SignIn(accounts, services.credentials, *login, *password, now);
                // Failures are recorded too (they count toward the lock-out).
                session.Commit();
                if (!signed_in) return Problem(401, "Sign-in failed", signed_in.error().message);
                Response response = Json(201, boost::json::object{{"user", UserJson(signed_in->user)},
                                                                  {"csrf_token", signed_in->csrf_token}});
                response.Set("Set-Cookie", "arrears_session=" + signed_in->token +
                                               "; Path=/; HttpOnly; SameSite=Strict" +
                                               (services.secure_cookies ? "; Secure" : ""));
                return response;
              }});
  router.Add({"DELETE", "/api/v1/session", Access::kWrite, {}, [](Call& call) {
                const ApiServices& services = CurrentServices();
                const auto now = services.now();
                store::SqlAccountStore accounts(CurrentSession(), services.vault, app::FormatUtc(now));
                CurrentSession().Begin();
                app::SignOut(accounts, *call.principal, now);
                CurrentSession().Commit();
                Response response;
                response.status = 204;
                response.Set("Set-Cookie", "arrears_session=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0");
                return response;
              }});
  // Users (administration).
  router.Add({"GET", "/api/v1/users", Access::kRead, {app::Role::kAdmin, app::Role::kSupervisor, app::Role::kAuditor},
              [](Call& call) {
                const ApiServices& services = CurrentServices();
                store::SqlAccountStore accounts(CurrentSession(), services.vault, app::FormatUtc(services.now()));
                const app::Actor actor{call.principal->user.login, call.principal->user.role, call.principal->user.team,
                                       call.principal->user.agency};
                auto users = app::ListUsers(accounts, actor);
                if (!users) return ProblemFrom(users.error());
                boost::json::array items;
                for (const app::UserAccount& user : *users) {
                  boost::json::object item = UserJson(user);
                  item["disabled"] = user.disabled;
                  items.push_back(std::move(item));
                }
                return Json(200, boost::json::object{{"items", std::move(items)}});
              }});
  router.Add({"POST", "/api/v1/users", Access::kWrite, {app::Role::kAdmin}, [](Call& call) {
                auto body = JsonBody::Parse(call.request.body,
                                            std::vector<const char*>{"login", "name", "role", "team", "agency", "password"});
                if (!body) return ProblemFrom(body.error());
                app::UserAccount user;
                for (const auto& [field, target] : {std::pair{"login", &user.login}, std::pair{"name", &user.display_name},
                                                    std::pair{"team", &user.team}, std::pair{"agency", &user.agency}}) {
                  auto text = body->Text(field, std::string_view(field) == "login");
                  if (!text) return ProblemFrom(text.error());
                  *target = *text;
                }
                auto role_text = body->Text("role");
                if (!role_text) return ProblemFrom(role_text.error());
                const auto role = app::ParseRole(*role_text);
                if (!role) return ProblemFrom(InvalidArgument("unknown role '" + *role_text + "'", "role"));
                user.role = *role;
                auto password = body->Text("password");
                if (!password) return ProblemFrom(password.error());
                const ApiServices& services = CurrentServices();
                store::Session& session = CurrentSession();
                store::SqlAccountStore accounts(session, services.vault, app::FormatUtc(services.now()));
                const app::Actor actor{call.principal->user.login, call.principal->user.role, "", ""};
                session.Begin();
                const Status created = app::CreateUser(accounts, services.credentials, actor, user, *password);
                if (!created) {
                  session.Rollback();
                  return ProblemFrom(created.error());
                }
                session.Commit();
                return Json(201, boost::json::object{{"login", user.login}, {"role", *role_text}});
              }});
  for (const bool disable : {true, false}) {
    router.Add({"POST", disable ? "/api/v1/users/{login}/disable" : "/api/v1/users/{login}/enable", Access::kWrite,
                {app::Role::kAdmin}, [disable](Call& call) {
                  const ApiServices& services = CurrentServices();
                  store::Session& session = CurrentSession();
                  store::SqlAccountStore accounts(session, services.vault, app::FormatUtc(services.now()));
                  const app::Actor actor{call.principal->user.login, call.principal->user.role, "", ""};
                  session.Begin();
                  const Status done = app::SetUserDisabled(accounts, actor, call.params.at("login"), disable);
                  if (!done) {
                    session.Rollback();
                    return ProblemFrom(done.error());
                  }
                  session.Commit();
                  return Json(200, boost::json::object{{"login", call.params.at("login")}, {"disabled", disable}});
                }});
  }
  router.Add({"POST", "/api/v1/users/{login}/password", Access::kWrite, {app::Role::kAdmin}, [](Call& call) {
                auto body = JsonBody::Parse(call.request.body, std::vector<const char*>{"password"});
                if (!body) return ProblemFrom(body.error());
                auto password = body->Text("password");
                if (!password) return ProblemFrom(password.error());
                const ApiServices& services = CurrentServices();
                store::Session& session = CurrentSession();
                const auto now = services.now();
                store::SqlAccountStore accounts(session, services.vault, app::FormatUtc(now));
                const auto user = accounts.FindUser(call.params.at("login"));
                if (!user) return Problem(404, "Not found", "no user " + call.params.at("login"));
                session.Begin();
                const Status changed =
                    app::ChangePassword(accounts, services.credentials, call.principal->user.login, user->id, *password, now);
                if (!changed) {
                  session.Rollback();
                  return ProblemFrom(changed.error());
                }
                session.Commit();
                return Json(200, boost::json::object{{"login", user->login}, {"password_reset", true}});
              }});
  router.Add({"GET", "/api/v1/me", Access::kRead, {}, [](Call& call) {
                return Json(200, boost::json::object{{"user", UserJson(call.principal->user)},
                                                     {"csrf_token", call.principal->csrf_token}});
              }});
}

}  // namespace arrears::http
