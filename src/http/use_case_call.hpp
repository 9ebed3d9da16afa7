// How a route runs a workflow use case: as the signed-in user, in one
// transaction when it writes (committed on success, rolled back on failure),
// with an Idempotency-Key answering a repeat with the first answer. Shared by
// the route files; each handler only parses, calls and maps.
#pragma once

#include <boost/json/value.hpp>
#include <functional>
#include <initializer_list>
#include <vector>

#include "app/workflow/actor.hpp"
#include "app/workflow/workflow_context.hpp"
#include "http/json_mapping.hpp"
#include "http/problem.hpp"
#include "http/router.hpp"
#include "store/database.hpp"

namespace arrears::http {

using Outcome = Result<boost::json::value>;

// The roles that work cases, and those that decide approvals.
extern const std::vector<app::Role> kWorkers;
extern const std::vector<app::Role> kDeciders;

Response JsonResponse(int status, const boost::json::value& value);

// Runs `use_case` as the caller; `ok_status` answers success.
Response Work(Call& call, bool write, int ok_status, const std::function<Outcome(app::WorkflowContext&)>& use_case);

struct ApiServices;
// Runs `use_case` as "system" (work that follows an import) in one transaction.
Status RunAsSystem(const ApiServices& services, store::Session& session,
                   const std::function<Status(app::WorkflowContext&)>& use_case);

// Path parameters: a positive id, else 404 naming it.
Result<CaseId> CaseParam(const Call& call);
Result<std::int64_t> IdParam(const Call& call, const char* name);

// Body fields in the domain's types; errors name the field.
Result<Money> AmountField(const JsonBody& body, const char* field);
Result<Date> DateField(const JsonBody& body, const char* field);
Result<std::optional<Date>> OptionalDateField(const JsonBody& body, const char* field);

// A route on one case: parses a JSON body with its allowed fields (writes
// only), resolves the case id, runs `body(context, call, id, parsed)`.
template <class Body>
RouteHandler OnCase(bool write, int ok_status, std::initializer_list<const char*> fields, Body body) {
  std::vector<const char*> allowed(fields);
  return [=](Call& call) -> Response {
    auto id = CaseParam(call);
    if (!id) return ProblemFrom(id.error());
    JsonBody parsed;
    if (write) {
      auto read = JsonBody::Parse(call.request.body, allowed);
      if (!read) return ProblemFrom(read.error());
      parsed = std::move(*read);
    }
    return Work(call, write, ok_status,
                [&](app::WorkflowContext& context) -> Outcome { return body(context, call, *id, parsed); });
  };
}

inline boost::json::value Done(boost::json::object fields) { return fields; }

}  // namespace arrears::http

// Unwraps a Result into `var`, or returns its error from the enclosing function.
#define ARREARS_TRY(var, expr)                            \
  auto var##_result = (expr);                             \
  if (!var##_result) return Fail(var##_result.error()); \
  auto var = std::move(*var##_result)
