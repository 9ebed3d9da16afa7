// Test support (not a test): `arrears serve` as a child process on a free
// port, stopped with SIGTERM (and waited for) when the test ends.
#pragma once

#include <sys/types.h>

#include <string>
#include <vector>

namespace arrears::testing {

class ServerProcess {
 public:
  // Starts the server with `arguments` after `serve --listen 127.0.0.1:0` and
  // waits until it says where it listens.
  ServerProcess(const std::vector<std::string>& arguments, const std::string& now);
  ~ServerProcess();
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;

  int port() const { return port_; }
  // SIGTERM, then the exit status (after in-flight requests finished).
  int Stop();

 private:
  pid_t pid_ = -1;
  int port_ = 0;
  int log_fd_ = -1;
  std::string log_;
};

}  // namespace arrears::testing
