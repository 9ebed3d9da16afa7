// HTTP as the handlers see it: a request and a response in plain C++ types,
// so that only the server's translation unit includes Beast (it costs 15-25 s
// of compile time per file) and handlers stay thin and testable.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace arrears::http {

struct Request {
  std::string method;  // "GET", "POST", ...
  std::string target;  // as sent: path and query
  std::string path;    // decoded, without the query
  std::map<std::string, std::string> query;    // decoded
  std::map<std::string, std::string> headers;  // names in lower case
  std::string body;
  std::string remote;  // peer address
  bool secure = false;  // arrived over TLS

  std::string Header(const std::string& lower_name) const {
    auto it = headers.find(lower_name);
    return it == headers.end() ? std::string() : it->second;
  }
  std::string Cookie(const std::string& name) const;
};

struct Response {
  int status = 200;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  std::string route;  // the route pattern that answered, for metrics and logs
  std::string file;   // when set, the server streams this file as the body

  Response& Set(std::string name, std::string value) {
    headers.emplace_back(std::move(name), std::move(value));
    return *this;
  }
};

// "%E5%BC%A0+x" → "张 x" (application/x-www-form-urlencoded rules for '+').
std::string PercentDecode(std::string_view text, bool plus_is_space);
// "张 x.pdf" → "%E5%BC%A0%20x.pdf" (RFC 3986 unreserved characters kept).
std::string PercentEncode(std::string_view text);
// Splits "a=1&b=%20" into a map.
std::map<std::string, std::string> ParseQuery(std::string_view query);

}  // namespace arrears::http
