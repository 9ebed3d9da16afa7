#include "app/workflow/disputes.hpp"

#include <algorithm>
#include <array>

namespace arrears::app {

namespace {
constexpr std::array<std::string_view, 5> kKinds = {"amount_or_fee", "not_my_debt", "already_paid", "fraud",
                                                    "service_complaint"};
}

Result<std::int64_t> OpenDispute(WorkflowContext& context, CaseId id, const DisputeRequest& request) {
  if (auto permitted = Permit(context, WorksCases(context.actor.role) || context.actor.role == Role::kCompliance,
                              "open disputes");
      !permitted) {
    return Fail(permitted.error());
  }
  if (std::find(kKinds.begin(), kKinds.end(), request.kind) == kKinds.end()) {
    return Fail("unknown dispute kind '" + request.kind +
                    "' (amount_or_fee, not_my_debt, already_paid, fraud, service_complaint)",
                "kind");
  }
  if (request.description.empty()) return Fail("describe what the debtor disputes", "description");
  if (request.amount && request.amount->minor_units() <= 0) return Fail("the disputed amount is positive", "amount");
  if (request.amount && !request.component) return Fail("name the component the amount is part of", "component");
  auto record = LoadCase(context, id);
  if (!record) return Fail(record.error());
  if (auto open = RequireOpen(*record); !open) return Fail(open.error());
  const auto account = std::find_if(record->accounts.begin(), record->accounts.end(),
                                    [&](const CaseAccount& a) { return a.account_ref == request.account_ref; });
  if (account == record->accounts.end()) {
    return Fail(Error{ErrorCode::kNotFound, "account '" + request.account_ref + "' is not on this case", "account"});
  }
  Hold hold{0, HoldKind::kDispute, request.kind + ": " + request.description, account->id, context.actor.login,
            context.now_text};
  hold.id = context.store.AddHold(*record, hold);
  context.store.AppendEvent(*record, {"hold.place", "dispute hold on " + account->account_ref, "case_hold", hold.id,
                                      std::nullopt, "kind=dispute"});
  DisputeRecord dispute;
  dispute.account = account->id;
  dispute.account_ref = account->account_ref;
  dispute.kind = request.kind;
  dispute.description = request.description;
  dispute.component = request.component;
  dispute.amount = request.amount;
  dispute.status = "open";
  dispute.hold_id = hold.id;
  dispute.opened_by = context.actor.login;
  dispute.opened_at = context.now_text;
  dispute.id = context.store.AddDispute(*record, dispute);
  std::string what = request.kind;
  if (request.amount) {
    what += " (" + FormatAmount(*request.amount) + " of " + std::string(ComponentName(*request.component)) + ")";
  }
  context.store.AppendEvent(*record, {"dispute.open",
                                      "dispute on " + account->account_ref + ": " + what + ": " + request.description +
                                          "; collection of the account holds",
                                      "dispute", dispute.id, std::nullopt, "status=open; kind=" + request.kind});
  return dispute.id;
}

Status ResolveDispute(WorkflowContext& context, CaseId id, std::int64_t dispute_id, bool upheld,
                      const std::string& reason) {
  if (auto permitted = Permit(context, Approves(context.actor.role) || context.actor.role == Role::kCompliance,
                              "resolve disputes");
      !permitted) {
    return permitted;
  }
  if (reason.empty()) return Fail("say why (--reason)", "reason");
  auto record = LoadCase(context, id);
  if (!record) return Fail(record.error());
  const auto dispute = std::find_if(record->disputes.begin(), record->disputes.end(),
                                    [&](const DisputeRecord& d) { return d.id == dispute_id; });
  if (dispute == record->disputes.end()) {
    return Fail(Error{ErrorCode::kNotFound, "case " + std::to_string(id.value) + " has no dispute " +
                                                std::to_string(dispute_id), "dispute"});
  }
  if (dispute->status != "open") {
    return Fail(Error{ErrorCode::kConflict, "dispute " + std::to_string(dispute_id) + " is " + dispute->status +
                                                " already", "dispute"});
  }
  if (upheld && dispute->amount) {
    const auto account = std::find_if(record->accounts.begin(), record->accounts.end(),
                                      [&](const CaseAccount& a) { return a.id == dispute->account; });
    const Money owed = account->balance.Overdue(*dispute->component);
    if (owed < *dispute->amount) {
      return Fail(Error{ErrorCode::kConflict,
                        "only " + FormatAmount(owed) + " of " + std::string(ComponentName(*dispute->component)) +
                            " is overdue on " + dispute->account_ref + ", less than the " +
                            FormatAmount(*dispute->amount) + " disputed",
                        "dispute"});
    }
    context.store.ReduceOverdue(*record, dispute->account, *dispute->component, *dispute->amount);
    context.store.AppendEvent(*record, {"balance.reverse",
                                        "reversed " + FormatAmount(*dispute->amount) + " of " +
                                            std::string(ComponentName(*dispute->component)) + " on " +
                                            dispute->account_ref + " (dispute " + std::to_string(dispute_id) +
                                            " upheld)",
                                        "account", dispute->account.value,
                                        std::string(ComponentName(*dispute->component)) + "=" + FormatAmount(owed),
                                        std::string(ComponentName(*dispute->component)) + "=" +
                                            FormatAmount(owed - *dispute->amount)});
  }
  DisputeRecord after = *dispute;
  after.status = upheld ? "upheld" : "rejected";
  after.resolution_reason = reason;
  context.store.UpdateDispute(*record, after);
  context.store.ReleaseHold(*record, dispute->hold_id, "dispute " + after.status);
  context.store.AppendEvent(*record, {"dispute." + after.status,
                                      "dispute " + std::to_string(dispute_id) + " " + after.status + ": " + reason +
                                          "; collection resumes",
                                      "dispute", dispute_id, "status=open", "status=" + after.status});
  const std::int64_t letter = context.store.AddLetterRequest(*record, "dispute_outcome");
  context.store.AppendEvent(*record, {"letter.request", "letter telling the debtor the dispute's outcome requested",
                                      "letter_request", letter, std::nullopt, "kind=dispute_outcome"});
  return Ok{};
}

}  // namespace arrears::app
