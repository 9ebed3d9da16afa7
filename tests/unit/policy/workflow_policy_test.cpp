#include "policy/workflow_policy.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace arrears::policy {
namespace {

WorkflowPolicy Shipped() {
  std::ifstream file(std::string(ARREARS_SOURCE_DIR) + "/config/workflow.yaml");
  std::stringstream text;
  text << file.rdbuf();
  auto policy = ParseWorkflowPolicy(text.str(), "workflow.yaml");
  if (!policy) throw std::runtime_error(policy.error().message);
  return *policy;
}

std::int64_t Waiver(const AuthorityLimit& limit, Component component) {
  return limit.max_waiver_ppm[static_cast<std::size_t>(component)];
}

TEST(WorkflowPolicy, TheShippedFileReads) {
  const WorkflowPolicy policy = Shipped();
  EXPECT_EQ(policy.promise.minimum_amount, 10'000);
  EXPECT_EQ(policy.promise.minimum_share_ppm, 100'000);
  EXPECT_EQ(policy.promise.max_open, 2);
  EXPECT_EQ(policy.promise_rules.grace_days, 3);
  EXPECT_EQ(policy.promise_rules.tolerance, 100);
  EXPECT_EQ(policy.MaxPlanMonths("card"), 60);
  EXPECT_EQ(policy.broken_installments_to_fail, 2);
}

TEST(WorkflowPolicy, TheAuthorityMatrixPicksByRoleProductAndBucket) {
  const WorkflowPolicy policy = Shipped();
  const AuthorityLimit early = policy.LimitFor("collector", "card", "M1");
  EXPECT_EQ(early.max_periods, 12);
  EXPECT_EQ(Waiver(early, Component::kPenaltyInterest), 500'000);
  EXPECT_EQ(Waiver(early, Component::kPrincipal), 0);
  EXPECT_EQ(policy.LimitFor("collector", "loan", "M6+").max_periods, 24);
  EXPECT_EQ(policy.LimitFor("supervisor", "card", "M2").max_periods, 60);
  // A role without an entry has no authority at all.
  EXPECT_EQ(policy.LimitFor("auditor", "card", "M1").max_periods, 0);
}

TEST(WorkflowPolicy, ErrorsNameTheLine) {
  const auto bad = ParseWorkflowPolicy("promises:\n  max_open: 0\n", "w.yaml");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().message, "w.yaml:2: max_open is at least 1");
  const auto waiver = ParseWorkflowPolicy(
      "authority:\n  - role: collector\n    waiver: {penalty_interest: \"150%\"}\n", "w.yaml");
  ASSERT_FALSE(waiver);
  EXPECT_NE(waiver.error().message.find("w.yaml:3: waiver of penalty_interest"), std::string::npos)
      << waiver.error().message;
  const auto component = ParseWorkflowPolicy("authority:\n  - role: collector\n    waiver: {fines: \"10%\"}\n", "w.yaml");
  ASSERT_FALSE(component);
  EXPECT_EQ(component.error().message, "w.yaml:3: unknown component 'fines'");
}

}  // namespace
}  // namespace arrears::policy
