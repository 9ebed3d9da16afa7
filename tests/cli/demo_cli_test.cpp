// `arrears demo generate`: files written, deterministic, time injected.
#include <gtest/gtest.h>

#include <filesystem>
#include <algorithm>
#include <fstream>
#include <sstream>

#include "support/run_command.hpp"

namespace arrears::testing {
namespace {

std::string Slurp(const std::filesystem::path& path) {
  std::ifstream file(path);
  std::ostringstream text;
  text << file.rdbuf();
  return text.str();
}

class DemoCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("arrears-demo-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::filesystem::path dir_;
};

TEST_F(DemoCliTest, WritesTheFourFilesDeterministically) {
  const CommandResult first = RunArrears({"demo", "generate", "--customers", "200", "--seed", "5", "--out",
                                          (dir_ / "a").string(), "--as-of", "2026-11-28", "--json"});
  ASSERT_EQ(first.exit_status, 0) << first.err;
  EXPECT_NE(first.out.find(R"("customers":200)"), std::string::npos) << first.out;
  const CommandResult second = RunArrears({"demo", "generate", "--customers", "200", "--seed", "5", "--out",
                                           (dir_ / "b").string(), "--as-of", "2026-11-28"});
  ASSERT_EQ(second.exit_status, 0) << second.err;
  for (const char* file : {"customers.csv", "contacts.csv", "accounts.csv", "payments.csv"}) {
    const std::string a = Slurp(dir_ / "a" / file);
    EXPECT_GT(a.size(), 100u) << file;
    EXPECT_EQ(a, Slurp(dir_ / "b" / file)) << file;
  }
  const std::string customers = Slurp(dir_ / "a" / "customers.csv");
  EXPECT_EQ(std::count(customers.begin(), customers.end(), '\n'), 201);  // header + 200
}

TEST_F(DemoCliTest, AsOfDefaultsToTheInjectedClock) {
  const CommandResult r = RunArrears({"demo", "generate", "--customers", "3", "--out", dir_.string(), "--json"},
                                     {"ARREARS_NOW=2026-03-01T01:30:00+08:00"});
  ASSERT_EQ(r.exit_status, 0) << r.err;
  EXPECT_NE(r.out.find(R"("as_of":"2026-03-01")"), std::string::npos) << r.out;
  // 2026-02-28T17:30Z is already 1 March in Shanghai.
  const CommandResult z = RunArrears({"--now", "2026-02-28T17:30:00Z", "demo", "generate", "--customers", "3", "--out",
                                      dir_.string(), "--json"});
  EXPECT_NE(z.out.find(R"("as_of":"2026-02-28")"), std::string::npos) << z.out;
}

TEST_F(DemoCliTest, RefusesBadArguments) {
  const CommandResult r = RunArrears({"demo", "generate", "--customers", "0", "--out", dir_.string()});
  EXPECT_EQ(r.exit_status, 2);
  EXPECT_NE(r.err.find("--customers"), std::string::npos);
  const CommandResult unwritable = RunArrears({"demo", "generate", "--customers", "3", "--out", "/proc/arrears-no"});
  EXPECT_EQ(unwritable.exit_status, 1);
  EXPECT_NE(unwritable.err.find("/proc/arrears-no"), std::string::npos) << unwritable.err;
}

}  // namespace
}  // namespace arrears::testing
