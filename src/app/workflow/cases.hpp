// Use cases on the case itself: open cases for overdue accounts, move the
// stage, assign, close (and request the settlement certificate), hold and
// release, and read the case and its timeline.
#pragma once

#include "app/workflow/workflow_context.hpp"
#include "core/case_hold.hpp"

namespace arrears::app {

// Opens a case for every customer with an overdue account and no open case,
// reopens a closed case still in its monitoring period, and adds newly
// overdue accounts to open cases.
Result<OpenedCases> OpenCases(WorkflowContext& context);

Result<CaseRecord> ShowCase(WorkflowContext& context, CaseId id);
// A page of the cases the actor may see, filtered; the actor's scope is applied here.
Result<std::vector<CaseSummary>> ListCases(WorkflowContext& context, CaseQuery query);
// Every case the query and the caller's scope select, up to `max_rows`, for
// an export file; personal data stays masked as in a list, and the export is
// recorded in the audit log with its filters and count.
Result<std::vector<CaseSummary>> ExportCases(WorkflowContext& context, CaseQuery query, int max_rows);
Result<std::vector<TimelineEntry>> CaseTimeline(WorkflowContext& context, CaseId id);

// Any allowed move but closing (CloseCase) and legal (TransferToLegal).
Status ChangeStage(WorkflowContext& context, CaseId id, CaseStage to, const std::string& reason);
Status AssignCase(WorkflowContext& context, CaseId id, const std::string& owner);

// paid_in_full needs nothing overdue; settled a completed settlement;
// written_off and recalled a supervisor or team lead. Starts the monitoring
// period; paid and settled cases get a settlement certificate request.
Status CloseCase(WorkflowContext& context, CaseId id, CloseReason reason, const std::string& note);

Result<std::int64_t> PlaceHold(WorkflowContext& context, CaseId id, HoldKind kind, const std::string& reason,
                               std::optional<AccountId> account = std::nullopt);
Status ReleaseHold(WorkflowContext& context, CaseId id, std::int64_t hold_id, const std::string& reason);

}  // namespace arrears::app
