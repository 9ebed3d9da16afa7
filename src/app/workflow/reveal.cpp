#include "app/workflow/reveal.hpp"

namespace arrears::app {

Result<std::string> RevealPersonalData(WorkflowContext& context, CaseId id, const std::string& field,
                                       std::optional<std::int64_t> contact_point_id, const std::string& purpose) {
  const Role role = context.actor.role;
  const bool officer = role == Role::kSupervisor || role == Role::kLegal || role == Role::kCompliance;
  if (purpose.empty()) return Fail("say why the clear value is needed", "purpose");
  auto record = LoadCase(context, id);
  if (!record) return Fail(record.error());
  std::string clear;
  std::string what;
  if (field == "id_number") {
    if (auto permitted = Permit(context, officer, "see id numbers in clear"); !permitted) return Fail(permitted.error());
    clear = context.vault.Open(record->id_number_cipher);
    what = "id number " + record->id_number_masked;
  } else if (field == "contact_point") {
    if (auto permitted = Permit(context, officer || WorksCases(role), "see contact details in clear"); !permitted) {
      return Fail(permitted.error());
    }
    if (!contact_point_id) return Fail("name the contact point", "contact_point");
    const ContactPoint* point = nullptr;
    for (const ContactPoint& p : record->contact_points) {
      if (p.id == *contact_point_id) point = &p;
    }
    if (!point) {
      return Fail(Error{ErrorCode::kNotFound, "the customer has no contact point " + std::to_string(*contact_point_id),
                        "contact_point"});
    }
    clear = context.vault.Open(point->value_cipher);
    what = point->kind + " " + point->value_masked;
  } else {
    return Fail("field is id_number or contact_point", "field");
  }
  context.store.AppendEvent(*record, {"personal_data.reveal", context.actor.login + " saw the " + what + " in clear: " +
                                                                  purpose,
                                      "customer", record->customer.value, std::nullopt, "field=" + field + "; purpose=" +
                                                                                          purpose});
  return clear;
}

}  // namespace arrears::app
