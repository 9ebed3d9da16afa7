// Promises to pay and arrangements: record a promise within policy; propose
// an installment plan, deferral or settlement, granted at once within the
// officer's authority or sent for approval beyond it (the maker never
// approves); and evaluate them all as payments post and dates pass.
#pragma once

#include "app/workflow/workflow_context.hpp"
#include "core/arrangement.hpp"

namespace arrears::app {

Result<std::int64_t> RecordPromise(WorkflowContext& context, CaseId id, Money amount, Date due,
                                   const std::string& channel);

struct ArrangementProposal {
  std::int64_t arrangement_id = 0;
  std::string status;  // active, or pending_approval
  std::optional<std::int64_t> approval_id;
  std::vector<std::string> beyond_authority;  // why approval is needed
  ArrangementPlan plan;
};

// What a proposal would come to, written nowhere: the schedule and whether it is
// within the officer's authority (the workbench shows it before submitting).
Result<ArrangementProposal> PreviewArrangement(WorkflowContext& context, CaseId id, const ArrangementTerms& terms);

Result<ArrangementProposal> ProposeArrangement(WorkflowContext& context, CaseId id, const ArrangementTerms& terms);

Result<ApprovalRecord> DecideApproval(WorkflowContext& context, std::int64_t approval_id, bool approve,
                                      const std::string& reason);
Result<std::vector<ApprovalRecord>> PendingApprovals(WorkflowContext& context);

struct Evaluation {
  int promises_kept = 0;
  int promises_partly_kept = 0;
  int promises_broken = 0;
  int installments_kept = 0;
  int installments_broken = 0;
  bool arrangement_failed = false;
  bool arrangement_completed = false;
  bool closed = false;
};

// Judges the case's open promises and active arrangement on today's
// payments, fails or completes the arrangement, and closes a case with
// nothing left overdue. Run after payments post and by the daily cycle.
Result<Evaluation> EvaluateCase(WorkflowContext& context, CaseId id);
// Every case with an open promise or an active arrangement, or paid off.
Result<Evaluation> EvaluateAll(WorkflowContext& context);
// The given cases (the daily cycle names those with open commitments or nothing overdue).
Result<Evaluation> EvaluateCases(WorkflowContext& context, const std::vector<CaseId>& ids);
// The cases a payments import paid into, right after it is applied.
Result<Evaluation> EvaluatePaidCases(WorkflowContext& context, std::int64_t batch_id);

}  // namespace arrears::app
