// Disputes (异议): the debtor contests an amount, a fee, the debt itself, or
// says it is paid or fraudulent. Collection of the account holds while the
// dispute is open; an upheld dispute adjusts the balance with an audited
// reversal; either way the debtor is told the outcome.
#pragma once

#include "app/workflow/workflow_context.hpp"

namespace arrears::app {

struct DisputeRequest {
  std::string account_ref;
  std::string kind;  // amount_or_fee, not_my_debt, already_paid, fraud, service_complaint
  std::string description;
  std::optional<Component> component;  // what is contested, for amount_or_fee
  std::optional<Money> amount;
};

Result<std::int64_t> OpenDispute(WorkflowContext& context, CaseId id, const DisputeRequest& request);
// Upheld: the contested amount (when one was named) comes off the overdue balance.
Status ResolveDispute(WorkflowContext& context, CaseId id, std::int64_t dispute_id, bool upheld,
                      const std::string& reason);

}  // namespace arrears::app
