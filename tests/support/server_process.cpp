// Test support (not a test): runs `arrears serve` for a test.
#include "support/server_process.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <stdexcept>

namespace arrears::testing {

ServerProcess::ServerProcess(const std::vector<std::string>& arguments, const std::string& now) {
  int pipe_fds[2];
  if (pipe(pipe_fds) != 0) throw std::runtime_error("pipe failed");
  pid_ = fork();
  if (pid_ < 0) throw std::runtime_error("fork failed");
  if (pid_ == 0) {
    dup2(pipe_fds[1], 2);
    const int null_fd = open("/dev/null", O_RDWR);
    dup2(null_fd, 0);
    dup2(null_fd, 1);
    close(pipe_fds[0]);
    setenv("ARREARS_NOW", now.c_str(), 1);
    std::vector<std::string> all = {"serve", "--listen", "127.0.0.1:0"};
    if (std::find(arguments.begin(), arguments.end(), "--threads") == arguments.end()) {
      all.insert(all.end(), {"--threads", "4"});
    }
    all.insert(all.end(), arguments.begin(), arguments.end());
    std::vector<char*> argv = {const_cast<char*>(ARREARS_BINARY)};
    for (std::string& argument : all) argv.push_back(argument.data());
    argv.push_back(nullptr);
    execv(ARREARS_BINARY, argv.data());
    _exit(127);
  }
  close(pipe_fds[1]);
  // "arrears serve: listening on http://127.0.0.1:PORT" (or https://)
  const std::string marker = "://127.0.0.1:";
  char c = 0;
  while (read(pipe_fds[0], &c, 1) == 1) {
    log_.push_back(c);
    const std::size_t at = log_.find("listening on ");
    const std::size_t address = at == std::string::npos ? at : log_.find(marker, at);
    if (address != std::string::npos && c == '\n') {
      port_ = std::atoi(log_.c_str() + address + marker.size());
      break;
    }
  }
  // The pipe stays open until the server has stopped: it writes its last words there.
  log_fd_ = pipe_fds[0];
  if (port_ == 0) {
    Stop();
    throw std::runtime_error("arrears serve did not start: " + log_);
  }
}

int ServerProcess::Stop() {
  if (pid_ <= 0) return -1;
  kill(pid_, SIGTERM);
  int status = 0;
  waitpid(pid_, &status, 0);
  pid_ = -1;
  if (log_fd_ >= 0) close(log_fd_);
  log_fd_ = -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

ServerProcess::~ServerProcess() { Stop(); }

}  // namespace arrears::testing
