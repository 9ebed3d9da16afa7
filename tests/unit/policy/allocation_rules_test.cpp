#include "policy/allocation_rules.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace arrears::policy {
namespace {

TEST(AllocationRules, TheShippedFileReads) {
  std::ifstream file(std::string(ARREARS_SOURCE_DIR) + "/config/allocation.yaml");
  std::stringstream text;
  text << file.rdbuf();
  const auto rules = ParseAllocationRules(text.str(), "allocation.yaml");
  ASSERT_TRUE(rules) << rules.error().message;
  EXPECT_EQ(rules->balance_by, BalanceBy::kCount);
  EXPECT_EQ(rules->rotate_after_days, 30);
  ASSERT_EQ(rules->teams.size(), 2u);
  EXPECT_EQ(rules->teams[0].name, "east");
  EXPECT_EQ(rules->teams[1].buckets, (std::vector<std::string>{"M1", "M2", "M3"}));
  ASSERT_EQ(rules->placements.size(), 1u);
  EXPECT_EQ(rules->placements[0].agencies[0].ppm, 1'000'000);
  EXPECT_EQ(rules->notice_days, 7);
  EXPECT_EQ(rules->placement_days, 90);
}

TEST(AllocationRules, MistakesNameTheFileAndLine) {
  EXPECT_EQ(ParseAllocationRules("balance_by: weight\n", "a.yaml").error().message, "a.yaml:1: balance_by is count or amount");
  EXPECT_EQ(ParseAllocationRules("teams:\n  - {name: A, skills: [M1]}\n", "a.yaml").error().message,
            "a.yaml:2: unknown team setting 'skills'");
  EXPECT_EQ(ParseAllocationRules("teams:\n  - {name: A}\n  - {name: A}\n", "a.yaml").error().message,
            "a.yaml:3: team 'A' appears twice");
  EXPECT_EQ(ParseAllocationRules("agencies:\n  rules:\n    - shares: {X: 60%, Y: 30%}\n", "a.yaml").error().message,
            "a.yaml:3: the shares add up to 100%");
  EXPECT_EQ(ParseAllocationRules("rotate_after_days: -3\n", "a.yaml").error().message,
            "a.yaml:1: rotate_after_days is 0 or more");
  EXPECT_TRUE(ParseAllocationRules("", "a.yaml"));  // no rules: owners are kept
}

}  // namespace
}  // namespace arrears::policy
