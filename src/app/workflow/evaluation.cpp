#include <algorithm>

#include "app/workflow/cases.hpp"
#include "app/workflow/commitments.hpp"

namespace arrears::app {

namespace {

Date DayOf(const std::string& utc) { return *Date::Parse(std::string_view(utc).substr(0, 10)); }

Money PaidBetween(std::span<const CasePayment> payments, Date from, Date to, Currency currency) {
  Money sum(0, currency);
  for (const CasePayment& payment : payments) {
    if (payment.value_date >= from && payment.value_date <= to && payment.amount.currency() == currency) {
      sum += payment.amount;
    }
  }
  return sum;
}

// Applies a completed settlement's waiver to the accounts, component by
// component, oldest account first, up to what each still owes.
void ApplyWaiver(WorkflowContext& context, const CaseRecord& record, const ArrangementRecord& arrangement) {
  for (Component component : kAllComponents) {
    std::int64_t left = arrangement.waived_by_component[static_cast<std::size_t>(component)];
    for (const CaseAccount& account : record.accounts) {
      if (left <= 0) break;
      const std::int64_t here = std::min(left, account.balance.Overdue(component).minor_units());
      if (here <= 0) continue;
      context.store.ReduceOverdue(record, account.id, component, Money(here, record.currency));
      context.store.AppendEvent(record, {"balance.waive",
                                         "waived " + FormatAmount(Money(here, record.currency)) + " of " +
                                             std::string(ComponentName(component)) + " on " + account.account_ref +
                                             " (settlement " + std::to_string(arrangement.id) + ")",
                                         "account", account.id.value, std::nullopt,
                                         std::string(ComponentName(component)) + " -" +
                                             FormatAmount(Money(here, record.currency))});
      left -= here;
    }
  }
}

void ReleasePlanHold(WorkflowContext& context, const CaseRecord& record, const std::string& why) {
  for (const Hold& hold : record.holds) {
    if (hold.kind != HoldKind::kPlanInForce) continue;
    context.store.ReleaseHold(record, hold.id, why);
    context.store.AppendEvent(record, {"hold.release", "plan_in_force hold released: " + why, "case_hold", hold.id,
                                       "kind=plan_in_force", "released"});
  }
}

Status EvaluateArrangement(WorkflowContext& context, CaseRecord& record, Evaluation& result,
                           std::span<const CasePayment> payments) {
  const ArrangementRecord* active = record.ActiveArrangement();
  if (!active) return Ok{};
  ArrangementRecord arrangement = *active;
  const Date from = DayOf(arrangement.created_at);
  const PromiseRules& rules = context.policy.promise_rules;
  Money due_so_far(0, record.currency);
  bool changed = false;
  int broken = 0;
  bool all_kept = true;
  for (InstallmentRecord& installment : arrangement.installments) {
    due_so_far += installment.amount;
    const Date window_end = installment.due.AddDays(rules.grace_days);
    const Money paid = PaidBetween(payments, from, std::min(window_end, context.today), record.currency);
    PromiseStatus status = PromiseStatus::kOpen;
    if (paid.minor_units() + rules.tolerance >= due_so_far.minor_units()) {
      status = PromiseStatus::kKept;
    } else if (context.today > window_end) {
      status = PromiseStatus::kBroken;
    }
    if (status == PromiseStatus::kBroken) ++broken;
    if (status != PromiseStatus::kKept) all_kept = false;
    if (status != installment.status) {
      installment.status = status;
      const Money before_this = due_so_far - installment.amount;
      installment.paid = Max(Money(0, record.currency), Min(installment.amount, paid - before_this));
      changed = true;
      if (status == PromiseStatus::kKept) ++result.installments_kept;
      if (status == PromiseStatus::kBroken) ++result.installments_broken;
      context.store.AppendEvent(record, {"installment." + std::string(PromiseStatusName(status)),
                                         "installment " + std::to_string(installment.number) + " of arrangement " +
                                             std::to_string(arrangement.id) + " (" + FormatAmount(installment.amount) +
                                             " due " + installment.due.ToString() + "): " +
                                             std::string(PromiseStatusName(status)),
                                         "arrangement", arrangement.id, std::nullopt,
                                         "installment=" + std::to_string(installment.number) +
                                             "; status=" + std::string(PromiseStatusName(status))});
    }
  }
  arrangement.broken = broken;
  if (broken >= context.policy.broken_installments_to_fail) {
    arrangement.status = "failed";
    result.arrangement_failed = true;
  } else if (all_kept) {
    arrangement.status = "completed";
    result.arrangement_completed = true;
  }
  if (!changed && arrangement.status == active->status) return Ok{};
  context.store.UpdateArrangement(record, arrangement);
  for (ArrangementRecord& stored : record.arrangements) {
    if (stored.id == arrangement.id) stored = arrangement;
  }
  if (arrangement.status == "failed") {
    context.store.AppendEvent(record, {"arrangement.fail",
                                       "arrangement " + std::to_string(arrangement.id) + " failed: " +
                                           std::to_string(broken) + " installments broken",
                                       "arrangement", arrangement.id, "status=active", "status=failed"});
    ReleasePlanHold(context, record, "arrangement failed");
    return MoveStage(context, record, CaseStage::kNegotiating, "arrangement " + std::to_string(arrangement.id) + " failed");
  }
  if (arrangement.status == "completed") {
    context.store.AppendEvent(record, {"arrangement.complete",
                                       "arrangement " + std::to_string(arrangement.id) + " completed: every installment kept",
                                       "arrangement", arrangement.id, "status=active", "status=completed"});
    ReleasePlanHold(context, record, "arrangement completed");
    if (arrangement.kind == ArrangementKind::kSettlement) ApplyWaiver(context, record, arrangement);
  }
  return Ok{};
}

}  // namespace

Result<Evaluation> EvaluateCase(WorkflowContext& context, CaseId id) {
  Evaluation result;
  auto record = LoadCase(context, id);
  if (!record) return Fail(record.error());
  if (record->stage == CaseStage::kClosed) return result;
  const std::vector<CasePayment> payments = context.store.Payments(*record);
  bool promise_broken = false;
  for (PromiseRecord& promise : record->promises) {
    if (promise.status != PromiseStatus::kOpen) continue;
    std::vector<Received> received;
    for (const CasePayment& payment : payments) received.push_back({payment.value_date, payment.amount});
    const PromiseOutcome outcome = EvaluatePromise(promise.terms, received, context.today, context.policy.promise_rules);
    if (outcome.status == PromiseStatus::kOpen) continue;
    promise.status = outcome.status;
    promise.paid = outcome.paid;
    context.store.UpdatePromise(*record, promise);
    context.store.AppendEvent(*record, {"promise." + std::string(PromiseStatusName(outcome.status)),
                                        "promise " + std::to_string(promise.id) + " of " +
                                            FormatAmount(promise.terms.amount) + " by " + promise.terms.due.ToString() +
                                            ": " + std::string(PromiseStatusName(outcome.status)) + " (" +
                                            FormatAmount(outcome.paid) + " paid)",
                                        "promise", promise.id, "status=open",
                                        "status=" + std::string(PromiseStatusName(outcome.status))});
    switch (outcome.status) {
      case PromiseStatus::kKept: ++result.promises_kept; break;
      case PromiseStatus::kPartlyKept: ++result.promises_partly_kept; promise_broken = true; break;
      case PromiseStatus::kBroken: ++result.promises_broken; promise_broken = true; break;
      default: break;
    }
  }
  if (promise_broken && record->stage == CaseStage::kFollowUp) {
    if (auto moved = MoveStage(context, *record, CaseStage::kNegotiating, "promise not kept"); !moved) {
      return Fail(moved.error());
    }
  }
  if (auto evaluated = EvaluateArrangement(context, *record, result, payments); !evaluated) {
    return Fail(evaluated.error());
  }
  // Reload: a completed settlement changed the balances.
  auto now = LoadCase(context, id);
  if (!now) return Fail(now.error());
  const bool settled = result.arrangement_completed && std::any_of(now->arrangements.begin(), now->arrangements.end(),
                                                                   [](const ArrangementRecord& a) {
                                                                     return a.kind == ArrangementKind::kSettlement &&
                                                                            a.status == "completed";
                                                                   });
  if (now->Overdue().TotalOverdue().minor_units() == 0 && !now->ActiveArrangement()) {
    const CloseReason reason = settled ? CloseReason::kSettled : CloseReason::kPaidInFull;
    if (auto closed = CloseCase(context, id, reason, "nothing left overdue"); !closed) return Fail(closed.error());
    result.closed = true;
  }
  return result;
}

Result<Evaluation> EvaluateCases(WorkflowContext& context, const std::vector<CaseId>& ids) {
  Evaluation total;
  for (CaseId id : ids) {
    auto one = EvaluateCase(context, id);
    if (!one) return one;
    total.promises_kept += one->promises_kept;
    total.promises_partly_kept += one->promises_partly_kept;
    total.promises_broken += one->promises_broken;
    total.installments_kept += one->installments_kept;
    total.installments_broken += one->installments_broken;
    total.arrangement_failed = total.arrangement_failed || one->arrangement_failed;
    total.arrangement_completed = total.arrangement_completed || one->arrangement_completed;
    total.closed = total.closed || one->closed;
  }
  return total;
}

Result<Evaluation> EvaluateAll(WorkflowContext& context) {
  return EvaluateCases(context, context.store.CasesWithOpenCommitments());
}

Result<Evaluation> EvaluatePaidCases(WorkflowContext& context, std::int64_t batch_id) {
  return EvaluateCases(context, context.store.CasesPaidInBatch(batch_id));
}

}  // namespace arrears::app
