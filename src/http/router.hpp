// Routes: a method and a path pattern ("/api/v1/cases/{id}"), the roles
// allowed (the permission table is the list of routes), whether a session and
// a CSRF token are needed, and the handler. Unknown paths are 404, a known
// path with another method 405.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "app/auth/sign_in.hpp"
#include "http/http_types.hpp"

namespace arrears::http {

using Params = std::map<std::string, std::string>;

// What a handler gets besides the request: the path parameters and, on a
// signed-in route, who is asking.
struct Call {
  const Request& request;
  Params params;
  const app::Principal* principal = nullptr;
};

using RouteHandler = std::function<Response(Call&)>;

enum class Access {
  kPublic,  // no session (sign-in, health, the OpenAPI document)
  kRead,    // a session
  kWrite,   // a session and its CSRF token (X-CSRF-Token)
};

struct Route {
  std::string method;
  std::string pattern;
  Access access = Access::kRead;
  std::vector<app::Role> roles;  // empty: every role
  RouteHandler handler;

  // Whether `role` may call the route (the use case may still refuse a record).
  bool Allows(app::Role role) const;
};

class Router {
 public:
  void Add(Route route);
  const std::vector<Route>& routes() const { return routes_; }
  // The matching route (params filled), or null; `path_known` tells 405 from 404.
  const Route* Match(const std::string& method, const std::string& path, Params& params, bool& path_known) const;

 private:
  std::vector<Route> routes_;
};

}  // namespace arrears::http
