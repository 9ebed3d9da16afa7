#include "app/cycle/working_set.hpp"

#include <utility>

namespace arrears::app {

std::int32_t Dictionary::Intern(std::string_view text) {
  if (text.empty()) return kNoIndex;
  const auto found = index_.find(text);
  if (found != index_.end()) return found->second;
  const auto index = static_cast<std::int32_t>(texts_.size());
  texts_.emplace_back(text);
  index_.emplace(texts_.back(), index);
  return index;
}

namespace {

// Every column of a pair of column sets, side by side. A column added to the struct and not here fails the
// static_assert below.
template <class F>
void ForEachColumn(AccountColumns& x, AccountColumns& y, F&& f) {
  f(x.customer, y.customer), f(x.id, y.id), f(x.oldest_unpaid, y.oldest_unpaid), f(x.grace_days, y.grace_days),
      f(x.balance_date, y.balance_date), f(x.principal_not_due, y.principal_not_due), f(x.overdue, y.overdue),
      f(x.overdue_principal, y.overdue_principal), f(x.overdue_interest, y.overdue_interest),
      f(x.rate_billionths, y.rate_billionths), f(x.rate_period, y.rate_period), f(x.day_count, y.day_count),
      f(x.penalty_uplift_billionths, y.penalty_uplift_billionths), f(x.compound, y.compound), f(x.bucket, y.bucket),
      f(x.product, y.product), f(x.region, y.region), f(x.case_row, y.case_row), f(x.stored_dpd, y.stored_dpd);
}
constexpr std::size_t kAccountColumns = 19;
static_assert(sizeof(AccountColumns) == kAccountColumns * sizeof(std::vector<std::int64_t>),
              "a column of AccountColumns is missing from ForEachColumn");

template <class F>
void ForEachColumn(CaseColumns& x, CaseColumns& y, F&& f) {
  f(x.customer, y.customer), f(x.id, y.id), f(x.owner, y.owner), f(x.currency, y.currency), f(x.segment, y.segment),
      f(x.arm, y.arm), f(x.treatment_since, y.treatment_since), f(x.last_contact, y.last_contact),
      f(x.last_contact_reached, y.last_contact_reached), f(x.last_payment, y.last_payment), f(x.promise, y.promise),
      f(x.broken_promises, y.broken_promises), f(x.commitment_due, y.commitment_due), f(x.closed, y.closed),
      f(x.on_hold, y.on_hold), f(x.risk_score, y.risk_score), f(x.language, y.language), f(x.time_zone, y.time_zone),
      f(x.assigned_on, y.assigned_on), f(x.notice_on, y.notice_on), f(x.placed_on, y.placed_on),
      f(x.placed_until, y.placed_until), f(x.placed_agency, y.placed_agency), f(x.fact_from, y.fact_from),
      f(x.fact_bucket, y.fact_bucket), f(x.fact_overdue_since, y.fact_overdue_since),
      f(x.fact_anchor_owed, y.fact_anchor_owed), f(x.fact_segment, y.fact_segment), f(x.fact_owner, y.fact_owner),
      f(x.fact_agency, y.fact_agency), f(x.fact_arm, y.fact_arm);
}
constexpr std::size_t kCaseColumns = 31;
static_assert(sizeof(CaseColumns) == kCaseColumns * sizeof(std::vector<std::int64_t>),
              "a column of CaseColumns is missing from ForEachColumn");

// Where each row of the merged columns comes from: the set's rows of unchanged customers and the fresh rows,
// both ordered by customer, merged by customer.
struct Source {
  bool fresh;
  std::size_t row;
};

std::vector<Source> MergeOrder(const std::vector<std::int64_t>& kept_customers,
                               const std::vector<std::int64_t>& fresh_customers,
                               const std::vector<std::int64_t>& changed) {
  std::vector<Source> order;
  order.reserve(kept_customers.size() + fresh_customers.size());
  std::size_t f = 0;
  auto changed_at = changed.begin();
  for (std::size_t k = 0; k < kept_customers.size(); ++k) {
    const std::int64_t customer = kept_customers[k];
    while (changed_at != changed.end() && *changed_at < customer) ++changed_at;
    if (changed_at != changed.end() && *changed_at == customer) continue;
    for (; f < fresh_customers.size() && fresh_customers[f] < customer; ++f) order.push_back({true, f});
    order.push_back({false, k});
  }
  for (; f < fresh_customers.size(); ++f) order.push_back({true, f});
  return order;
}

template <class Columns>
void Merge(Columns& kept, Columns& fresh, const std::vector<Source>& order) {
  ForEachColumn(kept, fresh, [&](auto& into, auto& from) {
    std::remove_reference_t<decltype(into)> merged;
    merged.reserve(order.size());
    for (const Source& s : order) merged.push_back(s.fresh ? from[s.row] : into[s.row]);
    into = std::move(merged);
  });
}

// Each account's case by id, for the rows to be found again after the merge.
std::vector<std::int64_t> CaseIds(const WorkingSet& set) {
  std::vector<std::int64_t> ids(set.accounts.size(), 0);
  for (std::size_t i = 0; i < ids.size(); ++i) {
    const std::int32_t row = set.accounts.case_row[i];
    if (row != kNoIndex) ids[i] = set.cases.id[static_cast<std::size_t>(row)];
  }
  return ids;
}

}  // namespace

void ReplaceCustomers(WorkingSet& set, WorkingSet&& fresh, const std::vector<std::int64_t>& changed) {
  std::vector<std::int64_t> kept_case_of = CaseIds(set);
  std::vector<std::int64_t> fresh_case_of = CaseIds(fresh);
  const std::vector<Source> accounts = MergeOrder(set.accounts.customer, fresh.accounts.customer, changed);
  const std::vector<Source> cases = MergeOrder(set.cases.customer, fresh.cases.customer, changed);
  std::vector<std::int64_t> case_of;
  case_of.reserve(accounts.size());
  for (const Source& s : accounts) case_of.push_back(s.fresh ? fresh_case_of[s.row] : kept_case_of[s.row]);
  Merge(set.accounts, fresh.accounts, accounts);
  Merge(set.cases, fresh.cases, cases);
  // Accounts and cases are both ordered by customer, and an account's case is its customer's: one walk finds them.
  const CaseColumns& c = set.cases;
  std::size_t first = 0;
  for (std::size_t i = 0; i < case_of.size(); ++i) {
    const std::int64_t customer = set.accounts.customer[i];
    while (first < c.size() && c.customer[first] < customer) ++first;
    std::size_t row = first;
    while (row < c.size() && c.customer[row] == customer && c.id[row] != case_of[i]) ++row;
    const bool found = case_of[i] != 0 && row < c.size() && c.customer[row] == customer;
    set.accounts.case_row[i] = found ? static_cast<std::int32_t>(row) : kNoIndex;
  }
}

}  // namespace arrears::app
