#include "app/workflow/customers.hpp"

#include <algorithm>
#include <iterator>

namespace arrears::app {

namespace {

const char* const kSearchKinds[] = {"id_number", "mobile", "landline", "email"};

Error NoCustomer(const std::string& ref) { return Error{ErrorCode::kNotFound, "no customer " + ref, "customer"}; }

}  // namespace

Result<std::vector<CustomerMatch>> FindCustomers(WorkflowContext& context, const std::string& kind,
                                                 const std::string& value) {
  if (std::find(std::begin(kSearchKinds), std::end(kSearchKinds), kind) == std::end(kSearchKinds)) {
    return Fail("search by id_number, mobile, landline or email", "kind");
  }
  if (value.empty()) return Fail("give the " + kind + " to look for", kind);
  std::vector<CustomerMatch> visible;
  for (CustomerMatch& match : context.store.FindCustomers(kind, value)) {
    // A customer without a case is outside collections: only the roles that see every case see them.
    const bool in_scope = match.case_id ? LoadCase(context, *match.case_id).has_value()
                                        : InScope(context.actor, "", "", "");
    if (in_scope) visible.push_back(std::move(match));
  }
  return visible;
}

Result<CaseRecord> ShowCustomer(WorkflowContext& context, const std::string& customer_ref) {
  const std::optional<CaseId> id = context.store.CaseOfCustomer(customer_ref);
  if (!id) return Fail(NoCustomer(customer_ref));
  auto record = LoadCase(context, *id);
  if (!record) return Fail(NoCustomer(customer_ref));
  return record;
}

Result<std::vector<CasePayment>> CasePayments(WorkflowContext& context, CaseId id) {
  auto record = LoadCase(context, id);
  if (!record) return Fail(record.error());
  return context.store.Payments(*record);
}

}  // namespace arrears::app
