// Customers as collections knows them: found by a phone number, email or id
// number (matched by blind index, nothing decrypted), shown with their case's
// accounts and contact points, personal data masked. A customer whose cases
// are all outside the caller's scope is not found, as a case would not be.
#pragma once

#include "app/workflow/workflow_context.hpp"

namespace arrears::app {

// kind: id_number, mobile, landline or email.
Result<std::vector<CustomerMatch>> FindCustomers(WorkflowContext& context, const std::string& kind,
                                                 const std::string& value);

// The customer's case (open, else the latest), which carries the customer's
// masked data, accounts and contact points.
Result<CaseRecord> ShowCustomer(WorkflowContext& context, const std::string& customer_ref);

// The payments on the case's accounts, oldest first.
Result<std::vector<CasePayment>> CasePayments(WorkflowContext& context, CaseId id);

}  // namespace arrears::app
