#include "http/server.hpp"

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>

#include <atomic>
#include <fstream>
#include <mutex>
#include <set>
#include <stdexcept>
#include <thread>
#include <vector>

namespace arrears::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
namespace ssl = boost::asio::ssl;
using tcp = asio::ip::tcp;
using TlsStream = beast::ssl_stream<beast::tcp_stream>;

namespace {

Request ToRequest(const bhttp::request<bhttp::string_body>& in, const std::string& remote) {
  Request request;
  request.method = std::string(in.method_string());
  request.target = std::string(in.target());
  const std::size_t question = request.target.find('?');
  request.path = PercentDecode(std::string_view(request.target).substr(0, question), false);
  if (question != std::string::npos) request.query = ParseQuery(std::string_view(request.target).substr(question + 1));
  for (const auto& field : in) {
    std::string name(field.name_string());
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    auto [it, inserted] = request.headers.emplace(name, std::string(field.value()));
    if (!inserted) it->second += ", " + std::string(field.value());
  }
  request.body = in.body();
  request.remote = remote;
  return request;
}

std::string ReadFile(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>());
}

}  // namespace

struct Server::Impl {
  ServerOptions options;
  Handler handler;
  Observer observer;
  asio::io_context io;
  tcp::acceptor acceptor{io};
  asio::signal_set signals{io, SIGTERM, SIGINT};
  ssl::context tls{ssl::context::tls_server};
  std::atomic<bool> stopping{false};
  std::atomic<int> open{0};
  std::mutex idle_mutex;
  std::set<beast::tcp_stream*> idle;  // connections waiting for their next request

  Impl(ServerOptions o, Handler h, Observer obs) : options(std::move(o)), handler(std::move(h)), observer(std::move(obs)) {}

  void SetIdle(beast::tcp_stream* stream, bool waiting) {
    std::lock_guard lock(idle_mutex);
    if (waiting) {
      idle.insert(stream);
    } else {
      idle.erase(stream);
    }
  }

  void BeginShutdown() {
    if (stopping.exchange(true)) return;
    asio::post(io, [this] {
      beast::error_code ignored;
      acceptor.close(ignored);
      signals.cancel(ignored);
      std::lock_guard lock(idle_mutex);
      for (beast::tcp_stream* stream : idle) stream->cancel();
    });
  }

