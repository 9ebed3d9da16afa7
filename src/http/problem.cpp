#include "http/problem.hpp"

#include <boost/json.hpp>

namespace arrears::http {

int StatusOf(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidArgument: return 400;
    case ErrorCode::kOutOfRange: return 422;
    case ErrorCode::kNotFound: return 404;
    case ErrorCode::kConflict: return 409;
    case ErrorCode::kPolicyRefused: return 422;
    case ErrorCode::kPermissionDenied: return 403;
    case ErrorCode::kUnavailable: return 503;
  }
  return 500;
}

namespace {

const char* TitleOf(int status) {
  switch (status) {
    case 400: return "Bad request";
    case 401: return "Sign in first";
    case 403: return "Not allowed";
    case 404: return "Not found";
    case 405: return "Method not allowed";
    case 409: return "Conflict";
    case 413: return "Request too large";
    case 415: return "Unsupported media type";
    case 422: return "Refused by policy";
    case 503: return "Unavailable";
    default: return "Error";
  }
}

}  // namespace

Response Problem(int status, const std::string& title, const std::string& detail, const std::string& field) {
  boost::json::object body{{"type", "about:blank"}, {"title", title}, {"status", status}, {"detail", detail}};
  if (!field.empty()) {
    body["errors"] = boost::json::array{boost::json::object{{"field", field}, {"message", detail}}};
  }
  Response response;
  response.status = status;
  response.Set("Content-Type", "application/problem+json");
  response.body = boost::json::serialize(body);
  return response;
}

Response ProblemFrom(const Error& error) {
  const int status = StatusOf(error.code);
  return Problem(status, TitleOf(status), error.message, error.field);
}

}  // namespace arrears::http
