#include "app/workflow/escalation.hpp"

#include <algorithm>

#include "app/workflow/cases.hpp"

namespace arrears::app {

namespace {

// Escalation steps move an open case to the escalated stage (through negotiation when it has to).
Status Escalate(WorkflowContext& context, CaseRecord& record, const std::string& why) {
  if (record.stage == CaseStage::kEscalated || record.stage == CaseStage::kLegal) return Ok{};
  if (record.stage == CaseStage::kArrangement && !CheckStageMove(record.stage, CaseStage::kEscalated)) {
    if (auto moved = MoveStage(context, record, CaseStage::kNegotiating, why); !moved) return moved;
  }
  return MoveStage(context, record, CaseStage::kEscalated, why);
}

LegalMatter* FindMatter(CaseRecord& record, std::int64_t matter_id) {
  for (LegalMatter& matter : record.legal_matters) {
    if (matter.id == matter_id) return &matter;
  }
  return nullptr;
}

}  // namespace

Result<std::int64_t> RequestLetter(WorkflowContext& context, CaseId id, const std::string& kind) {
  if (auto permitted = Permit(context, WorksCases(context.actor.role), "request letters"); !permitted) {
    return Fail(permitted.error());
  }
  if (kind != "collection_letter" && kind != "lawyer_letter") {
    return Fail("letter kind is collection_letter or lawyer_letter, not '" + kind + "'", "kind");
  }
  auto record = LoadCase(context, id);
  if (!record) return Fail(record.error());
  if (auto open = RequireOpen(*record); !open) return Fail(open.error());
  for (const Hold& hold : record->holds) {
    if (StopsContact(hold.kind) || hold.kind == HoldKind::kDispute) {
      return Fail(Error{ErrorCode::kPolicyRefused,
                        "no " + kind + " while the " + std::string(HoldKindName(hold.kind)) + " hold " +
                            std::to_string(hold.id) + " is in force",
                        "kind"});
    }
  }
  const std::int64_t letter = context.store.AddLetterRequest(*record, kind);
  context.store.AppendEvent(*record, {"letter.request", kind == "lawyer_letter" ? "lawyer's letter (律师函) requested"
                                                                                 : "collection letter (催款函) requested",
                                      "letter_request", letter, std::nullopt, "kind=" + kind});
  if (auto escalated = Escalate(context, *record, kind); !escalated) return Fail(escalated.error());
  return letter;
}

Result<std::int64_t> ScheduleFieldVisit(WorkflowContext& context, CaseId id, Date planned_for,
                                        const std::vector<std::string>& collectors) {
  if (auto permitted = Permit(context, WorksCases(context.actor.role), "schedule field visits"); !permitted) {
    return Fail(permitted.error());
  }
  if (planned_for < context.today) return Fail("the visit date " + planned_for.ToString() + " is in the past", "date");
  std::vector<std::string> distinct = collectors;
  std::sort(distinct.begin(), distinct.end());
  distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
  if (static_cast<int>(distinct.size()) < context.policy.field_visit_collectors) {
    return Fail(Error{ErrorCode::kPolicyRefused,
                      "a field visit needs at least " + std::to_string(context.policy.field_visit_collectors) +
                          " different collectors, " + std::to_string(distinct.size()) + " named",
                      "collectors"});
  }
  auto record = LoadCase(context, id);
  if (!record) return Fail(record.error());
  if (auto open = RequireOpen(*record); !open) return Fail(open.error());
  FieldVisit visit{0, planned_for, collectors, "planned", "", ""};
  visit.id = context.store.AddFieldVisit(*record, visit);
  std::string names;
  for (const std::string& name : collectors) names += (names.empty() ? "" : ", ") + name;
  context.store.AppendEvent(*record, {"visit.schedule", "field visit planned for " + planned_for.ToString() + " by " + names,
                                      "field_visit", visit.id, std::nullopt, "collectors=" + names});
  if (auto escalated = Escalate(context, *record, "field visit"); !escalated) return Fail(escalated.error());
  return visit.id;
}

Result<ContactLogged> RecordFieldVisit(WorkflowContext& context, CaseId id, std::int64_t visit_id,
                                       const std::string& outcome, const std::string& result) {
  if (outcome != "visited_met" && outcome != "visited_not_met") {
    return Fail("a visit's outcome is visited_met or visited_not_met", "outcome");
  }
  auto record = LoadCase(context, id);
  if (!record) return Fail(record.error());
  auto visit = std::find_if(record->field_visits.begin(), record->field_visits.end(),
                            [&](const FieldVisit& v) { return v.id == visit_id; });
  if (visit == record->field_visits.end()) {
    return Fail(Error{ErrorCode::kNotFound, "case " + std::to_string(id.value) + " has no field visit " +
                                                std::to_string(visit_id), "visit"});
  }
  if (visit->status != "planned") {
    return Fail(Error{ErrorCode::kConflict, "field visit " + std::to_string(visit_id) + " is " + visit->status, "visit"});
  }
  ContactRequest contact;
  contact.channel = "visit";
  contact.outcome = outcome;
  contact.notes = result;
  contact.collectors = static_cast<int>(visit->collectors.size());
  auto logged = LogContact(context, id, contact);
  if (!logged) return logged;
  if (!logged->made) return logged;
  FieldVisit after = *visit;
  after.status = "done";
  after.outcome = outcome;
  after.result = result;
  context.store.UpdateFieldVisit(*record, after);
  return logged;
}

Result<std::int64_t> TransferToLegal(WorkflowContext& context, CaseId id, const std::string& reason) {
  if (auto permitted = Permit(context, Approves(context.actor.role) || HandlesLegal(context.actor.role),
                              "transfer cases to legal");
      !permitted) {
    return Fail(permitted.error());
  }
  if (reason.empty()) return Fail("say why (--reason)", "reason");
  auto record = LoadCase(context, id);
  if (!record) return Fail(record.error());
  if (auto open = RequireOpen(*record); !open) return Fail(open.error());
  for (const LegalMatter& matter : record->legal_matters) {
    if (matter.status != "returned" && matter.status != "closed") {
      return Fail(Error{ErrorCode::kConflict, "legal matter " + std::to_string(matter.id) + " is open already", "case"});
    }
  }
  if (auto escalated = Escalate(context, *record, "before legal"); !escalated) return Fail(escalated.error());
  LegalMatter matter;
  matter.status = "preparing";
  matter.costs = Money(0, record->currency);
  matter.transferred_by = context.actor.login;
  matter.transferred_at = context.now_text;
  matter.id = context.store.AddLegalMatter(*record, matter);
  context.store.AppendEvent(*record, {"legal.transfer", "transferred to legal: " + reason, "legal_matter", matter.id,
                                      std::nullopt, "status=preparing"});
  if (auto moved = MoveStage(context, *record, CaseStage::kLegal, reason); !moved) return Fail(moved.error());
  if (!record->HasHold(HoldKind::kLitigation)) {
    Hold hold{0, HoldKind::kLitigation, "legal matter " + std::to_string(matter.id), std::nullopt,
              context.actor.login, context.now_text};
    hold.id = context.store.AddHold(*record, hold);
    context.store.AppendEvent(*record, {"hold.place", "litigation hold: " + hold.reason, "case_hold", hold.id,
                                        std::nullopt, "kind=litigation"});
  }
  return matter.id;
}

Status UpdateLegalMatter(WorkflowContext& context, CaseId id, std::int64_t matter_id, const LegalUpdate& update) {
  if (auto permitted = Permit(context, HandlesLegal(context.actor.role), "update legal matters"); !permitted) {
    return permitted;
  }
  static const std::vector<std::string> kStatuses = {"preparing", "filed", "hearing", "judgment", "enforcement", "closed"};
  if (update.status && std::find(kStatuses.begin(), kStatuses.end(), *update.status) == kStatuses.end()) {
    return Fail("legal status is preparing, filed, hearing, judgment, enforcement or closed", "status");
  }
  auto record = LoadCase(context, id);
  if (!record) return Fail(record.error());
  LegalMatter* matter = FindMatter(*record, matter_id);
  if (!matter) {
    return Fail(Error{ErrorCode::kNotFound, "case " + std::to_string(id.value) + " has no legal matter " +
                                                std::to_string(matter_id), "matter"});
  }
  if (matter->status == "returned" || matter->status == "closed") {
    return Fail(Error{ErrorCode::kConflict, "legal matter " + std::to_string(matter_id) + " is " + matter->status, "matter"});
  }
  LegalMatter after = *matter;
  std::vector<std::string> changes;
  auto note = [&](const std::string& what) { changes.push_back(what); };
  if (update.status) { after.status = *update.status; note("status " + *update.status); }
  if (update.court) { after.court = *update.court; note("court " + *update.court); }
  if (update.court_case_number) { after.court_case_number = *update.court_case_number; note("case number " + *update.court_case_number); }
  if (update.filed_on) { after.filed_on = update.filed_on; note("filed on " + update.filed_on->ToString()); }
  if (update.next_hearing_on) { after.next_hearing_on = update.next_hearing_on; note("hearing on " + update.next_hearing_on->ToString()); }
  if (update.judgment_amount) {
    if (update.judgment_amount->minor_units() < 0) return Fail("the judgment amount is not negative", "judgment_amount");
    after.judgment_amount = update.judgment_amount;
    note("judgment for " + FormatAmount(*update.judgment_amount));
  }
  if (update.judgment_on) { after.judgment_on = update.judgment_on; note("judgment on " + update.judgment_on->ToString()); }
  if (update.enforcement) { after.enforcement = *update.enforcement; note("enforcement: " + *update.enforcement); }
  if (update.assets_frozen) { after.assets_frozen = *update.assets_frozen; note(*update.assets_frozen ? "assets frozen" : "assets released"); }
  if (update.add_costs) {
    if (update.add_costs->minor_units() < 0) return Fail("costs are not negative", "costs");
    after.costs += *update.add_costs;
    note("costs +" + FormatAmount(*update.add_costs));
  }
  if (changes.empty()) return Fail("nothing to update", "status");
  if ((after.judgment_amount || after.judgment_on) && after.status != "judgment" && after.status != "enforcement" &&
      after.status != "closed") {
    after.status = "judgment";
  }
  std::string summary;
  for (const std::string& change : changes) summary += (summary.empty() ? "" : "; ") + change;
  context.store.UpdateLegalMatter(*record, after);
  context.store.AppendEvent(*record, {"legal.update", "legal matter " + std::to_string(matter_id) + ": " + summary,
                                      "legal_matter", matter_id, "status=" + matter->status,
                                      "status=" + after.status + "; " + summary});
  return Ok{};
}

Status ReturnFromLegal(WorkflowContext& context, CaseId id, std::int64_t matter_id, const std::string& reason) {
  if (auto permitted = Permit(context, HandlesLegal(context.actor.role), "return cases from legal"); !permitted) {
    return permitted;
  }
  if (reason.empty()) return Fail("say why (--reason)", "reason");
  auto record = LoadCase(context, id);
  if (!record) return Fail(record.error());
  LegalMatter* matter = FindMatter(*record, matter_id);
  if (!matter || matter->status == "returned") {
    return Fail(Error{ErrorCode::kNotFound, "case " + std::to_string(id.value) + " has no open legal matter " +
                                                std::to_string(matter_id), "matter"});
  }
  LegalMatter after = *matter;
  after.status = "returned";
  context.store.UpdateLegalMatter(*record, after);
  context.store.AppendEvent(*record, {"legal.return", "returned from legal: " + reason, "legal_matter", matter_id,
                                      "status=" + matter->status, "status=returned"});
  for (const Hold& hold : record->holds) {
    if (hold.kind != HoldKind::kLitigation) continue;
    context.store.ReleaseHold(*record, hold.id, "returned from legal");
    context.store.AppendEvent(*record, {"hold.release", "litigation hold released: returned from legal", "case_hold",
                                        hold.id, "kind=litigation", "released"});
  }
  return MoveStage(context, *record, CaseStage::kNegotiating, "returned from legal: " + reason);
}

}  // namespace arrears::app
