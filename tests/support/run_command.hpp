// Runs the arrears binary (or another program) with arguments and captures what it printed.
#pragma once

#include <string>
#include <vector>

namespace arrears::testing {

struct CommandResult {
  int exit_status = -1;
  std::string out;
  std::string err;
};

// Arguments are passed without a shell, so no quoting is needed.
// `input` is what the command reads on standard input (empty: /dev/null).
CommandResult RunArrears(const std::vector<std::string>& arguments, const std::vector<std::string>& environment = {},
                         const std::string& input = {});

// Any program (program[0] a path), the same way.
CommandResult RunProgram(const std::vector<std::string>& program, const std::vector<std::string>& environment = {},
                         const std::string& input = {});

}  // namespace arrears::testing
