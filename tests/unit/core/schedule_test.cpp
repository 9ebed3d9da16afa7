#include "core/schedule.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

namespace arrears {
namespace {

Money Cny(std::int64_t fen) { return Money(fen, Currency::kCNY); }
Date D(const char* text) { return *Date::Parse(text); }
Rate Annual(std::int64_t billionths) { return Rate(billionths, RatePeriod::kAnnual); }

void ExpectConsistent(const Schedule& s, Money principal) {
  EXPECT_EQ(s.TotalPrincipal(), principal);
  EXPECT_EQ(s.TotalPayment(), s.TotalPrincipal() + s.TotalInterest() + s.TotalFee());
  EXPECT_EQ(s.periods.back().balance_after, Cny(0));
  Money balance = principal;
  for (const SchedulePeriod& p : s.periods) {
    balance -= p.principal;
    EXPECT_EQ(p.balance_after, balance) << "period " << p.number;
    EXPECT_EQ(p.payment, p.principal + p.interest + p.fee) << "period " << p.number;
    EXPECT_FALSE(p.principal.IsNegative()) << "period " << p.number;
  }
}

TEST(ScheduleTest, CardInstallmentWithFlatFee) {
  // DOMAIN.md: 30,000 over 12 at 0.6% = 2,500 + 180 = 2,680 per period.
  ScheduleTerms terms{Cny(3'000'000), 12, D("2026-02-15"), RepaymentMethod::kFlatFee};
  terms.fee_rate = Rate(6'000'000, RatePeriod::kFlat);
  auto s = BuildSchedule(terms);
  ASSERT_TRUE(s) << s.error().message;
  ASSERT_EQ(s->periods.size(), 12u);
  for (const SchedulePeriod& p : s->periods) {
    EXPECT_EQ(p.principal, Cny(250'000));
    EXPECT_EQ(p.fee, Cny(18'000));
    EXPECT_EQ(p.payment, Cny(268'000));
    EXPECT_EQ(p.interest, Cny(0));
  }
  EXPECT_EQ(s->periods[0].balance_after, Cny(2'750'000));
  EXPECT_EQ(s->periods[11].due, D("2027-01-15"));
  EXPECT_EQ(s->TotalFee(), Cny(216'000));
  EXPECT_EQ(s->TotalPayment(), Cny(3'216'000));
  ExpectConsistent(*s, Cny(3'000'000));
}

TEST(ScheduleTest, RemainderGoesToTheNamedPeriod) {
  // 10,000.00 over 3: 3,333.33 twice and 3,333.34 in the last (or the first).
  ScheduleTerms terms{Cny(1'000'000), 3, D("2026-01-31"), RepaymentMethod::kFlatFee};
  auto last = BuildSchedule(terms);
  ASSERT_TRUE(last);
  EXPECT_EQ(last->periods[0].principal, Cny(333'333));
  EXPECT_EQ(last->periods[2].principal, Cny(333'334));
  terms.remainder = RemainderPeriod::kFirst;
  auto first = BuildSchedule(terms);
  EXPECT_EQ(first->periods[0].principal, Cny(333'334));
  EXPECT_EQ(first->periods[2].principal, Cny(333'333));
  // Anchored due dates: 01-31, 02-28, 03-31 (not 03-28).
  EXPECT_EQ(last->periods[1].due, D("2026-02-28"));
  EXPECT_EQ(last->periods[2].due, D("2026-03-31"));
}

TEST(ScheduleTest, AnnuityPaymentMatchesTheFormula) {
  // Exact values of P·r / (1 − (1 + r)^−n), r = annual / 12, rounded half-even:
  struct Row {
    std::int64_t principal;
    std::int64_t annual;
    int periods;
    std::int64_t payment;
  };
  const Row rows[] = {
      {10'000'000, 65'000'000, 12, 862'964},     // 100,000 at 6.5%, 1 year: 8629.6416... -> 8629.64
      {10'000'000, 49'000'000, 360, 53'073},     // 100,000 at 4.9%, 30 years: 530.7267 -> 530.73
      {100'000'000, 38'500'000, 360, 468'808},   // 1,000,000 at 3.85%, 30 years: 4688.0823 -> 4688.08
      {3'000'000, 120'000'000, 24, 141'220},     // 30,000 at 12%, 2 years: 1412.2042 -> 1412.20
      {1'200'000, 0, 12, 100'000},               // zero rate: P / n
      {100'000'000, 240'000'000, 600, 2'000'014},  // 1,000,000 at 24%, 50 years: 20000.1383 -> 20000.14
  };
  for (const Row& row : rows) {
    EXPECT_EQ(AnnuityPayment(Cny(row.principal), Annual(row.annual), row.periods), Cny(row.payment))
        << row.principal << " " << row.annual << " " << row.periods;
    // And within half a fen of the formula evaluated in long double.
    const long double r = static_cast<long double>(row.annual) / 1e9L / 12.0L;
    const long double formula =
        r == 0 ? static_cast<long double>(row.principal) / row.periods
               : static_cast<long double>(row.principal) * r / (1.0L - std::pow(1.0L + r, -row.periods));
    EXPECT_LE(std::fabs(formula - static_cast<long double>(row.payment)), 0.5L);
  }
}

TEST(ScheduleTest, AnnuityScheduleLastPeriodAbsorbsRounding) {
  ScheduleTerms terms{Cny(10'000'000), 12, D("2026-01-10"), RepaymentMethod::kAnnuity, Annual(65'000'000)};
  auto s = BuildSchedule(terms);
  ASSERT_TRUE(s);
  // Period 1 interest: 100,000.00 × 6.5% / 12 = 541.666... -> 541.67; principal 8629.64 − 541.67 = 8087.97.
  EXPECT_EQ(s->periods[0].interest, Cny(54'167));
  EXPECT_EQ(s->periods[0].principal, Cny(808'797));
  for (std::size_t i = 0; i + 1 < s->periods.size(); ++i) EXPECT_EQ(s->periods[i].payment, Cny(862'964));
  ExpectConsistent(*s, Cny(10'000'000));
  // The last payment differs from the others by a few fen at most.
  const std::int64_t last = s->periods.back().payment.minor_units();
  EXPECT_LE(std::llabs(last - 862'964), 12);
}

TEST(ScheduleTest, EqualPrincipal) {
  // 120,000.00 over 12 at 6%: principal 10,000.00 each; interest 600.00, 550.00, ... 50.00.
  ScheduleTerms terms{Cny(12'000'000), 12, D("2026-01-10"), RepaymentMethod::kEqualPrincipal, Annual(60'000'000)};
  auto s = BuildSchedule(terms);
  ASSERT_TRUE(s);
  EXPECT_EQ(s->periods[0].interest, Cny(60'000));
  EXPECT_EQ(s->periods[1].interest, Cny(55'000));
  EXPECT_EQ(s->periods[11].interest, Cny(5'000));
  EXPECT_EQ(s->TotalInterest(), Cny(390'000));  // 6,000 × (12 + 11 + ... + 1) / 12 = 3,900.00
  ExpectConsistent(*s, Cny(12'000'000));
}

TEST(ScheduleTest, InterestOnlyWithBalloon) {
  ScheduleTerms terms{Cny(5'000'000), 6, D("2026-01-10"), RepaymentMethod::kInterestOnly, Annual(72'000'000)};
  auto s = BuildSchedule(terms);
  ASSERT_TRUE(s);
  // 50,000.00 × 7.2% / 12 = 300.00 every period; the principal in the last.
  for (const SchedulePeriod& p : s->periods) EXPECT_EQ(p.interest, Cny(30'000));
  EXPECT_EQ(s->periods[4].principal, Cny(0));
  EXPECT_EQ(s->periods[5].principal, Cny(5'000'000));
  EXPECT_EQ(s->periods[5].payment, Cny(5'030'000));
  ExpectConsistent(*s, Cny(5'000'000));
}

TEST(ScheduleTest, DeferralShiftsAnchoredDatesAndAddsInterest) {
  ScheduleTerms terms{Cny(3'000'000), 12, D("2026-01-31"), RepaymentMethod::kFlatFee};
  terms.fee_rate = Rate(6'000'000, RatePeriod::kFlat);
  auto s = BuildSchedule(terms);
  ASSERT_TRUE(s);
  // Defer from period 4 by 2 months with 6% a year deferral interest:
  // outstanding after period 3 = 22,500.00; × 0.5% × 2 = 225.00.
  auto deferred = DeferSchedule(*s, {4, 2, Annual(60'000'000)});
  ASSERT_TRUE(deferred) << deferred.error().message;
  EXPECT_EQ(deferred->periods[2].due, D("2026-03-31"));
  EXPECT_EQ(deferred->periods[3].due, D("2026-06-30"));  // was 04-30
  EXPECT_EQ(deferred->periods[4].due, D("2026-07-31"));  // anchored on 01-31, not chained from 06-30
  EXPECT_EQ(deferred->periods[3].interest, Cny(22'500));
  EXPECT_EQ(deferred->TotalPrincipal(), Cny(3'000'000));
  EXPECT_EQ(deferred->TotalPayment(), s->TotalPayment() + Cny(22'500));
  EXPECT_FALSE(DeferSchedule(*s, {13, 1, std::nullopt}));
  EXPECT_FALSE(DeferSchedule(*s, {1, 0, std::nullopt}));
}

TEST(ScheduleTest, RejectsImpossibleTerms) {
  ScheduleTerms terms{Cny(1'000), 12, D("2026-01-10"), RepaymentMethod::kAnnuity, Annual(60'000'000)};
  EXPECT_TRUE(BuildSchedule(terms));  // principal 10.00 over 12 is allowed; 0.11 is not
  terms.principal = Cny(11);
  auto tiny = BuildSchedule(terms);
  ASSERT_FALSE(tiny);
  EXPECT_EQ(tiny.error().field, "principal");
  terms.principal = Cny(100'000);
  terms.periods = 0;
  EXPECT_EQ(BuildSchedule(terms).error().field, "periods");
  terms.periods = 12;
  terms.rate = Rate(500'000, RatePeriod::kDaily);
  EXPECT_EQ(BuildSchedule(terms).error().field, "annual_rate");
}

// Property: every schedule of every method sums exactly to its principal, and
// no period's principal is negative.
TEST(ScheduleTest, PropertyRandomSchedulesConserveMoney) {
  std::mt19937_64 random(42);
  const RepaymentMethod methods[] = {RepaymentMethod::kAnnuity, RepaymentMethod::kEqualPrincipal,
                                     RepaymentMethod::kInterestOnly, RepaymentMethod::kFlatFee};
  for (int trial = 0; trial < 600; ++trial) {
    ScheduleTerms terms;
    terms.periods = 1 + static_cast<int>(random() % 360);
    terms.principal = Cny(terms.periods + static_cast<std::int64_t>(random() % 500'000'000));
    terms.first_due = D("2026-01-28").AddDays(static_cast<std::int64_t>(random() % 60));
    terms.method = methods[random() % 4];
    terms.rate = Annual(static_cast<std::int64_t>(random() % 360'000'000));
    terms.fee_rate = Rate(static_cast<std::int64_t>(random() % 20'000'000), RatePeriod::kFlat);
    terms.remainder = random() % 2 ? RemainderPeriod::kFirst : RemainderPeriod::kLast;
    terms.rounding = static_cast<RoundingMode>(random() % 3);
    auto s = BuildSchedule(terms);
    ASSERT_TRUE(s) << s.error().message;
    ASSERT_EQ(s->periods.size(), static_cast<std::size_t>(terms.periods));
    ExpectConsistent(*s, terms.principal);
    for (std::size_t i = 0; i < s->periods.size(); ++i) {
      EXPECT_EQ(s->periods[i].due, terms.first_due.AddMonths(static_cast<int>(i)));
    }
  }
}

}  // namespace
}  // namespace arrears
