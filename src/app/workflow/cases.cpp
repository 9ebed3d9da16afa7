#include "app/workflow/cases.hpp"

#include <algorithm>

namespace arrears::app {

namespace {

Status RequireReason(const std::string& reason) {
  if (reason.empty()) return Fail("say why (--reason)", "reason");
  return Ok{};
}

}  // namespace

Result<OpenedCases> OpenCases(WorkflowContext& context) {
  if (auto permitted = Permit(context, context.actor.role == Role::kAdmin || Approves(context.actor.role) ||
                                           context.actor.login == "system",
                              "open cases");
      !permitted) {
    return Fail(permitted.error());
  }
  return context.store.OpenCases(context.today, context.now_text);
}

Result<CaseRecord> ShowCase(WorkflowContext& context, CaseId id) { return LoadCase(context, id); }

Result<std::vector<CaseSummary>> ListCases(WorkflowContext& context, CaseQuery query) {
  if (query.limit < 1 || query.limit > 500) return Fail("limit is 1 to 500", "limit");
  query.scope_owner.clear();
  query.scope_team.clear();
  query.scope_agency.clear();
  query.scope_none = false;
  switch (context.actor.role) {
    case Role::kCollector: query.scope_owner = context.actor.login; break;
    case Role::kTeamLead:
      query.scope_owner = context.actor.login;
      query.scope_team = context.actor.team;
      break;
    case Role::kAgencyUser:
      query.scope_agency = context.actor.agency;
      query.scope_none = context.actor.agency.empty();
      break;
    default: break;
  }
  return context.store.ListCases(query);
}

Result<std::vector<CaseSummary>> ExportCases(WorkflowContext& context, CaseQuery query, int max_rows) {
  const bool may = context.actor.role == Role::kTeamLead || context.actor.role == Role::kSupervisor ||
                   context.actor.role == Role::kCompliance || context.actor.role == Role::kAuditor ||
                   context.actor.role == Role::kAdmin;
  if (auto permitted = Permit(context, may, "export cases"); !permitted) return Fail(permitted.error());
  std::vector<CaseSummary> all;
  query.limit = 500;
  query.after_id = 0;
  while (static_cast<int>(all.size()) < max_rows) {
    auto page = ListCases(context, query);
    if (!page) return Fail(page.error());
    for (CaseSummary& summary : *page) {
      if (static_cast<int>(all.size()) < max_rows) all.push_back(std::move(summary));
    }
    if (static_cast<int>(page->size()) < query.limit) break;
    query.after_id = all.back().id.value;
  }
  std::string filters = "stage=" + (query.stage ? std::string(CaseStageName(*query.stage)) : std::string("any")) +
                        "; owner=" + (query.owner.empty() ? std::string("any") : query.owner) +
                        "; closed=" + (query.open_only ? "excluded" : "included");
  context.store.AppendSystemEvent({"cases.export", std::to_string(all.size()) + " cases exported (" + filters + ")",
                                   "export", 0, std::nullopt, filters + "; rows=" + std::to_string(all.size())});
  return all;
}

Result<std::vector<TimelineEntry>> CaseTimeline(WorkflowContext& context, CaseId id) {
  auto record = LoadCase(context, id);
  if (!record) return Fail(record.error());
  return context.store.Timeline(*record);
}

Status ChangeStage(WorkflowContext& context, CaseId id, CaseStage to, const std::string& reason) {
  if (auto permitted = Permit(context, WorksCases(context.actor.role), "move cases"); !permitted) return permitted;
  if (auto given = RequireReason(reason); !given) return given;
  if (to == CaseStage::kClosed) return Fail("close a case with `case close` and a closing reason", "stage");
  if (to == CaseStage::kLegal) return Fail("transfer a case to legal with `case legal`", "stage");
  auto record = LoadCase(context, id);
  if (!record) return Fail(record.error());
  if (auto open = RequireOpen(*record); !open) return open;
  if (record->stage == to) {
    return Fail(Error{ErrorCode::kConflict, "the case is already " + std::string(CaseStageName(to)), "stage"});
  }
  return MoveStage(context, *record, to, reason);
}

Status AssignCase(WorkflowContext& context, CaseId id, const std::string& owner) {
  if (auto permitted = Permit(context, Approves(context.actor.role) || context.actor.role == Role::kAdmin,
                              "assign cases");
      !permitted) {
    return permitted;
  }
  auto record = LoadCase(context, id);
  if (!record) return Fail(record.error());
  if (auto open = RequireOpen(*record); !open) return open;
  CaseRecord after = *record;
  after.owner = owner;
  if (auto updated = context.store.UpdateCase(*record, after); !updated) return updated;
  context.store.AppendEvent(after, {"case.assign", "assigned to " + owner + (record->owner.empty() ? "" : " (was " + record->owner + ")"),
                                    "case", id.value, "owner=" + record->owner, "owner=" + owner});
  return Ok{};
}

Status CloseCase(WorkflowContext& context, CaseId id, CloseReason reason, const std::string& note) {
  if (auto permitted = Permit(context, WorksCases(context.actor.role) || context.actor.login == "system", "close cases");
      !permitted) {
    return permitted;
  }
  auto record = LoadCase(context, id);
  if (!record) return Fail(record.error());
  if (auto open = RequireOpen(*record); !open) return open;
  const Money overdue = record->Overdue().TotalOverdue();
  switch (reason) {
    case CloseReason::kPaidInFull:
      if (overdue.minor_units() != 0) {
        return Fail(Error{ErrorCode::kConflict, FormatAmount(overdue) + " is still overdue", "reason"});
      }
      break;
    case CloseReason::kSettled: {
      const bool settled = std::any_of(record->arrangements.begin(), record->arrangements.end(),
                                       [](const ArrangementRecord& a) {
                                         return a.kind == ArrangementKind::kSettlement && a.status == "completed";
                                       });
      if (!settled) return Fail(Error{ErrorCode::kConflict, "the case has no completed settlement", "reason"});
      break;
    }
    case CloseReason::kWrittenOff:
    case CloseReason::kRecalled:
      if (auto permitted = Permit(context, Approves(context.actor.role), "write off or recall a case"); !permitted) {
        return permitted;
      }
      break;
    case CloseReason::kDeceased:
    case CloseReason::kBankrupt:
      break;
  }
  CaseRecord after = *record;
  after.stage = CaseStage::kClosed;
  after.stage_changed_at = context.now_text;
  after.closed_at = context.now_text;
  after.close_reason = std::string(CloseReasonName(reason));
  after.monitor_until = context.today.AddDays(context.policy.monitoring_days);
  if (auto updated = context.store.UpdateCase(*record, after); !updated) return updated;
  // For reports the case was in collection on the day it closed.
  context.store.EndCaseFacts(after, context.today.AddDays(1));
  context.store.AppendEvent(after, {"case.close",
                                    "closed: " + after.close_reason + (note.empty() ? "" : " (" + note + ")") +
                                        "; watched until " + after.monitor_until->ToString(),
                                    "case", id.value, "stage=" + std::string(CaseStageName(record->stage)),
                                    "stage=closed; reason=" + after.close_reason});
  for (const Hold& hold : record->holds) {
    if (hold.kind == HoldKind::kPlanInForce) context.store.ReleaseHold(after, hold.id, "case closed");
  }
  if (reason == CloseReason::kPaidInFull || reason == CloseReason::kSettled) {
    const std::int64_t letter = context.store.AddLetterRequest(after, "settlement_certificate");
    context.store.AppendEvent(after, {"letter.request", "settlement certificate (结清证明) requested", "letter_request",
                                      letter, std::nullopt, "kind=settlement_certificate"});
  }
  return Ok{};
}

Result<std::int64_t> PlaceHold(WorkflowContext& context, CaseId id, HoldKind kind, const std::string& reason,
                               std::optional<AccountId> account) {
  if (auto permitted = Permit(context, WorksCases(context.actor.role) || context.actor.role == Role::kCompliance,
                              "place holds");
      !permitted) {
    return Fail(permitted.error());
  }
  if (auto given = RequireReason(reason); !given) return Fail(given.error());
  auto record = LoadCase(context, id);
  if (!record) return Fail(record.error());
  if (auto open = RequireOpen(*record); !open) return Fail(open.error());
  for (const Hold& hold : record->holds) {
    if (hold.kind == kind && hold.account == account) {
      return Fail(Error{ErrorCode::kConflict,
                        "a " + std::string(HoldKindName(kind)) + " hold is already in force (hold " +
                            std::to_string(hold.id) + ")",
                        "kind"});
    }
  }
  Hold hold{0, kind, reason, account, context.actor.login, context.now_text};
  hold.id = context.store.AddHold(*record, hold);
  context.store.AppendEvent(*record, {"hold.place", std::string(HoldKindName(kind)) + " hold: " + reason, "case_hold",
                                      hold.id, std::nullopt,
                                      "kind=" + std::string(HoldKindName(kind)) + "; reason=" + reason});
  return hold.id;
}

Status ReleaseHold(WorkflowContext& context, CaseId id, std::int64_t hold_id, const std::string& reason) {
  if (auto permitted = Permit(context, WorksCases(context.actor.role) || context.actor.role == Role::kCompliance,
                              "release holds");
      !permitted) {
    return permitted;
  }
  if (auto given = RequireReason(reason); !given) return given;
  auto record = LoadCase(context, id);
  if (!record) return Fail(record.error());
  const auto hold = std::find_if(record->holds.begin(), record->holds.end(),
                                 [hold_id](const Hold& h) { return h.id == hold_id; });
  if (hold == record->holds.end()) {
    return Fail(Error{ErrorCode::kNotFound, "case " + std::to_string(id.value) + " has no hold " +
                                                std::to_string(hold_id) + " in force", "hold"});
  }
  if (hold->kind == HoldKind::kDispute) return Fail("a dispute hold is released by resolving the dispute", "hold");
  context.store.ReleaseHold(*record, hold_id, reason);
  context.store.AppendEvent(*record, {"hold.release", std::string(HoldKindName(hold->kind)) + " hold released: " + reason,
                                      "case_hold", hold_id, "kind=" + std::string(HoldKindName(hold->kind)),
                                      "released; reason=" + reason});
  return Ok{};
}

}  // namespace arrears::app
