// Quoting user input in error messages: 'value'.
#pragma once

#include <string>
#include <string_view>

namespace arrears {

// Built by appending: g++ 12 at -O2 warns falsely (-Wrestrict, GCC bug 105329)
// on "'" + std::string(text) + "'".
inline std::string Quote(std::string_view text) {
  std::string quoted;
  quoted.reserve(text.size() + 2);
  quoted.push_back('\'');
  quoted.append(text);
  quoted.push_back('\'');
  return quoted;
}

}  // namespace arrears
