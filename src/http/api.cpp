#include "http/api.hpp"

#include <algorithm>

#include "http/problem.hpp"
#include "store/sql_account_store.hpp"
#include "app/workflow/workflow_context.hpp"

namespace arrears::http {

namespace {

thread_local store::Session* current_session = nullptr;
thread_local const ApiServices* current_services = nullptr;

const char* kSessionCookie = "arrears_session";

}  // namespace

store::Session& CurrentSession() { return *current_session; }
const ApiServices& CurrentServices() { return *current_services; }

Api::Api(ApiServices services)
    : services_(std::move(services)),
      cycles_(services_.run_cycle, [this] { return app::FormatUtc(services_.now()); }),
      imports_(services_.database, services_.vault, services_.now,
               [this](std::int64_t batch) { EvaluateImportedPayments(services_, batch); }) {
  AddSystemRoutes(router_, services_, metrics_);
  AddSessionRoutes(router_);
  AddCaseRoutes(router_);
  AddCaseRecordRoutes(router_);
  AddReferenceRoutes(router_, services_);
  AddImportRoutes(router_, services_, imports_);
  AddCycleRoutes(router_, services_, cycles_);
  AddMessageRoutes(router_, services_);
  AddCallScriptRoutes(router_);
  AddReportRoutes(router_, services_);
}

Response Api::Handle(const Request& request) {
  Params params;
  bool path_known = false;
  const Route* route = router_.Match(request.method, request.path, params, path_known);
  if (!route) {
    if (!path_known && request.method == "GET" && !request.path.starts_with("/api/") && !services_.static_dir.empty()) {
      Response response = ServeStatic(services_.static_dir, request);
      response.route = "(static)";
      return response;
    }
    Response response = path_known ? Problem(405, "Method not allowed", request.method + " is not allowed on " + request.path)
                                   : Problem(404, "Not found", "no resource " + request.path);
    response.route = "(unmatched)";
    return response;
  }
  Call call{request, std::move(params), nullptr};
  if (route->access == Access::kPublic && !route->pattern.starts_with("/api/")) {
    Response response = route->handler(call);
    response.route = route->pattern;
    return response;
  }
  auto lease = services_.database.Acquire();
  current_session = &*lease;
  current_services = &services_;
  struct Reset {
    ~Reset() {
      current_session = nullptr;
      current_services = nullptr;
    }
  } reset;
  std::optional<app::Principal> principal;
  if (route->access != Access::kPublic) {
    const auto now = services_.now();
    store::SqlAccountStore accounts(*lease, services_.vault, app::FormatUtc(now));
    auto authenticated = app::Authenticate(accounts, services_.credentials, request.Cookie(kSessionCookie), now);
    if (!authenticated) {
      Response response = Problem(401, "Sign in first", authenticated.error().message);
      response.route = route->pattern;
      return response;
    }
    principal = std::move(*authenticated);
    if (route->access == Access::kWrite && request.Header("x-csrf-token") != principal->csrf_token) {
      Response response = Problem(403, "Not allowed",
                                  request.Header("x-csrf-token").empty() ? "the X-CSRF-Token header is missing"
                                                                         : "the X-CSRF-Token header is wrong");
      response.route = route->pattern;
      return response;
    }
    if (!route->Allows(principal->user.role)) {
      Response response = Problem(403, "Not allowed", "the role " + std::string(app::RoleName(principal->user.role)) +
                                                          " may not " + request.method + " " + route->pattern);
      response.route = route->pattern;
      return response;
    }
    call.principal = &*principal;
  }
  Response response = route->handler(call);
  response.route = route->pattern;
  // API answers are personal: never cached by the browser or a proxy.
  if (std::none_of(response.headers.begin(), response.headers.end(),
                   [](const auto& h) { return h.first == "Cache-Control"; })) {
    response.Set("Cache-Control", "no-store");
  }
  return response;
}

}  // namespace arrears::http