  void LoadTls() {
    // Browsers and current clients speak TLS 1.2 or 1.3; older versions are refused.
    tls.set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 | ssl::context::no_sslv3 |
                    ssl::context::no_tlsv1 | ssl::context::no_tlsv1_1 | ssl::context::single_dh_use);
    beast::error_code ec;
    tls.use_certificate_chain_file(options.tls_certificate_chain, ec);
    if (ec) throw std::runtime_error("--tls-cert: cannot use '" + options.tls_certificate_chain + "': " + ec.message());
    tls.use_private_key_file(options.tls_private_key, ssl::context::pem, ec);
    // OpenSSL also refuses a key that is not the certificate's here ("key values mismatch").
    if (ec) throw std::runtime_error("--tls-key: cannot use '" + options.tls_private_key + "': " + ec.message());
  }

  static std::string RemoteOf(const tcp::socket& socket) {
    beast::error_code ec;
    const auto endpoint = socket.remote_endpoint(ec);
    return ec ? std::string() : endpoint.address().to_string();
  }

  asio::awaitable<void> PlainSession(tcp::socket socket) {
    ++open;
    const std::string remote = RemoteOf(socket);
    beast::tcp_stream stream(std::move(socket));
    co_await Serve(stream, remote);
    beast::error_code ignored;
    stream.socket().shutdown(tcp::socket::shutdown_both, ignored);
    --open;
  }

  asio::awaitable<void> TlsSession(tcp::socket socket) {
    ++open;
    const std::string remote = RemoteOf(socket);
    TlsStream stream(beast::tcp_stream(std::move(socket)), tls);
    beast::error_code ec;
    // The handshake is part of the request: it must finish within the request timeout.
    beast::get_lowest_layer(stream).expires_after(options.request_timeout);
    co_await stream.async_handshake(ssl::stream_base::server, asio::redirect_error(asio::use_awaitable, ec));
    if (!ec) {
      co_await Serve(stream, remote);
      beast::get_lowest_layer(stream).expires_after(std::chrono::seconds(5));
      co_await stream.async_shutdown(asio::redirect_error(asio::use_awaitable, ec));
    }
    beast::error_code ignored;
    beast::get_lowest_layer(stream).socket().shutdown(tcp::socket::shutdown_both, ignored);
    --open;
  }

  template <class Stream>
  asio::awaitable<void> Serve(Stream& stream, const std::string& remote) {
    beast::tcp_stream& transport = beast::get_lowest_layer(stream);
    beast::flat_buffer buffer;
    for (;;) {
      if (stopping) break;
      beast::error_code ec;
      // Between requests: wait for the first byte as long as the idle timeout allows.
      if (buffer.size() == 0) {
        SetIdle(&transport, true);
        transport.expires_after(options.idle_timeout);
        const std::size_t got = co_await stream.async_read_some(buffer.prepare(4096),
                                                                asio::redirect_error(asio::use_awaitable, ec));
        buffer.commit(got);
        SetIdle(&transport, false);
        if (ec || stopping) break;
      }
      // Once it has started, the whole request must arrive within the request timeout.
      bhttp::request_parser<bhttp::string_body> parser;
      parser.header_limit(static_cast<std::uint32_t>(options.header_limit));
      parser.body_limit(options.body_limit);
      transport.expires_after(options.request_timeout);
      co_await bhttp::async_read(stream, buffer, parser, asio::redirect_error(asio::use_awaitable, ec));
      if (ec == bhttp::error::end_of_stream || ec == asio::error::operation_aborted || ec == beast::error::timeout ||
          ec == ssl::error::stream_truncated) {
        break;
      }
      const auto started = std::chrono::steady_clock::now();
      Request request;
      Response response;
      bool keep_alive = false;
      unsigned version = 11;
      if (ec) {
        // Malformed or too large: answer once, then close.
        request.method = "?";
        request.remote = remote;
        const bool too_large = ec == bhttp::error::header_limit || ec == bhttp::error::body_limit;
        response.status = too_large ? (ec == bhttp::error::header_limit ? 431 : 413) : 400;
        response.route = "(unparsed)";
        response.Set("Content-Type", "application/problem+json");
        response.body = std::string("{\"type\":\"about:blank\",\"title\":\"") +
                        (too_large ? "Request too large" : "Malformed request") + "\",\"status\":" +
                        std::to_string(response.status) + ",\"detail\":\"" + ec.message() + "\"}";
      } else {
        const auto& message = parser.get();
        keep_alive = message.keep_alive();
        version = message.version();
        request = ToRequest(message, remote);
        try {
          response = handler(request);
        } catch (const std::exception& e) {
          response = Response{};
          response.status = 500;
          response.route = "(error)";
          response.Set("Content-Type", "application/problem+json");
          response.body = "{\"type\":\"about:blank\",\"title\":\"Internal error\",\"status\":500}";
          request.headers["x-arrears-error"] = e.what();
        }
      }
      bhttp::response<bhttp::string_body> out{static_cast<bhttp::status>(response.status), version};
      out.set(bhttp::field::server, "arrears");
      for (const auto& [name, value] : response.headers) out.set(name, value);
      out.body() = response.file.empty() ? std::move(response.body) : ReadFile(response.file);
      out.keep_alive(keep_alive && !stopping);
      out.prepare_payload();
      // Counted before it is sent: a client that asks /metrics next sees this request in it.
      if (observer) {
        observer(request, response,
                 std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - started));
      }
      transport.expires_after(options.request_timeout);
      co_await bhttp::async_write(stream, out, asio::redirect_error(asio::use_awaitable, ec));
      if (ec || !out.keep_alive()) break;
    }
  }

  asio::awaitable<void> Accept() {
    for (;;) {
      beast::error_code ec;
      tcp::socket socket = co_await acceptor.async_accept(asio::redirect_error(asio::use_awaitable, ec));
      if (ec) {
        if (stopping || ec == asio::error::operation_aborted) co_return;
        continue;  // e.g. too many open files: keep serving the others
      }
      if (options.tls()) {
        asio::co_spawn(acceptor.get_executor(), TlsSession(std::move(socket)), asio::detached);
      } else {
        asio::co_spawn(acceptor.get_executor(), PlainSession(std::move(socket)), asio::detached);
      }
    }
  }
};

Server::Server(ServerOptions options, Handler handler, Observer observer)
    : impl_(std::make_unique<Impl>(std::move(options), std::move(handler), std::move(observer))) {}

Server::~Server() = default;

void Server::Listen() {
  if (impl_->options.tls()) impl_->LoadTls();
  beast::error_code ec;
  const auto address = asio::ip::make_address(impl_->options.address, ec);
  if (ec) throw std::runtime_error("--listen: '" + impl_->options.address + "' is not an IP address");
  const tcp::endpoint endpoint(address, impl_->options.port);
  impl_->acceptor.open(endpoint.protocol(), ec);
  if (!ec) impl_->acceptor.set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) impl_->acceptor.bind(endpoint, ec);
  if (!ec) impl_->acceptor.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) {
    throw std::runtime_error("--listen: cannot listen on " + impl_->options.address + ":" +
                             std::to_string(impl_->options.port) + ": " + ec.message());
  }
}

unsigned short Server::port() const { return impl_->acceptor.local_endpoint().port(); }

int Server::connections() const { return impl_->open.load(); }

void Server::Run() {
  impl_->signals.async_wait([this](const beast::error_code& ec, int) {
    if (!ec) impl_->BeginShutdown();
  });
  asio::co_spawn(impl_->io, impl_->Accept(), asio::detached);
  std::vector<std::thread> threads;
  for (int i = 1; i < impl_->options.threads; ++i) threads.emplace_back([this] { impl_->io.run(); });
  impl_->io.run();
  for (std::thread& thread : threads) thread.join();
}

void Server::Stop() { impl_->BeginShutdown(); }

}  // namespace arrears::http
