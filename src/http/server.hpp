// The HTTP/1.1 server (Boost.Beast on Asio, C++20 coroutines): keep-alive;
// an idle timeout between requests and a shorter one for reading a request
// once it has started (a client trickling bytes is dropped without tying up a
// thread); header and body size limits; graceful shutdown (in-flight requests
// finish, idle connections close); TLS (OpenSSL, TLS 1.2 and later) when a
// certificate and key are given, for deployments without a proxy. Handlers
// are plain functions of Request. This is the only translation unit that
// includes Beast.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "http/http_types.hpp"

namespace arrears::http {

struct ServerOptions {
  std::string address = "127.0.0.1";
  unsigned short port = 8080;  // 0: any free port (see Server::port)
  int threads = 8;             // handlers may block on the database
  std::chrono::seconds idle_timeout{75};
  std::chrono::seconds request_timeout{15};
  std::size_t header_limit = 16 * 1024;
  std::size_t body_limit = 12 * 1024 * 1024;  // a 10 MB document, base64 and multipart overhead
  // PEM files; both empty: plain HTTP. The chain file holds the certificate
  // first, then any intermediates.
  std::string tls_certificate_chain;
  std::string tls_private_key;
  bool tls() const { return !tls_certificate_chain.empty(); }
};

using Handler = std::function<Response(const Request&)>;
// Called once per request after it is answered: for access logs and metrics.
using Observer = std::function<void(const Request&, const Response&, std::chrono::microseconds)>;

class Server {
 public:
  Server(ServerOptions options, Handler handler, Observer observer);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Loads the TLS certificate and key (if any), binds and listens; throws
  // std::runtime_error naming the address or file when it cannot.
  void Listen();
  unsigned short port() const;
  // Serves until Stop() or SIGTERM / SIGINT; returns when in-flight requests are done.
  void Run();
  void Stop();
  int connections() const;  // open now

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace arrears::http
