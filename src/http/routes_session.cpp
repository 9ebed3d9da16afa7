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
  router.Add({"GET", "/api/v1/me", Access::kRead, {}, [](Call& call) {
                return Json(200, boost::json::object{{"user", UserJson(call.principal->user)},
                                                     {"csrf_token", call.principal->csrf_token}});
              }});
}

}  // namespace arrears::http
