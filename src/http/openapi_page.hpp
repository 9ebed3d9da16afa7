// The human page for the OpenAPI document (/api/v1/docs): one self-contained
// HTML page, rendered once from the same document the server serves, with
// the operations grouped by tag, each with its parameters, request body and
// responses. No script and nothing fetched from elsewhere.
#pragma once

#include <string>
#include <string_view>

namespace arrears::http {

std::string RenderOpenApiPage(std::string_view document_json);

}  // namespace arrears::http
