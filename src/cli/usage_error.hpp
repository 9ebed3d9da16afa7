// UsageError: bad input on the command line. main() prints its one line on
// stderr and exits with status 2 (DESIGN.md command-line conventions).
#pragma once

#include <stdexcept>
#include <string>

#include "core/result.hpp"

namespace arrears::cli {

class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Ends the command with this exit status once its output is written (e.g. 1
// when `audit verify` finds a broken chain).
struct ExitStatus {
  int code;
};

// The value of `result`, or a UsageError naming the argument: "--principal: ...".
template <class T>
T Require(Result<T> result, const std::string& argument) {
  if (!result) throw UsageError(argument + ": " + result.error().message);
  return std::move(result).value();
}

// The same, naming the argument after the error's own field: "annual_rate"
// becomes "--annual-rate".
template <class T>
T RequireField(Result<T> result) {
  if (!result) {
    std::string flag = "--" + result.error().field;
    for (char& c : flag) c = c == '_' ? '-' : c;
    throw UsageError(flag + ": " + result.error().message);
  }
  return std::move(result).value();
}

}  // namespace arrears::cli
