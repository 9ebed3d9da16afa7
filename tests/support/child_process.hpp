// Test support (not a test): a service the tests need (the SMTP sink, the SMS
// gateway) as a child process listening on a free loopback port, stopped by
// its process id (SIGTERM, then waited for) when the test ends.
#pragma once

#include <sys/types.h>

#include <string>
#include <vector>

namespace arrears::testing {

// A loopback port nobody listens on now.
int FreePort();

class ChildProcess {
 public:
  // Runs `argv` (argv[0] a path) with `environment` added, and waits until `port` accepts connections.
  ChildProcess(const std::vector<std::string>& argv, const std::vector<std::string>& environment, int port);
  ~ChildProcess();
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

  void Stop();

 private:
  pid_t pid_ = -1;
};

}  // namespace arrears::testing
