#include "app/cycle/day_compute.hpp"

#include <algorithm>
#include <thread>

#include "core/accrual.hpp"
#include "core/propensity.hpp"

namespace arrears::app {

namespace {


// What the account owes on `as_of`: its balances at the anchor plus the interest accrued since, in one step.
// Fees bear no interest; a card's overdue principal bears its daily rate without uplift or compounding.
std::int64_t OwedOn(const AccountColumns& a, std::size_t i, Date as_of) {
  std::int64_t owed = a.principal_not_due[i] + a.overdue[i];
  if (a.balance_date[i] == kNoDate) return owed;
  const Date from = Date::FromSerial(a.balance_date[i]);
  if (as_of <= from || a.rate_billionths[i] <= 0) return owed;
  Balance balance(Currency::kCNY);
  balance.AddNotDue(Component::kPrincipal, Money(a.principal_not_due[i], Currency::kCNY));
  balance.AddOverdue(Component::kPrincipal, Money(a.overdue_principal[i], Currency::kCNY));
  balance.AddOverdue(Component::kInterest, Money(a.overdue_interest[i], Currency::kCNY));
  LoanAccrualTerms terms;
  terms.contract_rate = Rate(a.rate_billionths[i], static_cast<RatePeriod>(a.rate_period[i]));
  terms.day_count = static_cast<DayCountConvention>(a.day_count[i]);
  terms.penalty_uplift = Rate(a.penalty_uplift_billionths[i], RatePeriod::kFlat);
  terms.compound_on_overdue_interest = a.compound[i] != 0;
  return owed + AccrueLoan(balance, terms, from, as_of).Total().minor_units();
}

}  // namespace

void ParallelRanges(std::size_t size, int parts, const std::function<void(std::size_t, std::size_t)>& work) {
  parts = std::max(1, std::min<int>(parts, static_cast<int>(size / 1024) + 1));
  std::vector<std::thread> threads;
  const std::size_t step = (size + static_cast<std::size_t>(parts) - 1) / static_cast<std::size_t>(parts);
  for (int p = 1; p < parts; ++p) {
    const std::size_t begin = std::min(size, step * static_cast<std::size_t>(p));
    const std::size_t end = std::min(size, begin + step);
    threads.emplace_back([&work, begin, end] { work(begin, end); });
  }
  work(0, std::min(size, step));
  for (std::thread& thread : threads) thread.join();
}

DayOutcome ComputeDay(const WorkingSet& set, const std::vector<std::int32_t>& segment_text, const BucketScheme& buckets,
                      const policy::Strategy& strategy, Date as_of, int threads) {
  const AccountColumns& a = set.accounts;
  const CaseColumns& c = set.cases;
  const std::int32_t today = static_cast<std::int32_t>(as_of.serial());
  DayOutcome out;
  out.days_past_due.resize(a.size());
  out.bucket.resize(a.size());
  out.owed.resize(a.size());
  out.case_days_past_due.assign(c.size(), 0);
  out.case_bucket.assign(c.size(), 0);
  out.case_owed.assign(c.size(), 0);
  out.segment.assign(c.size(), -1);
  out.arm.assign(c.size(), 0);
  out.treatment_since.assign(c.size(), kNoDate);
  out.step.assign(c.size(), nullptr);
  out.action.assign(c.size(), static_cast<std::int8_t>(policy::Action::kNone));
  out.propensity_ppm.assign(c.size(), 0);
  out.priority.assign(c.size(), 0);
  out.worst_account.assign(c.size(), kNoIndex);
  std::vector<std::int32_t>& worst_account = out.worst_account;

  // Accounts: ranges split where the customer changes, so that a case's accounts
  // (all of one customer) are summed by one thread.
  ParallelRanges(a.size(), threads, [&](std::size_t begin, std::size_t end) {
    while (begin > 0 && begin < a.size() && a.customer[begin] == a.customer[begin - 1]) ++begin;
    while (end < a.size() && end > 0 && a.customer[end] == a.customer[end - 1]) ++end;
    for (std::size_t i = begin; i < end; ++i) {
      int dpd = 0;
      if (a.oldest_unpaid[i] != kNoDate) {
        const int behind = today - a.oldest_unpaid[i];
        dpd = behind > a.grace_days[i] ? behind : 0;
      }
      out.days_past_due[i] = dpd;
      out.bucket[i] = static_cast<std::int8_t>(buckets.IndexOf(dpd));
      out.owed[i] = OwedOn(a, i, as_of);
      if (a.case_row[i] == kNoIndex) continue;
      const auto row = static_cast<std::size_t>(a.case_row[i]);
      out.case_owed[row] += out.owed[i];
      if (worst_account[row] == kNoIndex || dpd > out.case_days_past_due[row]) {
        out.case_days_past_due[row] = dpd;
        worst_account[row] = static_cast<std::int32_t>(i);
      }
    }
  });

  // Cases: features, the strategy's placement, today's step, the priority.
  ParallelRanges(c.size(), threads, [&](std::size_t begin, std::size_t end) {
    policy::CaseFeatures features;
    for (std::size_t k = begin; k < end; ++k) {
      if (c.closed[k] != 0) continue;  // closed today: no treatment, no queue
      const int dpd = out.case_days_past_due[k];
      const std::size_t bucket = buckets.IndexOf(dpd);
      out.case_bucket[k] = static_cast<std::int8_t>(bucket);
      features.bucket = std::string(buckets.name(bucket));
      features.days_past_due = dpd;
      features.owed = out.case_owed[k];
      if (worst_account[k] != kNoIndex) {
        const auto worst = static_cast<std::size_t>(worst_account[k]);
        features.product = std::string(set.text.Text(a.product[worst]));
        features.region = std::string(set.text.Text(a.region[worst]));
      } else {
        features.product.clear();
        features.region.clear();
      }
      features.risk_score = c.risk_score[k] < 0 ? std::nullopt : std::optional<int>(c.risk_score[k]);
      features.on_hold = c.on_hold[k] != 0;
      features.days_since_contact =
          c.last_contact[k] == kNoDate ? std::nullopt : std::optional<int>(today - c.last_contact[k]);
      static constexpr const char* kPromise[] = {"none", "open", "kept", "broken"};
      features.promise = kPromise[c.promise[k]];
      features.broken_promises = c.broken_promises[k];
      const policy::Placement placement = strategy.Place(c.id[k], features);
      if (placement.segment != nullptr) {
        const auto segment = static_cast<std::int32_t>(placement.segment - strategy.segments.data());
        out.segment[k] = segment;
        out.arm[k] = placement.arm == policy::Arm::kChallenger ? 1 : 0;
        // Day 0 when the case enters a segment or an arm; the path runs on from there.
        const bool same = c.segment[k] == segment_text[static_cast<std::size_t>(segment)] && c.arm[k] == out.arm[k] &&
                          c.treatment_since[k] != kNoDate && c.treatment_since[k] <= today;
        out.treatment_since[k] = same ? c.treatment_since[k] : today;
        const policy::TreatmentStep* step = policy::StepOn(*placement.path, today - out.treatment_since[k]);
        out.step[k] = step;
        out.action[k] = static_cast<std::int8_t>(step != nullptr ? step->action : placement.path->otherwise);
      }
      PropensityInputs inputs;
      inputs.days_past_due = dpd;
      if (c.last_payment[k] != kNoDate) inputs.days_since_payment = today - c.last_payment[k];
      inputs.promise_open = c.promise[k] == 1;
      inputs.broken_promises = c.broken_promises[k];
      inputs.last_contact_reached = c.last_contact_reached[k] != 0;
      out.propensity_ppm[k] = static_cast<std::int32_t>(PropensityPpm(inputs));
      out.priority[k] = ExpectedRecovery(out.case_owed[k], out.propensity_ppm[k]);
    }
  });
  return out;
}

}  // namespace arrears::app
