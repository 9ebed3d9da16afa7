#include "app/workflow/case_records.hpp"

#include <algorithm>

#include "core/bucket.hpp"

namespace arrears::app {

Balance CaseRecord::Overdue() const {
  Balance total(currency);
  for (const CaseAccount& account : accounts) {
    if (account.balance.currency() != currency) continue;  // a case holds one currency's accounts
    for (Component component : kAllComponents) {
      total.AddOverdue(component, account.balance.Overdue(component));
      total.AddNotDue(component, account.balance.NotDue(component));
    }
  }
  return total;
}

int CaseRecord::MaxDaysPastDue() const {
  int most = 0;
  for (const CaseAccount& account : accounts) most = std::max(most, account.days_past_due);
  return most;
}

std::string CaseRecord::Bucket() const { return std::string(BucketScheme::Default().NameOf(MaxDaysPastDue())); }

std::string CaseRecord::ProductType() const {
  const CaseAccount* furthest = nullptr;
  for (const CaseAccount& account : accounts) {
    if (!furthest || account.days_past_due > furthest->days_past_due) furthest = &account;
  }
  return furthest ? furthest->product_type : "";
}

bool CaseRecord::HasHold(HoldKind kind) const {
  return std::any_of(holds.begin(), holds.end(), [kind](const Hold& hold) { return hold.kind == kind; });
}

const ArrangementRecord* CaseRecord::ActiveArrangement() const {
  for (const ArrangementRecord& arrangement : arrangements) {
    if (arrangement.status == "active") return &arrangement;
  }
  return nullptr;
}

int CaseRecord::OpenPromises() const {
  return static_cast<int>(std::count_if(promises.begin(), promises.end(),
                                        [](const PromiseRecord& p) { return p.status == PromiseStatus::kOpen; }));
}

}  // namespace arrears::app
