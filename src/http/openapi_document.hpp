// The OpenAPI 3.1 document (docs/openapi.json), compiled into the binary.
#pragma once

#include <string_view>

namespace arrears::http {

std::string_view OpenApiDocument();

}  // namespace arrears::http
