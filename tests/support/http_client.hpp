// Test support (not a test): a small HTTP/1.1 client over POSIX sockets, so
// that tests can also misbehave (trickle bytes, send huge headers) the way a
// normal client library would not let them.
#pragma once

#include <map>
#include <string>

namespace arrears::testing {

struct HttpResponse {
  int status = 0;
  std::map<std::string, std::string> headers;  // lower-case names
  std::string body;
};

class HttpClient {
 public:
  explicit HttpClient(int port) : port_(port) {}
  // One request on a fresh connection; keeps the session cookie it is given.
  HttpResponse Request(const std::string& method, const std::string& target, const std::string& body = "",
                       const std::map<std::string, std::string>& headers = {});
  // The raw bytes, sent at once; the response, or status 0 when the server closed without one.
  HttpResponse Raw(const std::string& bytes);
  const std::string& cookie() const { return cookie_; }
  void set_cookie(std::string cookie) { cookie_ = std::move(cookie); }
  void set_port(int port) { port_ = port; }  // the server was restarted
  std::string csrf;  // sent as X-CSRF-Token when set

 private:
  int port_;
  std::string cookie_;
};

// Connects to the port; -1 when it cannot.
int ConnectLocal(int port);
// Reads one response from a connected socket (status 0 when the peer closed first).
HttpResponse ReadResponse(int fd);

}  // namespace arrears::testing
