#include "core/minimum_payment.hpp"

#include <gtest/gtest.h>

namespace arrears {
namespace {

Money Cny(std::int64_t fen) { return Money(fen, Currency::kCNY); }

TEST(MinimumPaymentTest, TenPercentOfPrincipalPlusAllCharges) {
  // Statement: principal 10,000.00, interest 150.00, late fee 35.00; installment 2,680.00 billed.
  // 10% × 10,000 + 150 + 35 + 2,680 = 3,865.00.
  MinimumPaymentInput input{Balance(Currency::kCNY), Cny(268'000), Cny(0), Cny(0)};
  input.statement.AddNotDue(Component::kPrincipal, Cny(1'000'000));
  input.statement.AddNotDue(Component::kInterest, Cny(15'000));
  input.statement.AddNotDue(Component::kLateFee, Cny(3'500));
  MinimumPaymentRule rule;
  rule.floor = Cny(10'000);
  EXPECT_EQ(MinimumPayment(rule, input), Cny(386'500));
  // Past-due minimum and over-limit amounts are added in full.
  input.past_due_minimum = Cny(50'000);
  input.over_limit = Cny(20'000);
  EXPECT_EQ(MinimumPayment(rule, input), Cny(456'500));
}

TEST(MinimumPaymentTest, FloorAndSmallBalances) {
  MinimumPaymentRule rule;
  rule.floor = Cny(10'000);  // 100.00
  MinimumPaymentInput input{Balance(Currency::kCNY), Cny(0), Cny(0), Cny(0)};
  input.statement.AddNotDue(Component::kPrincipal, Cny(50'000));  // 10% = 50.00, raised to the floor 100.00
  EXPECT_EQ(MinimumPayment(rule, input), Cny(10'000));
  MinimumPaymentInput small{Balance(Currency::kCNY), Cny(0), Cny(0), Cny(0)};
  small.statement.AddNotDue(Component::kPrincipal, Cny(6'000));  // 60.00 owed: all of it, not the floor
  EXPECT_EQ(MinimumPayment(rule, small), Cny(6'000));
}

}  // namespace
}  // namespace arrears
