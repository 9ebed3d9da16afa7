// multipart/form-data (RFC 7578) as browsers send a file upload: the parts
// with their field name, file name and declared type. Errors name what is
// wrong; the parts' bodies are copied out of the request body as bytes.
#pragma once

#include <string>
#include <vector>

#include "core/result.hpp"

namespace arrears::http {

struct FormPart {
  std::string name;       // the form field
  std::string file_name;  // without any directory the client sent; empty for a plain field
  std::string content_type;
  std::string body;
};

// `content_type` is the request's Content-Type header (with its boundary).
Result<std::vector<FormPart>> ParseMultipart(const std::string& content_type, const std::string& body);

}  // namespace arrears::http
