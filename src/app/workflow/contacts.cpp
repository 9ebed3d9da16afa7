#include "app/workflow/contacts.hpp"

#include <algorithm>

#include "app/import/row_validation.hpp"
#include "core/masking.hpp"
#include "policy/engine.hpp"

namespace arrears::app {

std::optional<policy::HistoryEvent> ContactEvent(const PastContact& past, const std::string& person) {
  if (!past.made) return std::nullopt;
  const auto at = ParseRfc3339(past.at);
  const auto channel = policy::ParseChannel(past.channel);
  if (!at || !channel) return std::nullopt;
  policy::HistoryEvent event;
  event.type = policy::EventType::kContact;
  event.at = *at;
  event.person = person;
  event.channel = *channel;
  event.party = policy::ParseParty(past.party).value_or(policy::Party::kDebtor);
  event.number = past.number_index;
  event.inbound = past.direction == "inbound";
  if (const auto outcome = ParseContactOutcome(past.outcome)) {
    if (IsDebtorConversation(*outcome)) {
      event.outcome = policy::CallOutcome::kConversation;
    } else if (*outcome == ContactOutcome::kVoicemail) {
      event.outcome = policy::CallOutcome::kVoicemail;
    } else if (*outcome == ContactOutcome::kWrongNumber) {
      event.outcome = policy::CallOutcome::kWrongNumber;
    } else if (*outcome == ContactOutcome::kBusy) {
      event.outcome = policy::CallOutcome::kBusy;
    } else if (*outcome == ContactOutcome::kNotInService) {
      event.outcome = policy::CallOutcome::kNotInService;
    } else if (*outcome == ContactOutcome::kNoAnswer) {
      event.outcome = policy::CallOutcome::kNoAnswer;
    } else {
      event.outcome = policy::CallOutcome::kAnsweredNoConversation;
    }
  }
  return event;
}

policy::HistoryEvent HoldEvent(const Hold& hold, const std::string& person, const std::string& disputed_account,
                               std::chrono::sys_seconds fallback) {
  policy::HistoryEvent event;
  event.at = ParseRfc3339(hold.placed_at).value_or(fallback);
  event.person = person;
  switch (hold.kind) {
    case HoldKind::kDispute: {
      event.type = policy::EventType::kDispute;
      if (!disputed_account.empty()) event.debts.push_back(disputed_account);
      break;
    }
    case HoldKind::kCeaseContact: event.type = policy::EventType::kCease; break;
    default:
      event.type = policy::EventType::kFlag;
      event.name = std::string(HoldKindName(hold.kind));
  }
  return event;
}

namespace {

using std::chrono::sys_seconds;

// The compliance history: the customer's contacts of the last eight days and the holds in force.
std::vector<policy::HistoryEvent> History(WorkflowContext& context, const CaseRecord& record) {
  std::vector<policy::HistoryEvent> history;
  const std::string since = FormatUtc(context.now - std::chrono::days(8));
  for (const PastContact& past : context.store.ContactsSince(record.customer, since)) {
    if (auto event = ContactEvent(past, record.customer_ref)) history.push_back(std::move(*event));
  }
  for (const OptOut& opt_out : context.store.OptOuts(record.customer)) {
    policy::HistoryEvent event;
    event.type = policy::EventType::kMediumOptOut;
    event.at = ParseRfc3339(opt_out.at).value_or(context.now);
    event.person = record.customer_ref;
    event.opted_out_channel = policy::ParseChannel(opt_out.channel);
    if (event.opted_out_channel) history.push_back(std::move(event));
  }
  for (const Hold& hold : record.holds) {
    std::string disputed;
    for (const CaseAccount& account : record.accounts) {
      if (hold.account && account.id == *hold.account) disputed = account.account_ref;
    }
    history.push_back(HoldEvent(hold, record.customer_ref, disputed, context.now));
  }
  std::sort(history.begin(), history.end(), [](const auto& a, const auto& b) { return a.at < b.at; });
  return history;
}

struct Judged {
  CaseRecord record;
  ContactPoint point;
  policy::Verdict verdict = policy::Verdict::kAllow;
  std::vector<std::string> reasons;
  std::optional<sys_seconds> allowed_from;  // a block that lifts by itself: when every blocking rule allows
};

// The last `count` digits of an id number given at verification.
bool IdDigitsMatch(const std::string& id_number, const std::string& digits) {
  return !digits.empty() && digits.size() <= id_number.size() && id_number.ends_with(digits);
}

}  // namespace

// Everything but the recording: the request checked, the case loaded (scope,
// open), the words screened, the contact point resolved, and the compliance
// decision taken. `outcome_required`: false for a check before contacting.
static Result<Judged> Judge(WorkflowContext& context, CaseId id, const ContactRequest& request, bool outcome_required) {
  const auto channel = policy::ParseChannel(request.channel);
  if (!channel) return Fail("unknown channel '" + request.channel + "' (call, sms, email, letter, visit)", "channel");
  const auto party = policy::ParseParty(request.party);
  if (!party) {
    return Fail("unknown party '" + request.party + "' (debtor, guarantor, emergency_contact, third_party)", "party");
  }
  if (outcome_required && !ParseContactOutcome(request.outcome)) {
    return Fail("unknown outcome '" + request.outcome + "'", "outcome");
  }
  auto loaded = LoadCase(context, id);
  if (!loaded) return Fail(loaded.error());
  CaseRecord record = std::move(*loaded);
  if (auto open = RequireOpen(record); !open) return Fail(open.error());

  // The words first: notes and messages never carry prohibited phrases.
  for (const auto& [field, text] : {std::pair{"notes", &request.notes}, std::pair{"message", &request.message}}) {
    const auto hits = policy::ScreenText(context.packs, *text);
    if (!hits.empty()) {
      return Fail(Error{ErrorCode::kPolicyRefused,
                        "prohibited phrase \"" + hits.front().phrase + "\" in the " + field + " (" +
                            hits.front().category + ", rule " + hits.front().rule + "): rephrase without it",
                        field});
    }
  }
  ContactPoint point;
  if (request.contact_point_id) {
    const auto points = context.store.ContactPoints(record.customer);
    const auto found = std::find_if(points.begin(), points.end(),
                                    [&](const ContactPoint& p) { return p.id == *request.contact_point_id; });
    if (found == points.end()) {
      return Fail(Error{ErrorCode::kNotFound,
                        "the customer has no contact point " + std::to_string(*request.contact_point_id),
                        "contact_point"});
    }
    point = *found;
    if (!request.inbound && (point.status == "invalid" || point.status == "wrong_party")) {
      return Fail(Error{ErrorCode::kPolicyRefused,
                        "contact point " + std::to_string(point.id) + " (" + point.value_masked + ") is marked " +
                            point.status + ": it is not contacted again",
                        "contact_point"});
    }
  }

  // The compliance decision, before anything is recorded as made. An inbound
  // contact is the debtor's own: it is recorded, not judged.
  std::vector<std::string> reasons;
  policy::Verdict verdict = policy::Verdict::kAllow;
  std::optional<sys_seconds> allowed_from;
  for (const Hold& hold : record.holds) {
    if (!request.inbound && StopsContact(hold.kind)) {
      verdict = policy::Verdict::kBlock;
      reasons.push_back("hold " + std::to_string(hold.id) + " (" + std::string(HoldKindName(hold.kind)) +
                        "): no collection contact");
    }
  }
  if (!request.inbound) {
    policy::Attempt attempt;
    attempt.channel = *channel;
    attempt.at = context.now;
    attempt.person = record.customer_ref;
    attempt.party = *party;
    for (const CaseAccount& account : record.accounts) attempt.debts.push_back(account.account_ref);
    attempt.number = point.value_index;
    attempt.timezones = {record.time_zone};
    attempt.collectors = request.collectors;
    attempt.text = request.message;
    attempt.source = point.source;
    const auto history = History(context, record);
    auto decision = policy::Evaluate(context.packs, history, attempt, context.language);
    if (!decision) return Fail(decision.error());
    if (decision->verdict == policy::Verdict::kBlock) {
      // It lifts by itself only when no hold blocks and every blocking rule names a time.
      const bool timed = verdict != policy::Verdict::kBlock &&
                         std::all_of(decision->reasons.begin(), decision->reasons.end(), [](const policy::Reason& r) {
                           return r.verdict != policy::Verdict::kBlock || r.allowed_from.has_value();
                         });
      if (timed) allowed_from = decision->allowed_from;
      verdict = policy::Verdict::kBlock;
    }
    if (decision->verdict == policy::Verdict::kWarn && verdict == policy::Verdict::kAllow) {
      verdict = policy::Verdict::kWarn;
    }
    for (const policy::Reason& reason : decision->reasons) reasons.push_back(reason.rule + ": " + reason.message);
  }
  return Judged{std::move(record), std::move(point), verdict, std::move(reasons), allowed_from};
}

Result<ContactLogged> CheckContact(WorkflowContext& context, CaseId id, const ContactRequest& request) {
  auto judged = Judge(context, id, request, false);
  if (!judged) return Fail(judged.error());
  ContactLogged verdict;
  verdict.made = judged->verdict != policy::Verdict::kBlock;
  verdict.verdict = std::string(policy::VerdictName(judged->verdict));
  verdict.reasons = std::move(judged->reasons);
  if (judged->allowed_from) verdict.allowed_from = FormatUtc(*judged->allowed_from);
  return verdict;
}

Result<ContactLogged> LogContact(WorkflowContext& context, CaseId id, const ContactRequest& request) {
  if (auto permitted = Permit(context, WorksCases(context.actor.role), "contact debtors"); !permitted) {
    return Fail(permitted.error());
  }
  auto judged = Judge(context, id, request, true);
  if (!judged) return Fail(judged.error());
  CaseRecord* record = &judged->record;
  const auto outcome = ParseContactOutcome(request.outcome);
  const ContactPoint& point = judged->point;
  const policy::Verdict verdict = judged->verdict;
  const std::vector<std::string>& reasons = judged->reasons;
  ContactAttemptRow row;
  row.at = context.now_text;
  row.channel = request.channel;
  row.direction = request.inbound ? "inbound" : "outbound";
  row.party = request.party;
  if (request.contact_point_id) row.contact_point_id = point.id;
  row.number_masked = point.value_masked;
  row.outcome = request.outcome;
  row.notes = request.notes;

  row.verdict = std::string(policy::VerdictName(verdict));
  row.decision = JoinText(reasons, "\n");
  ContactLogged logged;
  logged.verdict = row.verdict;
  logged.reasons = reasons;
  if (verdict == policy::Verdict::kBlock) {
    row.made = false;
    row.outcome = "";
    logged.attempt_id = context.store.AddContactAttempt(*record, row);
    context.store.AppendEvent(*record, {"contact.refused",
                                        request.channel + " to " + request.party + " refused: " + JoinText(reasons, "\n"),
                                        "contact_attempt", logged.attempt_id, std::nullopt,
                                        "channel=" + request.channel + "; verdict=block"});
    return logged;
  }

  row.made = true;
  if (request.verify_name || request.verify_id_digits) {
    bool verified = request.verify_name && *request.verify_name == record->customer_name;
    if (request.verify_id_digits) {
      verified = verified && IdDigitsMatch(context.vault.Open(record->id_number_cipher), *request.verify_id_digits);
    }
    row.right_party_verified = verified;
    logged.right_party_verified = verified;
  }
  logged.made = true;
  logged.attempt_id = context.store.AddContactAttempt(*record, row);
  std::string summary = std::string(request.inbound ? "inbound " : "") + request.channel + " with " + request.party +
                        (point.value_masked.empty() ? "" : " (" + point.value_masked + ")") + ": " + request.outcome;
  if (logged.right_party_verified) summary += *logged.right_party_verified ? "; identity verified" : "; identity NOT verified";
  if (!request.notes.empty()) summary += "; notes: " + request.notes;
  context.store.AppendEvent(*record, {"contact." + request.channel, summary, "contact_attempt", logged.attempt_id,
                                      std::nullopt,
                                      "channel=" + request.channel + "; outcome=" + request.outcome + "; verdict=" +
                                          row.verdict});
  // What the outcome tells about the contact point and the case.
  if (request.contact_point_id && *outcome == ContactOutcome::kWrongNumber) {
    ContactPoint after = point;
    after.status = "wrong_party";
    after.source = context.actor.login;
    context.store.UpdateContactPoint(after);
    context.store.AppendEvent(*record, {"contact_point.status", "contact point " + point.value_masked +
                                                                     " marked wrong_party (wrong number)",
                                        "contact_point", point.id, "status=" + point.status, "status=wrong_party"});
  }
  if (*outcome == ContactOutcome::kDeceased && !record->HasHold(HoldKind::kDeceased)) {
    Hold hold{0, HoldKind::kDeceased, "reported at contact " + std::to_string(logged.attempt_id), std::nullopt,
              context.actor.login, context.now_text};
    hold.id = context.store.AddHold(*record, hold);
    context.store.AppendEvent(*record, {"hold.place", "deceased hold: " + hold.reason, "case_hold", hold.id,
                                        std::nullopt, "kind=deceased"});
  }
  if (record->stage == CaseStage::kNew && !request.inbound) {
    if (auto moved = MoveStage(context, *record, CaseStage::kReminding, "first contact"); !moved) {
      return Fail(moved.error());
    }
  }
  return logged;
}

Status SetContactPointStatus(WorkflowContext& context, CaseId id, std::int64_t contact_point_id,
                             const std::string& status, const std::string& source) {
  if (auto permitted = Permit(context, WorksCases(context.actor.role), "update contact details"); !permitted) {
    return permitted;
  }
  if (status != "unverified" && status != "verified" && status != "invalid" && status != "wrong_party") {
    return Fail("status is unverified, verified, invalid or wrong_party, not '" + status + "'", "status");
  }
  if (source.empty()) return Fail("say where the information comes from (--source)", "source");
  auto record = LoadCase(context, id);
  if (!record) return Fail(record.error());
  const auto points = context.store.ContactPoints(record->customer);
  const auto found = std::find_if(points.begin(), points.end(),
                                  [&](const ContactPoint& p) { return p.id == contact_point_id; });
  if (found == points.end()) {
    return Fail(Error{ErrorCode::kNotFound, "the customer has no contact point " + std::to_string(contact_point_id),
                      "contact_point"});
  }
  ContactPoint after = *found;
  after.status = status;
  after.source = source;
  context.store.UpdateContactPoint(after);
  context.store.AppendEvent(*record, {"contact_point.status",
                                      "contact point " + found->value_masked + ": " + found->status + " → " + status +
                                          " (source: " + source + ")",
                                      "contact_point", contact_point_id,
                                      "status=" + found->status + "; source=" + found->source,
                                      "status=" + status + "; source=" + source});
  return Ok{};
}

Result<std::int64_t> AddContactPoint(WorkflowContext& context, CaseId id, const NewContactPoint& request) {
  if (auto permitted = Permit(context, WorksCases(context.actor.role), "update contact details"); !permitted) {
    return Fail(permitted.error());
  }
  auto value = NormalizeContactValue(request.kind, request.value);
  if (!value) return Fail(value.error());
  static const std::vector<std::string> kRelations = {"self",    "spouse",   "parent",    "child",    "sibling", "relative",
                                                      "friend", "colleague", "employer", "guarantor", "other"};
  if (std::find(kRelations.begin(), kRelations.end(), request.relation) == kRelations.end()) {
    return Fail("relation '" + request.relation + "' is not one of self, spouse, parent, child, sibling, relative, "
                "friend, colleague, employer, guarantor, other", "relation");
  }
  if (request.source == "phone_book") {
    return Fail("contacts harvested from a debtor's phone book (爆通讯录) are never accepted", "source");
  }
  if (request.source.empty()) return Fail("say where the contact comes from (--source)", "source");
  auto record = LoadCase(context, id);
  if (!record) return Fail(record.error());
  ContactPoint point;
  point.customer = record->customer;
  point.kind = request.kind;
  point.value_cipher = context.vault.Seal(*value);
  point.value_index = context.vault.BlindIndex(request.kind, *value);
  point.value_masked = request.kind == "email"     ? MaskEmail(*value)
                       : request.kind == "address" ? MaskAddress(*value)
                                                   : MaskPhone(*value);
  point.relation = request.relation;
  point.status = "unverified";
  point.source = request.source;
  point.id = context.store.AddContactPoint(*record, point);
  context.store.AppendEvent(*record, {"contact_point.add",
                                      "new " + request.kind + " " + point.value_masked + " (" + request.relation +
                                          ", source: " + request.source + ")",
                                      "contact_point", point.id, std::nullopt,
                                      "kind=" + request.kind + "; value=" + point.value_masked + "; source=" +
                                          request.source});
  return point.id;
}

Result<std::optional<Money>> RecordSituation(WorkflowContext& context, CaseId id, const SituationRequest& request) {
  if (auto permitted = Permit(context, WorksCases(context.actor.role), "record a debtor's situation"); !permitted) {
    return Fail(permitted.error());
  }
  if (!request.reason && !request.finances) return Fail("give a reason, finances or both", "reason");
  auto record = LoadCase(context, id);
  if (!record) return Fail(record.error());
  if (auto open = RequireOpen(*record); !open) return Fail(open.error());
  CaseRecord after = *record;
  std::optional<Money> capacity;
  std::string summary;
  if (request.reason) {
    after.delinquency_reason = std::string(DelinquencyReasonName(*request.reason));
    summary = "reason: " + after.delinquency_reason;
  }
  if (request.finances) {
    const FinancialSituation& f = *request.finances;
    for (const Money* amount : {&f.income, &f.expenses, &f.other_debt_payments}) {
      if (amount->minor_units() < 0) return Fail("income, expenses and other debts are not negative", "income");
    }
    capacity = RepaymentCapacity(f);
    after.monthly_income = f.income;
    after.monthly_expenses = f.expenses;
    after.other_debt_payments = f.other_debt_payments;
    after.repayment_capacity = capacity;
    summary += std::string(summary.empty() ? "" : "; ") + "income " + FormatAmount(f.income) + ", expenses " +
               FormatAmount(f.expenses) + ", other debts " + FormatAmount(f.other_debt_payments) +
               " a month: can repay about " + FormatAmount(*capacity) + " a month";
  }
  if (auto updated = context.store.UpdateCase(*record, after); !updated) return Fail(updated.error());
  context.store.AppendEvent(after, {"case.situation", summary, "case", id.value, std::nullopt, summary});
  return capacity;
}

}  // namespace arrears::app

