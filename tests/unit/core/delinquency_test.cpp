#include "core/delinquency.hpp"

#include <gtest/gtest.h>

#include "core/bucket.hpp"

namespace arrears {
namespace {

Money Cny(std::int64_t fen) { return Money(fen, Currency::kCNY); }
Date D(const char* text) { return *Date::Parse(text); }

TEST(DelinquencyTest, LoanCountsFromTheOldestUnpaidInstallment) {
  const std::vector<DueAmount> installments = {
      {D("2026-09-15"), Cny(268'000), Cny(268'000)},  // paid
      {D("2026-10-15"), Cny(268'000), Cny(100'000)},  // part paid: oldest unpaid
      {D("2026-11-15"), Cny(268'000), Cny(0)},
      {D("2026-12-15"), Cny(268'000), Cny(0)},        // not yet due
  };
  const auto result = LoanDelinquency(installments, D("2026-11-28"), {});
  EXPECT_EQ(result.days_past_due, 44);  // 10-15 -> 11-28
  EXPECT_EQ(result.oldest_unpaid_due, D("2026-10-15"));
  EXPECT_EQ(result.overdue, Cny(168'000 + 268'000));
}

TEST(DelinquencyTest, DueTodayIsNotOverdueAndGraceKeepsCurrent) {
  const std::vector<DueAmount> one = {{D("2026-11-28"), Cny(1000), Cny(0)}};
  EXPECT_EQ(LoanDelinquency(one, D("2026-11-28"), {}).days_past_due, 0);
  EXPECT_EQ(LoanDelinquency(one, D("2026-11-29"), {}).days_past_due, 1);
  DelinquencyRule grace{3, 0};
  EXPECT_EQ(LoanDelinquency(one, D("2026-12-01"), grace).days_past_due, 0);  // 3 days: inside the grace
  EXPECT_EQ(LoanDelinquency(one, D("2026-12-02"), grace).days_past_due, 4);  // past it: counted from the due date
}

TEST(DelinquencyTest, ToleranceIgnoresRoundingRemainders) {
  const std::vector<DueAmount> one = {{D("2026-10-15"), Cny(268'000), Cny(267'995)}};
  EXPECT_EQ(LoanDelinquency(one, D("2026-11-28"), {0, 5}).days_past_due, 0);
  EXPECT_EQ(LoanDelinquency(one, D("2026-11-28"), {0, 4}).days_past_due, 44);
}

TEST(DelinquencyTest, CardAppliesRepaymentsToTheOldestMinimum) {
  const std::vector<DueAmount> minimums = {
      {D("2026-08-25"), Cny(50'000), Cny(0)},
      {D("2026-09-25"), Cny(60'000), Cny(0)},
      {D("2026-10-25"), Cny(70'000), Cny(0)},
  };
  // 800.00 paid: covers August (500) and 300 of September: DPD from 09-25.
  auto result = CardDelinquency(minimums, Cny(80'000), D("2026-11-28"), {});
  EXPECT_EQ(result.oldest_unpaid_due, D("2026-09-25"));
  EXPECT_EQ(result.days_past_due, 64);
  EXPECT_EQ(result.overdue, Cny(30'000 + 70'000));
  // Everything paid: current.
  EXPECT_EQ(CardDelinquency(minimums, Cny(180'000), D("2026-11-28"), {}).days_past_due, 0);
}

TEST(BucketTest, DefaultMScale) {
  const BucketScheme scheme = BucketScheme::Default();
  struct Row {
    int dpd;
    const char* bucket;
  };
  for (const Row& row : {Row{-3, "M0"}, Row{0, "M0"}, Row{1, "M1"}, Row{30, "M1"}, Row{31, "M2"}, Row{60, "M2"},
                         Row{61, "M3"}, Row{90, "M3"}, Row{91, "M4"}, Row{120, "M4"}, Row{121, "M5"},
                         Row{150, "M5"}, Row{151, "M6"}, Row{180, "M6"}, Row{181, "M6+"}, Row{2000, "M6+"}}) {
    EXPECT_EQ(scheme.NameOf(row.dpd), row.bucket) << row.dpd;
  }
  EXPECT_EQ(scheme.size(), 8u);
}

TEST(BucketTest, ConfigurableEdges) {
  auto scheme = BucketScheme::Parse("0,15,30");
  ASSERT_TRUE(scheme);
  EXPECT_EQ(scheme->NameOf(16), "M2");
  EXPECT_EQ(scheme->NameOf(31), "M2+");
  EXPECT_FALSE(BucketScheme::Parse("0,30,30"));
  EXPECT_FALSE(BucketScheme::Parse("1,30"));
  EXPECT_FALSE(BucketScheme::Parse("0,x"));
  EXPECT_FALSE(BucketScheme::Create({0, 30}, {"current", "early"}));
}

}  // namespace
}  // namespace arrears
