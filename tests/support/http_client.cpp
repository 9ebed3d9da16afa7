// Test support (not a test): a minimal HTTP/1.1 client.
#include "support/http_client.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cctype>
#include <stdexcept>

namespace arrears::testing {

int ConnectLocal(int port) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
    close(fd);
    return -1;
  }
  return fd;
}

HttpResponse ReadResponse(int fd) {
  std::string data;
  char buffer[65536];
  HttpResponse response;
  std::size_t header_end = std::string::npos;
  std::size_t length = 0;
  for (;;) {
    if (header_end != std::string::npos && data.size() >= header_end + 4 + length) break;
    const ssize_t got = read(fd, buffer, sizeof buffer);
    if (got <= 0) break;
    data.append(buffer, static_cast<std::size_t>(got));
    if (header_end == std::string::npos) {
      header_end = data.find("\r\n\r\n");
      if (header_end != std::string::npos) {
        std::size_t line_end = data.find("\r\n");
        response.status = std::stoi(data.substr(9, 3));
        std::size_t start = line_end + 2;
        while (start < header_end) {
          const std::size_t end = data.find("\r\n", start);
          const std::string line = data.substr(start, end - start);
          const std::size_t colon = line.find(':');
          std::string name = line.substr(0, colon);
          for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
          std::string value = line.substr(colon + 1);
          while (!value.empty() && value.front() == ' ') value.erase(0, 1);
          response.headers[name] = value;
          start = end + 2;
        }
        if (auto it = response.headers.find("content-length"); it != response.headers.end()) {
          length = std::stoul(it->second);
        }
      }
    }
  }
  if (header_end == std::string::npos) return HttpResponse{};
  response.body = data.substr(header_end + 4, length);
  return response;
}

HttpResponse HttpClient::Raw(const std::string& bytes) {
  const int fd = ConnectLocal(port_);
  if (fd < 0) throw std::runtime_error("cannot connect to port " + std::to_string(port_));
  std::size_t sent = 0;
  while (sent < bytes.size()) {
    const ssize_t wrote = send(fd, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
    if (wrote <= 0) break;
    sent += static_cast<std::size_t>(wrote);
  }
  HttpResponse response = ReadResponse(fd);
  close(fd);
  return response;
}

HttpResponse HttpClient::Request(const std::string& method, const std::string& target, const std::string& body,
                                 const std::map<std::string, std::string>& headers) {
  std::string request = method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n";
  if (!cookie_.empty()) request += "Cookie: arrears_session=" + cookie_ + "\r\n";
  if (!csrf.empty()) request += "X-CSRF-Token: " + csrf + "\r\n";
  for (const auto& [name, value] : headers) request += name + ": " + value + "\r\n";
  if (!body.empty() || method == "POST" || method == "PUT") {
    if (!headers.contains("Content-Type")) request += "Content-Type: application/json\r\n";
    request += "Content-Length: " + std::to_string(body.size()) + "\r\n";
  }
  request += "\r\n" + body;
  HttpResponse response = Raw(request);
  if (auto it = response.headers.find("set-cookie"); it != response.headers.end()) {
    const std::string& value = it->second;
    const std::size_t equals = value.find('=');
    const std::size_t semicolon = value.find(';');
    cookie_ = value.substr(equals + 1, semicolon - equals - 1);
  }
  return response;
}

}  // namespace arrears::testing
