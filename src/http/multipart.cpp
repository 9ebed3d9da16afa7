#include "http/multipart.hpp"

#include <algorithm>
#include <cctype>

namespace arrears::http {

namespace {

std::string Lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

// The value of `key` in a header's parameters: `form-data; name="file"; filename="a.pdf"`.
std::string Parameter(const std::string& header, const std::string& key) {
  const std::string lower = Lower(header);
  std::size_t at = 0;
  while ((at = lower.find(key + "=", at)) != std::string::npos) {
    const bool starts = at == 0 || lower[at - 1] == ';' || lower[at - 1] == ' ';
    at += key.size() + 1;
    if (!starts) continue;
    if (at < header.size() && header[at] == '"') {
      std::string value;
      // Browsers send a quote inside a name as %22 and a backslash as itself (HTML's form encoding).
      for (std::size_t i = at + 1; i < header.size() && header[i] != '"'; ++i) value.push_back(header[i]);
      return value;
    }
    const std::size_t end = header.find(';', at);
    return header.substr(at, end == std::string::npos ? std::string::npos : end - at);
  }
  return {};
}

}  // namespace

Result<std::vector<FormPart>> ParseMultipart(const std::string& content_type, const std::string& body) {
  if (!Lower(content_type).starts_with("multipart/form-data")) {
    return Fail("send the file as multipart/form-data", "Content-Type");
  }
  const std::string boundary = Parameter(content_type, "boundary");
  if (boundary.empty() || boundary.size() > 70) return Fail("the multipart boundary is missing or too long", "Content-Type");
  const std::string delimiter = "--" + boundary;
  std::size_t at = body.find(delimiter);
  if (at == std::string::npos) return Fail("the body has no part with the declared boundary", "body");
  std::vector<FormPart> parts;
  const std::string next_delimiter = "\r\n" + delimiter;
  while (true) {
    at += delimiter.size();
    if (body.compare(at, 2, "--") == 0) return parts;  // the closing delimiter
    if (body.compare(at, 2, "\r\n") != 0) return Fail("a multipart delimiter is not followed by CRLF", "body");
    at += 2;
    const std::size_t headers_end = body.find("\r\n\r\n", at);
    if (headers_end == std::string::npos) return Fail("a multipart part has no end of headers", "body");
    FormPart part;
    for (std::size_t line = at; line < headers_end;) {
      const std::size_t eol = std::min(body.find("\r\n", line), headers_end);
      const std::string header = body.substr(line, eol - line);
      const std::size_t colon = header.find(':');
      if (colon == std::string::npos) return Fail("a multipart header has no colon: " + header, "body");
      const std::string name = Lower(header.substr(0, colon));
      std::string value = header.substr(colon + 1);
      value.erase(0, value.find_first_not_of(' '));
      if (name == "content-disposition") {
        part.name = Parameter(value, "name");
        // Only the name: some browsers send the client's path ("C:\\fakepath\\scan.pdf").
        part.file_name = Parameter(value, "filename");
        part.file_name.erase(0, part.file_name.find_last_of("/\\") + 1);
      } else if (name == "content-type") {
        part.content_type = value;
      }
      line = eol + 2;
    }
    const std::size_t content = headers_end + 4;
    const std::size_t end = body.find(next_delimiter, content);
    if (end == std::string::npos) return Fail("the multipart body ends before its closing boundary", "body");
    if (part.name.empty()) return Fail("a multipart part has no field name", "body");
    part.body = body.substr(content, end - content);
    parts.push_back(std::move(part));
    at = end + 2;
  }
}

}  // namespace arrears::http
