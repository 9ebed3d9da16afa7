// Errors as RFC 9457 problem details, from one table: each protocol-neutral
// ErrorCode has one HTTP status. A field-level error names the field.
#pragma once

#include <string>

#include "core/result.hpp"
#include "http/http_types.hpp"

namespace arrears::http {

int StatusOf(ErrorCode code);
Response Problem(int status, const std::string& title, const std::string& detail, const std::string& field = "");
Response ProblemFrom(const Error& error);

}  // namespace arrears::http
