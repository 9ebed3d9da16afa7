#include "core/waterfall.hpp"

#include <gtest/gtest.h>

#include <random>

namespace arrears {
namespace {

Money Cny(std::int64_t fen) { return Money(fen, Currency::kCNY); }
Date D(const char* text) { return *Date::Parse(text); }
constexpr AccountId kCard{1};
constexpr AccountId kLoan{2};

std::vector<DueItem> TwoInstallments() {
  return {
      {kLoan, 1, D("2026-09-15"), Component::kPrincipal, Cny(20'000)},
      {kLoan, 1, D("2026-09-15"), Component::kInterest, Cny(3'000)},
      {kLoan, 1, D("2026-09-15"), Component::kPenaltyInterest, Cny(500)},
      {kLoan, 1, D("2026-09-15"), Component::kLateFee, Cny(1'000)},
      {kLoan, 2, D("2026-10-15"), Component::kPrincipal, Cny(20'000)},
      {kLoan, 2, D("2026-10-15"), Component::kInterest, Cny(2'800)},
  };
}

Money AppliedTo(const PaymentAllocation& a, std::size_t item) {
  Money sum = Cny(0);
  for (const auto& line : a.lines) {
    if (line.item == item) sum += line.amount;
  }
  return sum;
}

TEST(WaterfallTest, DefaultIsOldestDueFirstThenFeesPenaltyInterestPrincipal) {
  const auto items = TwoInstallments();
  // 300.00: installment 1's fee 10.00, penalty 5.00, interest 30.00, then 255.00 of its principal... 200.00.
  // Then installment 2: interest 28.00, principal 27.00 of 200.00.
  const PaymentAllocation a = AllocatePayment(Cny(30'000), items, Waterfall{});
  EXPECT_EQ(AppliedTo(a, 3), Cny(1'000));
  EXPECT_EQ(AppliedTo(a, 2), Cny(500));
  EXPECT_EQ(AppliedTo(a, 1), Cny(3'000));
  EXPECT_EQ(AppliedTo(a, 0), Cny(20'000));
  EXPECT_EQ(AppliedTo(a, 5), Cny(2'800));
  EXPECT_EQ(AppliedTo(a, 4), Cny(2'700));
  EXPECT_EQ(a.credit_balance, Cny(0));
  EXPECT_EQ(a.lines.front().item, 3u);  // the fee first
}

TEST(WaterfallTest, ComponentFirstPaysChargesOfEveryInstallmentBeforePrincipal) {
  const auto items = TwoInstallments();
  auto waterfall = Waterfall::Parse("component-first", "");
  ASSERT_TRUE(waterfall);
  const PaymentAllocation a = AllocatePayment(Cny(10'000), items, *waterfall);
  EXPECT_EQ(AppliedTo(a, 1), Cny(3'000));
  EXPECT_EQ(AppliedTo(a, 5), Cny(2'800));
  EXPECT_EQ(AppliedTo(a, 0), Cny(2'700));  // principal of the oldest gets what is left
  EXPECT_EQ(AppliedTo(a, 4), Cny(0));
}

TEST(WaterfallTest, OverpaymentBecomesACreditBalance) {
  const auto items = TwoInstallments();
  const PaymentAllocation a = AllocatePayment(Cny(50'000), items, Waterfall{});
  EXPECT_EQ(a.credit_balance, Cny(50'000 - 47'300));
}

TEST(WaterfallTest, DisputedItemsAreSkippedUnlessTheDebtorDirectsThePayment) {
  std::vector<DueItem> items = {
      {kCard, 0, D("2026-09-25"), Component::kLateFee, Cny(3'500), true},  // disputed fee
      {kCard, 0, D("2026-09-25"), Component::kPrincipal, Cny(10'000)},
  };
  PaymentAllocation a = AllocatePayment(Cny(5'000), items, Waterfall{});
  EXPECT_EQ(AppliedTo(a, 0), Cny(0));
  EXPECT_EQ(AppliedTo(a, 1), Cny(5'000));
  a = AllocatePayment(Cny(5'000), items, Waterfall{}, PaymentDirection{kCard, 0});
  EXPECT_EQ(AppliedTo(a, 0), Cny(3'500));
  EXPECT_EQ(AppliedTo(a, 1), Cny(1'500));
}

TEST(WaterfallTest, DirectedToOneInstallment) {
  auto items = TwoInstallments();
  items.push_back({kCard, 0, D("2026-08-25"), Component::kPrincipal, Cny(9'999)});
  // Directed to the loan's installment 2: the card's older debt gets nothing; the excess is credit.
  const PaymentAllocation a = AllocatePayment(Cny(25'000), items, Waterfall{}, PaymentDirection{kLoan, 2});
  EXPECT_EQ(AppliedTo(a, 6), Cny(0));
  EXPECT_EQ(AppliedTo(a, 5), Cny(2'800));
  EXPECT_EQ(AppliedTo(a, 4), Cny(20'000));
  EXPECT_EQ(a.credit_balance, Cny(2'200));
}

TEST(WaterfallTest, ParseNeedsEveryComponentOnce) {
  EXPECT_FALSE(Waterfall::Parse("sideways", ""));
  EXPECT_FALSE(Waterfall::Parse("oldest-due-first", "principal,interest"));
  EXPECT_FALSE(Waterfall::Parse("oldest-due-first",
                                "principal,principal,interest,penalty_interest,compound_interest,late_fee,"
                                "installment_fee,other_fee"));
  auto w = Waterfall::Parse("oldest-due-first",
                            "principal,interest,penalty_interest,compound_interest,late_fee,installment_fee,other_fee");
  ASSERT_TRUE(w);
  EXPECT_EQ(w->components.front(), Component::kPrincipal);
}

// Property: Σ allocations + credit = payment, no item gets more than it owes,
// no disputed item gets anything from an undirected payment.
TEST(WaterfallTest, PropertyConservesEveryFen) {
  std::mt19937_64 random(7);
  for (int trial = 0; trial < 2000; ++trial) {
    std::vector<DueItem> items(random() % 15);
    for (auto& item : items) {
      item.account = AccountId{static_cast<std::int64_t>(1 + random() % 3)};
      item.installment = static_cast<int>(random() % 4);
      item.due = D("2026-01-01").AddDays(static_cast<std::int64_t>(random() % 300));
      item.component = kAllComponents[random() % kComponentCount];
      item.amount = Cny(static_cast<std::int64_t>(random() % 1'000'000));
      item.disputed = random() % 7 == 0;
    }
    const Money payment = Cny(static_cast<std::int64_t>(random() % 3'000'000));
    Waterfall waterfall;
    waterfall.order = random() % 2 ? Waterfall::Order::kOldestDueFirst : Waterfall::Order::kComponentFirst;
    const PaymentAllocation a = AllocatePayment(payment, items, waterfall);
    Money sum = a.credit_balance;
    for (const auto& line : a.lines) {
      sum += line.amount;
      EXPECT_LE(line.amount, items[line.item].amount);
      EXPECT_FALSE(items[line.item].disputed);
    }
    ASSERT_EQ(sum, payment) << "trial " << trial;
    EXPECT_FALSE(a.credit_balance.IsNegative());
  }
}

}  // namespace
}  // namespace arrears
