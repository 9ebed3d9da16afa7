#include "core/propensity.hpp"

#include <gtest/gtest.h>

namespace arrears {
namespace {

PropensityInputs In(int dpd, std::optional<int> days_since_payment, bool promise_open, int broken, bool reached) {
  PropensityInputs in;
  in.days_past_due = dpd;
  in.days_since_payment = days_since_payment;
  in.promise_open = promise_open;
  in.broken_promises = broken;
  in.last_contact_reached = reached;
  return in;
}

TEST(Propensity, EachTermAsDocumented) {
  EXPECT_EQ(PropensityPpm({}), 400'000);
  EXPECT_EQ(PropensityPpm(In(30, std::nullopt, false, 0, false)), 340'000);
  EXPECT_EQ(PropensityPpm(In(500, std::nullopt, false, 0, false)), 40'000);  // capped at 180 days
  EXPECT_EQ(PropensityPpm(In(10, 30, false, 0, false)), 530'000);
  EXPECT_EQ(PropensityPpm(In(10, 31, false, 0, false)), 380'000);
  EXPECT_EQ(PropensityPpm(In(0, std::nullopt, true, 0, true)), 550'000);
  EXPECT_EQ(PropensityPpm(In(90, std::nullopt, false, 2, false)), 60'000);
  EXPECT_EQ(PropensityPpm(In(180, std::nullopt, false, 9, false)), 20'000);  // the floor
  EXPECT_EQ(PropensityPpm(In(0, 0, true, 0, true)), 700'000);
}

TEST(Propensity, ExpectedRecoveryIsOwedTimesPropensity) {
  EXPECT_EQ(ExpectedRecovery(1'000'000, 400'000), 400'000);  // 10,000.00 yuan at 40%
  EXPECT_EQ(ExpectedRecovery(12'345, 333'333), 4'114);       // rounded down
  EXPECT_EQ(ExpectedRecovery(0, 950'000), 0);
  EXPECT_EQ(ExpectedRecovery(-5, 950'000), 0);
  EXPECT_EQ(ExpectedRecovery(9'000'000'000'000'000'000, 500'000), 4'500'000'000'000'000'000);
}

}  // namespace
}  // namespace arrears
