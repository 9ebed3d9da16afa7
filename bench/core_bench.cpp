// The per-account arithmetic of the daily cycle and schedule generation.
#include <benchmark/benchmark.h>

#include <random>
#include <vector>

#include "core/accrual.hpp"
#include "core/bucket.hpp"
#include "core/card_interest.hpp"
#include "core/delinquency.hpp"
#include "core/schedule.hpp"
#include "core/waterfall.hpp"

namespace arrears {
namespace {

Money Cny(std::int64_t fen) { return Money(fen, Currency::kCNY); }

// A loan account as the cycle sees it: balances and the unpaid installments.
struct BenchAccount {
  Balance balance{Currency::kCNY};
  std::vector<DueAmount> installments;
};

std::vector<BenchAccount> MakeAccounts(std::size_t count) {
  std::mt19937_64 random(1);
  const Date first = *Date::Parse("2026-01-15");
  std::vector<BenchAccount> accounts(count);
  for (BenchAccount& a : accounts) {
    a.balance.AddNotDue(Component::kPrincipal, Cny(static_cast<std::int64_t>(random() % 5'000'000)));
    a.balance.AddOverdue(Component::kPrincipal, Cny(static_cast<std::int64_t>(random() % 500'000)));
    a.balance.AddOverdue(Component::kInterest, Cny(static_cast<std::int64_t>(random() % 50'000)));
    a.balance.AddOverdue(Component::kLateFee, Cny(static_cast<std::int64_t>(random() % 5'000)));
    for (int k = 0; k < 12; ++k) {
      const Money amount = Cny(268'000);
      a.installments.push_back({first.AddMonths(k), amount, random() % 3 == 0 ? Cny(0) : amount});
    }
  }
  return accounts;
}

// One day of the cycle for one account: accrue interest, penalty and compound
// interest, recompute days past due and the bucket.
void BM_AccrueDpdBucketPerAccount(benchmark::State& state) {
  const auto accounts = MakeAccounts(static_cast<std::size_t>(state.range(0)));
  const BucketScheme buckets = BucketScheme::Default();
  LoanAccrualTerms terms;
  terms.contract_rate = Rate(72'000'000, RatePeriod::kAnnual);
  const Date from = *Date::Parse("2026-11-27");
  const Date to = from.AddDays(1);
  const DelinquencyRule rule{3, 0};
  for (auto _ : state) {
    std::int64_t accrued = 0;
    std::size_t bucket_sum = 0;
    for (const BenchAccount& a : accounts) {
      accrued += AccrueLoan(a.balance, terms, from, to).Total().minor_units();
      const Delinquency d = LoanDelinquency(a.installments, to, rule);
      bucket_sum += buckets.IndexOf(d.days_past_due);
    }
    benchmark::DoNotOptimize(accrued);
    benchmark::DoNotOptimize(bucket_sum);
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_AccrueDpdBucketPerAccount)->Arg(100'000);

void BM_Schedule(benchmark::State& state, RepaymentMethod method) {
  ScheduleTerms terms{Cny(3'000'000), static_cast<int>(state.range(0)), *Date::Parse("2026-01-31"), method,
                      Rate(65'000'000, RatePeriod::kAnnual)};
  if (method == RepaymentMethod::kFlatFee) {
    terms.rate = Rate(0, RatePeriod::kAnnual);
    terms.fee_rate = Rate(6'000'000, RatePeriod::kFlat);
  }
  for (auto _ : state) benchmark::DoNotOptimize(BuildSchedule(terms));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK_CAPTURE(BM_Schedule, annuity, RepaymentMethod::kAnnuity)->Arg(12)->Arg(36)->Arg(360);
BENCHMARK_CAPTURE(BM_Schedule, equal_principal, RepaymentMethod::kEqualPrincipal)->Arg(12)->Arg(360);
BENCHMARK_CAPTURE(BM_Schedule, flat_fee, RepaymentMethod::kFlatFee)->Arg(12);

void BM_CardInterest(benchmark::State& state) {
  CardStatement s;
  const Date posted = *Date::Parse("2026-03-01");
  for (int i = 0; i < 20; ++i) s.transactions.push_back({posted.AddDays(i), Cny(10'000 + i)});
  s.statement_date = *Date::Parse("2026-04-05");
  s.due_date = *Date::Parse("2026-04-25");
  s.repayments = {{*Date::Parse("2026-04-25"), Cny(20'000)}};
  s.next_statement_date = *Date::Parse("2026-05-05");
  for (auto _ : state) benchmark::DoNotOptimize(ComputeCardInterest(s));
}
BENCHMARK(BM_CardInterest);

void BM_AllocatePayment(benchmark::State& state) {
  std::vector<DueItem> items;
  const Date first = *Date::Parse("2026-01-15");
  for (int k = 0; k < 12; ++k) {
    for (Component c : {Component::kPrincipal, Component::kInterest, Component::kPenaltyInterest, Component::kLateFee}) {
      items.push_back({AccountId{1}, k + 1, first.AddMonths(k), c, Cny(10'000)});
    }
  }
  const Waterfall waterfall;
  for (auto _ : state) benchmark::DoNotOptimize(AllocatePayment(Cny(250'000), items, waterfall));
}
BENCHMARK(BM_AllocatePayment);

}  // namespace
}  // namespace arrears
