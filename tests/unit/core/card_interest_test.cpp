#include "core/card_interest.hpp"

#include <gtest/gtest.h>

namespace arrears {
namespace {

Money Cny(std::int64_t fen) { return Money(fen, Currency::kCNY); }
Date D(const char* text) { return *Date::Parse(text); }

CardStatement TextbookStatement() {
  // The textbook example of 全额计息 (DOMAIN.md section 3): a 1,000.00 purchase
  // posted 03-30; statement 04-05, due 04-25, minimum 100.00 paid on 04-25;
  // next statement 05-05; 0.05% a day.
  CardStatement s;
  s.transactions = {{D("2026-03-30"), Cny(100'000)}};
  s.statement_date = D("2026-04-05");
  s.due_date = D("2026-04-25");
  s.repayments = {{D("2026-04-25"), Cny(10'000)}};
  s.next_statement_date = D("2026-05-05");
  return s;
}

TEST(CardInterestTest, TextbookFullAmountInterest) {
  auto interest = ComputeCardInterest(TextbookStatement());
  ASSERT_TRUE(interest) << interest.error().message;
  EXPECT_FALSE(interest->paid_in_full);
  ASSERT_EQ(interest->segments.size(), 2u);
  // 1,000.00 × 0.05% × 26 days (03-30..04-24) = 13.00.
  EXPECT_EQ(interest->segments[0].first, D("2026-03-30"));
  EXPECT_EQ(interest->segments[0].last, D("2026-04-24"));
  EXPECT_EQ(interest->segments[0].days, 26);
  EXPECT_EQ(interest->segments[0].interest, Cny(1300));
  // 900.00 × 0.05% × 11 days (04-25..05-05, both ends) = 4.95.
  EXPECT_EQ(interest->segments[1].days, 11);
  EXPECT_EQ(interest->segments[1].base, Cny(90'000));
  EXPECT_EQ(interest->segments[1].interest, Cny(495));
  EXPECT_EQ(interest->total, Cny(1795));
}

TEST(CardInterestTest, PaidInFullByTheDueDateIsInterestFree) {
  CardStatement s = TextbookStatement();
  s.repayments = {{D("2026-04-20"), Cny(60'000)}, {D("2026-04-25"), Cny(40'000)}};
  auto interest = ComputeCardInterest(s);
  ASSERT_TRUE(interest);
  EXPECT_TRUE(interest->paid_in_full);
  EXPECT_EQ(interest->total, Cny(0));
  EXPECT_TRUE(interest->segments.empty());
}

TEST(CardInterestTest, SeveralTransactionsAndRepayments) {
  // 500.00 posted 03-10 and 300.00 posted 03-20; statement 04-05, due 04-25;
  // 200.00 repaid 04-15 and 100.00 on 04-30; next statement 05-05.
  //   03-10..03-19: 500 × 10 days = 5000
  //   03-20..04-14: 800 × 26 days = 20800
  //   04-15..04-29: 600 × 15 days = 9000
  //   04-30..05-05: 500 × 6 days  = 3000
  // Σ 37800 yuan-days × 0.05% = 18.90.
  CardStatement s;
  s.transactions = {{D("2026-03-10"), Cny(50'000)}, {D("2026-03-20"), Cny(30'000)}};
  s.statement_date = D("2026-04-05");
  s.due_date = D("2026-04-25");
  s.repayments = {{D("2026-04-15"), Cny(20'000)}, {D("2026-04-30"), Cny(10'000)}};
  s.next_statement_date = D("2026-05-05");
  auto interest = ComputeCardInterest(s);
  ASSERT_TRUE(interest);
  ASSERT_EQ(interest->segments.size(), 4u);
  EXPECT_EQ(interest->segments[1].days, 26);
  EXPECT_EQ(interest->segments[3].days, 6);
  EXPECT_EQ(interest->total, Cny(1890));
  Money sum = Cny(0);
  for (const auto& segment : interest->segments) sum += segment.interest;
  EXPECT_EQ(sum, interest->total);
}

TEST(CardInterestTest, RoundsOnceAndSegmentsStillSumToTheTotal) {
  // 333.33 × 0.05% × 1 day = 0.166665 and again: Σ 0.33333 -> 0.33, shared 0.17 + 0.16.
  CardStatement s;
  s.transactions = {{D("2026-04-04"), Cny(33'333)}, {D("2026-04-05"), Cny(1)}};
  s.statement_date = D("2026-04-05");
  s.due_date = D("2026-04-25");
  s.next_statement_date = D("2026-04-25");
  auto interest = ComputeCardInterest(s);
  ASSERT_TRUE(interest);
  Money sum = Cny(0);
  for (const auto& segment : interest->segments) sum += segment.interest;
  EXPECT_EQ(sum, interest->total);
}

TEST(CardInterestTest, RejectsInconsistentStatements) {
  CardStatement s = TextbookStatement();
  s.due_date = D("2026-04-01");
  auto bad = ComputeCardInterest(s);
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().field, "due_date");
  s = TextbookStatement();
  s.transactions.push_back({D("2026-04-06"), Cny(100)});
  EXPECT_EQ(ComputeCardInterest(s).error().field, "transactions");
  s = TextbookStatement();
  s.daily_rate = Rate(65'000'000, RatePeriod::kAnnual);
  EXPECT_EQ(ComputeCardInterest(s).error().field, "daily_rate");
}

}  // namespace
}  // namespace arrears
