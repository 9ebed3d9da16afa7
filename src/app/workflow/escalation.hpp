// Lawful escalation: collection and lawyer's letters, field visits (never
// fewer collectors than policy and the packs require), transfer to legal and
// the legal matter's course (filing, hearings, judgment, enforcement, costs),
// and the return from legal.
#pragma once

#include "app/workflow/contacts.hpp"
#include "app/workflow/workflow_context.hpp"

namespace arrears::app {

// kind: collection_letter or lawyer_letter (rendered by the channels).
Result<std::int64_t> RequestLetter(WorkflowContext& context, CaseId id, const std::string& kind);

Result<std::int64_t> ScheduleFieldVisit(WorkflowContext& context, CaseId id, Date planned_for,
                                        const std::vector<std::string>& collectors);
// The visit took place: recorded as a contact (judged by compliance) and its result kept.
Result<ContactLogged> RecordFieldVisit(WorkflowContext& context, CaseId id, std::int64_t visit_id,
                                       const std::string& outcome, const std::string& result);

Result<std::int64_t> TransferToLegal(WorkflowContext& context, CaseId id, const std::string& reason);

struct LegalUpdate {
  std::optional<std::string> status;  // preparing, filed, hearing, judgment, enforcement, closed
  std::optional<std::string> court;
  std::optional<std::string> court_case_number;
  std::optional<Date> filed_on;
  std::optional<Date> next_hearing_on;
  std::optional<Money> judgment_amount;
  std::optional<Date> judgment_on;
  std::optional<std::string> enforcement;
  std::optional<bool> assets_frozen;
  std::optional<Money> add_costs;
};
Status UpdateLegalMatter(WorkflowContext& context, CaseId id, std::int64_t matter_id, const LegalUpdate& update);
Status ReturnFromLegal(WorkflowContext& context, CaseId id, std::int64_t matter_id, const std::string& reason);

}  // namespace arrears::app
