// Test support (not a test): runs the arrears binary and captures its output.
#include "support/run_command.hpp"

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace arrears::testing {

namespace {
std::string Slurp(const std::string& path) {
  std::ifstream file(path);
  std::ostringstream text;
  text << file.rdbuf();
  return text.str();
}
}  // namespace

CommandResult RunArrears(const std::vector<std::string>& arguments, const std::vector<std::string>& environment,
                         const std::string& input) {
  std::vector<std::string> argv = {ARREARS_BINARY};
  argv.insert(argv.end(), arguments.begin(), arguments.end());
  return RunProgram(argv, environment, input);
}

CommandResult RunProgram(const std::vector<std::string>& program, const std::vector<std::string>& environment,
                         const std::string& input) {
  char in_path[] = "/tmp/arrears-cli-in-XXXXXX";
  const int in_fd = mkstemp(in_path);
  if (in_fd < 0 || write(in_fd, input.data(), input.size()) != static_cast<ssize_t>(input.size())) {
    throw std::runtime_error("cannot write the command's input");
  }
  lseek(in_fd, 0, SEEK_SET);
  char out_path[] = "/tmp/arrears-cli-out-XXXXXX";
  char err_path[] = "/tmp/arrears-cli-err-XXXXXX";
  const int out_fd = mkstemp(out_path);
  const int err_fd = mkstemp(err_path);
  if (out_fd < 0 || err_fd < 0) throw std::runtime_error("mkstemp failed");
  const pid_t pid = fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    dup2(out_fd, 1);
    dup2(err_fd, 2);
    dup2(in_fd, 0);
    unsetenv("ARREARS_NOW");
    for (const std::string& assignment : environment) putenv(const_cast<char*>(assignment.c_str()));
    std::vector<char*> argv;
    for (const std::string& argument : program) argv.push_back(const_cast<char*>(argument.c_str()));
    argv.push_back(nullptr);
    execv(argv[0], argv.data());
    _exit(127);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  close(in_fd);
  close(out_fd);
  close(err_fd);
  unlink(in_path);
  CommandResult result;
  result.exit_status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  result.out = Slurp(out_path);
  result.err = Slurp(err_path);
  unlink(out_path);
  unlink(err_path);
  return result;
}

}  // namespace arrears::testing
