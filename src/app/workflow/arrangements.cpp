#include <algorithm>

#include "app/workflow/commitments.hpp"
#include "core/authority.hpp"

namespace arrears::app {

namespace {

std::string WaiverText(const std::array<std::int64_t, kComponentCount>& ppm) {
  std::vector<std::string> parts;
  for (Component component : kAllComponents) {
    const std::int64_t share = ppm[static_cast<std::size_t>(component)];
    if (share > 0) parts.push_back(std::string(ComponentName(component)) + "=" + FormatShare(share));
  }
  return JoinText(parts, "; ");
}

ArrangementTerms TermsOf(const ArrangementRecord& arrangement) {
  ArrangementTerms terms;
  terms.kind = arrangement.kind;
  terms.periods = arrangement.periods;
  terms.deferral_days = arrangement.deferral_days;
  terms.waiver_ppm = arrangement.waiver_ppm;
  return terms;
}

std::string Describe(const ArrangementRecord& a) {
  std::string text = std::string(ArrangementKindName(a.kind));
  if (a.kind == ArrangementKind::kInstallment) text += " plan of " + std::to_string(a.periods) + " installments";
  if (a.kind == ArrangementKind::kDeferral) text += " of " + std::to_string(a.deferral_days) + " days";
  text += ": " + FormatAmount(a.to_pay) + " to pay";
  if (a.waived.minor_units() > 0) text += " after a waiver of " + FormatAmount(a.waived) + " (" + a.waiver + ")";
  return text;
}

// Puts an arrangement in force: it replaces the one before, the case moves to
// the arrangement stage, and an installment plan holds collection contact.
Status Activate(WorkflowContext& context, CaseRecord& record, ArrangementRecord arrangement) {
  for (ArrangementRecord& other : record.arrangements) {
    if (other.status == "active" && other.id != arrangement.id) {
      other.status = "replaced";
      context.store.UpdateArrangement(record, other);
      context.store.AppendEvent(record, {"arrangement.replace", "arrangement " + std::to_string(other.id) +
                                                                    " replaced by " + std::to_string(arrangement.id),
                                         "arrangement", other.id, "status=active", "status=replaced"});
    }
  }
  arrangement.status = "active";
  context.store.UpdateArrangement(record, arrangement);
  context.store.AppendEvent(record, {"arrangement.active", Describe(arrangement) + ", in force", "arrangement",
                                     arrangement.id, "status=pending", "status=active"});
  if (record.stage == CaseStage::kNew || record.stage == CaseStage::kReminding) {
    if (auto moved = MoveStage(context, record, CaseStage::kNegotiating, "negotiation"); !moved) return moved;
  }
  if (auto moved = MoveStage(context, record, CaseStage::kArrangement, "arrangement " + std::to_string(arrangement.id));
      !moved) {
    return moved;
  }
  if (arrangement.kind == ArrangementKind::kInstallment && !record.HasHold(HoldKind::kPlanInForce)) {
    Hold hold{0, HoldKind::kPlanInForce, "arrangement " + std::to_string(arrangement.id), std::nullopt,
              context.actor.login, context.now_text};
    hold.id = context.store.AddHold(record, hold);
    context.store.AppendEvent(record, {"hold.place", "plan_in_force hold: " + hold.reason, "case_hold", hold.id,
                                       std::nullopt, "kind=plan_in_force"});
  }
  return Ok{};
}

}  // namespace

Result<ArrangementProposal> PreviewArrangement(WorkflowContext& context, CaseId id, const ArrangementTerms& terms) {
  if (auto permitted = Permit(context, WorksCases(context.actor.role), "propose arrangements"); !permitted) {
    return Fail(permitted.error());
  }
  auto record = LoadCase(context, id);
  if (!record) return Fail(record.error());
  if (auto open = RequireOpen(*record); !open) return Fail(open.error());
  const std::string product = record->ProductType();
  auto plan = PlanArrangement(terms, record->Overdue(), context.policy.MaxPlanMonths(product),
                              context.policy.max_deferral_days);
  if (!plan) return Fail(plan.error());
  ArrangementProposal preview;
  preview.beyond_authority =
      BeyondAuthority(terms, context.policy.LimitFor(RoleName(context.actor.role), product, record->Bucket()));
  preview.status = preview.beyond_authority.empty() ? "within_authority" : "needs_approval";
  preview.plan = std::move(*plan);
  return preview;
}

Result<ArrangementProposal> ProposeArrangement(WorkflowContext& context, CaseId id, const ArrangementTerms& terms) {
  if (auto permitted = Permit(context, WorksCases(context.actor.role), "propose arrangements"); !permitted) {
    return Fail(permitted.error());
  }
  auto record = LoadCase(context, id);
  if (!record) return Fail(record.error());
  if (auto open = RequireOpen(*record); !open) return Fail(open.error());
  if (terms.first_due < context.today) {
    return Fail("the first due date " + terms.first_due.ToString() + " is in the past", "first_due");
  }
  for (const ArrangementRecord& other : record->arrangements) {
    if (other.status == "pending_approval") {
      return Fail(Error{ErrorCode::kConflict,
                        "arrangement " + std::to_string(other.id) + " is waiting for approval already", "kind"});
    }
  }
  const std::string product = record->ProductType();
  auto plan = PlanArrangement(terms, record->Overdue(), context.policy.MaxPlanMonths(product),
                              context.policy.max_deferral_days);
  if (!plan) return Fail(plan.error());
  ArrangementProposal proposal;
  proposal.beyond_authority =
      BeyondAuthority(terms, context.policy.LimitFor(RoleName(context.actor.role), product, record->Bucket()));
  ArrangementRecord arrangement;
  arrangement.kind = terms.kind;
  arrangement.status = "pending_approval";
  arrangement.periods = static_cast<int>(plan->installments.size());
  arrangement.deferral_days = terms.deferral_days;
  arrangement.owed = plan->owed;
  arrangement.waived = plan->waived_total;
  arrangement.to_pay = plan->to_pay;
  arrangement.waiver_ppm = terms.waiver_ppm;
  arrangement.waiver = WaiverText(terms.waiver_ppm);
  arrangement.waived_by_component = plan->waived;
  arrangement.created_by = context.actor.login;
  arrangement.created_at = context.now_text;
  for (const PlannedInstallment& installment : plan->installments) {
    arrangement.installments.push_back({installment.number, installment.due, installment.amount,
                                        Money(0, record->currency), PromiseStatus::kOpen});
  }
  arrangement.id = context.store.AddArrangement(*record, arrangement);
  context.store.AppendEvent(*record, {"arrangement.propose", "proposed " + Describe(arrangement), "arrangement",
                                      arrangement.id, std::nullopt, Describe(arrangement)});
  record->arrangements.push_back(arrangement);
  proposal.arrangement_id = arrangement.id;
  proposal.plan = std::move(*plan);
  if (proposal.beyond_authority.empty()) {
    if (auto active = Activate(context, *record, arrangement); !active) return Fail(active.error());
    proposal.status = "active";
    return proposal;
  }
  ApprovalRecord approval;
  approval.case_id = record->id;
  approval.customer = record->customer;
  approval.subject = "arrangement";
  approval.subject_id = arrangement.id;
  approval.reasons = JoinText(proposal.beyond_authority, "; ");
  approval.status = "pending";
  approval.requested_by = context.actor.login;
  approval.requested_at = context.now_text;
  approval.expires_at = FormatUtc(context.now + std::chrono::days(context.policy.approval_expiry_days));
  approval.id = context.store.AddApproval(approval);
  context.store.AppendEvent(*record, {"approval.request",
                                      "approval requested for arrangement " + std::to_string(arrangement.id) +
                                          " (beyond authority: " + approval.reasons + "); expires " +
                                          approval.expires_at,
                                      "approval", approval.id, std::nullopt, "status=pending"});
  proposal.status = "pending_approval";
  proposal.approval_id = approval.id;
  return proposal;
}

Result<ApprovalRecord> DecideApproval(WorkflowContext& context, std::int64_t approval_id, bool approve,
                                      const std::string& reason) {
  if (auto permitted = Permit(context, Approves(context.actor.role), "decide approvals"); !permitted) {
    return Fail(permitted.error());
  }
  if (reason.empty()) return Fail("say why (--reason)", "reason");
  auto approval = context.store.LoadApproval(approval_id);
  if (!approval) return Fail(Error{ErrorCode::kNotFound, "no approval " + std::to_string(approval_id), "approval"});
  if (approval->status != "pending") {
    return Fail(Error{ErrorCode::kConflict, "approval " + std::to_string(approval_id) + " is " + approval->status +
                                                " already", "approval"});
  }
  if (approval->requested_by == context.actor.login) {
    return Fail(Error{ErrorCode::kPermissionDenied,
                      "the maker cannot approve their own request (" + context.actor.login + " asked for it)",
                      "as"});
  }
  if (context.now_text > approval->expires_at) {
    return Fail(Error{ErrorCode::kConflict,
                      "approval " + std::to_string(approval_id) + " expired at " + approval->expires_at +
                          ": propose the arrangement again",
                      "approval"});
  }
  auto record = LoadCase(context, approval->case_id);
  if (!record) return Fail(record.error());
  if (auto open = RequireOpen(*record); !open) return Fail(open.error());
  auto arrangement = std::find_if(record->arrangements.begin(), record->arrangements.end(),
                                  [&](const ArrangementRecord& a) { return a.id == approval->subject_id; });
  if (arrangement == record->arrangements.end() || arrangement->status != "pending_approval") {
    return Fail(Error{ErrorCode::kConflict, "the arrangement of approval " + std::to_string(approval_id) +
                                                " is no longer waiting", "approval"});
  }
  if (approve) {
    const auto beyond = BeyondAuthority(
        TermsOf(*arrangement), context.policy.LimitFor(RoleName(context.actor.role), record->ProductType(),
                                                       record->Bucket()));
    if (!beyond.empty()) {
      return Fail(Error{ErrorCode::kPermissionDenied,
                        "beyond your authority too (" + JoinText(beyond, "; ") + "): a higher role approves",
                        "as"});
    }
  }
  ApprovalRecord after = *approval;
  after.status = approve ? "approved" : "rejected";
  after.decided_by = context.actor.login;
  after.decision_reason = reason;
  context.store.UpdateApproval(after);
  context.store.AppendEvent(*record, {approve ? "approval.approve" : "approval.reject",
                                      "approval " + std::to_string(approval_id) + " " + after.status + " by " +
                                          context.actor.login + ": " + reason,
                                      "approval", approval_id, "status=pending", "status=" + after.status});
  if (approve) {
    if (auto active = Activate(context, *record, *arrangement); !active) return Fail(active.error());
  } else {
    ArrangementRecord rejected = *arrangement;
    rejected.status = "rejected";
    context.store.UpdateArrangement(*record, rejected);
  }
  return after;
}

Result<std::vector<ApprovalRecord>> PendingApprovals(WorkflowContext& context) {
  if (auto permitted = Permit(context, Approves(context.actor.role) || WorksCases(context.actor.role),
                              "see approvals");
      !permitted) {
    return Fail(permitted.error());
  }
  // Only the approvals on cases the actor may see.
  std::vector<ApprovalRecord> visible;
  for (ApprovalRecord& approval : context.store.PendingApprovals()) {
    if (LoadCase(context, approval.case_id)) visible.push_back(std::move(approval));
  }
  return visible;
}

}  // namespace arrears::app
