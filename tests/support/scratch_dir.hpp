// A test's own scratch folder in the temporary directory, named after this
// process and the running test. A parameterised test's name has a '/'
// ("Imports/Sqlite"); kept as is it would name a subfolder, and removing the
// scratch folder would leave its parent behind after every run.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <string>

namespace arrears::testing {

inline std::filesystem::path ScratchDir(const std::string& prefix) {
  std::string name = ::testing::UnitTest::GetInstance()->current_test_info()->name();
  std::replace(name.begin(), name.end(), '/', '_');
  return std::filesystem::temp_directory_path() / (prefix + "-" + std::to_string(getpid()) + "-" + name);
}

}  // namespace arrears::testing
