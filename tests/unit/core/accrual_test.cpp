#include "core/accrual.hpp"

#include <gtest/gtest.h>

namespace arrears {
namespace {

Money Cny(std::int64_t fen) { return Money(fen, Currency::kCNY); }
Date D(const char* text) { return *Date::Parse(text); }

TEST(AccrualTest, SimpleInterestByDayCount) {
  // 100,000.00 at 6.5% ACT/360 for 181 days: 100000 × 0.065 × 181/360 = 3268.0555... -> 3268.06.
  const Rate annual(65'000'000, RatePeriod::kAnnual);
  EXPECT_EQ(SimpleInterest(Cny(10'000'000), annual, DayCountConvention::kActual360, D("2026-01-01"), D("2026-07-01")),
            Cny(326806));
  // ACT/365F: 100000 × 0.065 × 181/365 = 3223.2876... -> 3223.29.
  EXPECT_EQ(SimpleInterest(Cny(10'000'000), annual, DayCountConvention::kActual365Fixed, D("2026-01-01"),
                           D("2026-07-01")),
            Cny(322329));
  // A daily rate counts actual days whatever the convention: 10,000.00 × 0.05% × 30 = 150.00.
  EXPECT_EQ(SimpleInterest(Cny(1'000'000), Rate(500'000, RatePeriod::kDaily), DayCountConvention::kThirty360Us,
                           D("2026-01-01"), D("2026-01-31")),
            Cny(15000));
  // A monthly rate: 10,000.00 × 1%/month × 30/360·12 (one 30/360 month) = 100.00.
  EXPECT_EQ(SimpleInterest(Cny(1'000'000), Rate(10'000'000, RatePeriod::kMonthly), DayCountConvention::kThirty360Us,
                           D("2026-01-15"), D("2026-02-15")),
            Cny(10000));
}

TEST(AccrualTest, ChineseLoanPenaltyAndCompoundInterest) {
  // Contract 7.2% a year on ACT/360 = 0.02% a day; penalty +50% = 0.03% a day.
  // Overdue principal 10,000.00 for 30 days: 10000 × 0.0003 × 30 = 90.00.
  // Not-yet-due principal 50,000.00: 50000 × 0.0002 × 30 = 300.00.
  // Overdue interest 500.00 bears compound interest at 0.03%: 500 × 0.0003 × 30 = 4.50.
  // Overdue late fee 100.00 bears nothing.
  Balance balance(Currency::kCNY);
  balance.AddOverdue(Component::kPrincipal, Cny(1'000'000));
  balance.AddNotDue(Component::kPrincipal, Cny(5'000'000));
  balance.AddOverdue(Component::kInterest, Cny(50'000));
  balance.AddOverdue(Component::kPenaltyInterest, Cny(20'000));
  balance.AddOverdue(Component::kLateFee, Cny(10'000));
  LoanAccrualTerms terms;
  terms.contract_rate = Rate(72'000'000, RatePeriod::kAnnual);
  terms.penalty_uplift = Rate(500'000'000, RatePeriod::kFlat);
  const LoanAccrual accrual = AccrueLoan(balance, terms, D("2026-10-01"), D("2026-10-31"));
  EXPECT_EQ(accrual.interest, Cny(30'000));
  EXPECT_EQ(accrual.penalty_interest, Cny(9'000));
  EXPECT_EQ(accrual.compound_interest, Cny(450));
  EXPECT_EQ(accrual.Total(), Cny(39'450));
  EXPECT_EQ(accrual.penalty_rate, Rate(108'000'000, RatePeriod::kAnnual));
  // When the contract compounds penalty interest too: (500 + 200) × 0.0003 × 30 = 6.30.
  terms.compound_on_penalty_interest = true;
  EXPECT_EQ(AccrueLoan(balance, terms, D("2026-10-01"), D("2026-10-31")).compound_interest, Cny(630));
}

TEST(AccrualTest, FeesNeverBearInterest) {
  Balance balance(Currency::kCNY);
  balance.AddOverdue(Component::kLateFee, Cny(1'000'000));
  balance.AddOverdue(Component::kInstallmentFee, Cny(1'000'000));
  balance.AddOverdue(Component::kOtherFee, Cny(1'000'000));
  LoanAccrualTerms terms;
  terms.contract_rate = Rate(240'000'000, RatePeriod::kAnnual);
  EXPECT_EQ(AccrueLoan(balance, terms, D("2026-01-01"), D("2027-01-01")).Total(), Cny(0));
}

TEST(AccrualTest, ZeroLengthPeriodAccruesNothing) {
  Balance balance(Currency::kCNY);
  balance.AddOverdue(Component::kPrincipal, Cny(1'000'000));
  LoanAccrualTerms terms;
  terms.contract_rate = Rate(72'000'000, RatePeriod::kAnnual);
  EXPECT_EQ(AccrueLoan(balance, terms, D("2026-10-01"), D("2026-10-01")).Total(), Cny(0));
  EXPECT_THROW(AccrueLoan(balance, terms, D("2026-10-02"), D("2026-10-01")), std::invalid_argument);
}

}  // namespace
}  // namespace arrears
