#include "app/workflow/messages.hpp"

#include <algorithm>
#include <cctype>

#include "app/import/row_validation.hpp"
#include "app/workflow/contacts.hpp"
#include "core/sms_length.hpp"
#include "policy/engine.hpp"

namespace arrears::app {

namespace {

bool EditsTemplates(Role role) {
  return role == Role::kAdmin || role == Role::kCompliance || role == Role::kSupervisor;
}

// How the debtor is addressed: by the gender the lender gave, else by the 17th digit of a Chinese resident id
// (odd for men, even for women), else neutrally.
std::string Title(const std::string& gender, const std::string& id_number, const std::string& language) {
  const bool zh = language != "en";
  std::optional<bool> man;
  if (gender == "male" || gender == "female") {
    man = gender == "male";
  } else if (id_number.size() == 18 && std::isdigit(static_cast<unsigned char>(id_number[16]))) {
    man = (id_number[16] - '0') % 2 == 1;
  }
  if (!man) return zh ? "客户" : "customer";
  return zh ? (*man ? "先生" : "女士") : (*man ? "Mr" : "Ms");
}

std::string LastDigits(const std::string& reference) {
  return reference.size() <= 4 ? reference : reference.substr(reference.size() - 4);
}

}  // namespace

Result<int> SaveTemplate(WorkflowContext& context, const policy::MessageTemplate& draft) {
  if (auto permitted = Permit(context, EditsTemplates(context.actor.role), "edit message templates"); !permitted) {
    return Fail(permitted.error());
  }
  if (auto checked = policy::CheckTemplate(draft, context.packs); !checked) return Fail(checked.error());
  const int version = context.store.SaveTemplate(draft);
  context.store.AppendSystemEvent({"template.save",
                                   "template " + draft.id + " (" + draft.language + ", " +
                                       std::string(policy::ChannelName(draft.channel)) + ") saved as version " +
                                       std::to_string(version),
                                   "message_template", version, std::nullopt,
                                   "id=" + draft.id + "; language=" + draft.language + "; version=" +
                                       std::to_string(version)});
  return version;
}

Result<std::vector<policy::MessageTemplate>> ListTemplates(WorkflowContext& context) {
  return context.store.LatestTemplates();
}

std::map<std::string, std::string> MessageValues(const WorkflowContext& context, const CaseRecord& record,
                                                 const std::string& language) {
  const policy::Institution& institution = context.policy.institution;
  const Balance overdue = record.Overdue();
  const bool zh = language != "en";
  // The account furthest behind: its reference (masked) and its earliest unpaid due date.
  const CaseAccount* worst = nullptr;
  for (const CaseAccount& account : record.accounts) {
    if (!worst || account.days_past_due > worst->days_past_due) worst = &account;
  }
  const int dpd = record.MaxDaysPastDue();
  std::map<std::string, std::string> values;
  values["debtor_name"] = record.customer_name;
  values["debtor_title"] = Title(record.gender,
                                 record.gender.empty() && !record.id_number_cipher.empty()
                                     ? context.vault.Open(record.id_number_cipher)
                                     : "",
                                 language);
  values["account_masked"] = worst ? LastDigits(worst->account_ref) : "";
  values["total_owed"] = FormatGroupedAmount(overdue.TotalOverdue());
  values["principal"] = FormatGroupedAmount(overdue.Overdue(Component::kPrincipal));
  values["interest"] = FormatGroupedAmount(overdue.Overdue(Component::kInterest));
  values["penalty_interest"] =
      FormatGroupedAmount(overdue.Overdue(Component::kPenaltyInterest) + overdue.Overdue(Component::kCompoundInterest));
  values["fees"] = FormatGroupedAmount(overdue.Overdue(Component::kLateFee) + overdue.Overdue(Component::kInstallmentFee) +
                          overdue.Overdue(Component::kOtherFee));
  values["currency"] = record.currency == Currency::kCNY && zh ? "元" : std::string(CurrencyCode(record.currency));
  values["due_date"] = dpd > 0 ? context.today.AddDays(-dpd).ToString() : context.today.ToString();
  values["days_past_due"] = std::to_string(dpd);
  values["repayment_channels"] = institution.repayment_channels.In(language);
  values["agent_name"] = record.owner.empty() ? context.actor.login : record.owner;
  values["callback_number"] = institution.callback_number;
  values["institution_name"] = institution.name.In(language);
  values["seal_text"] = institution.seal_text.In(language);
  values["today"] = context.today.ToString();
  values["opt_out"] = institution.opt_out.In(language);
  // What the debtor agreed, for the result notice after a call: the latest open promise and the plan in force.
  values["promise_amount"] = values["promise_date"] = values["plan_terms"] = "";
  for (const PromiseRecord& promise : record.promises) {
    if (promise.status != PromiseStatus::kOpen) continue;
    values["promise_amount"] = FormatGroupedAmount(promise.terms.amount);
    values["promise_date"] = promise.terms.due.ToString();
  }
  for (const ArrangementRecord& plan : record.arrangements) {
    if (plan.status != "active" || plan.installments.empty()) continue;
    const InstallmentRecord& first = plan.installments.front();
    const std::string count = std::to_string(plan.installments.size());
    values["plan_terms"] =
        zh ? count + "期，每期" + FormatGroupedAmount(first.amount) + values["currency"] + "，首期" + first.due.ToString()
           : count + " installment(s) of " + FormatGroupedAmount(first.amount) + " " + values["currency"] + " from " +
                 first.due.ToString();
  }
  return values;
}

Result<RenderedMessage> RenderForCase(WorkflowContext& context, CaseId id, const std::string& template_id,
                                      const std::string& language) {
  auto record = LoadCase(context, id);
  if (!record) return Fail(record.error());
  const std::string lang = language.empty() ? (record->language.starts_with("en") ? "en" : "zh") : language;
  auto source = context.store.LatestTemplate(template_id, lang);
  if (!source) {
    return Fail(Error{ErrorCode::kNotFound, "no template '" + template_id + "' in " + lang + " (see `arrears template list`)",
                      "template"});
  }
  const auto values = MessageValues(context, *record, lang);
  RenderedMessage rendered;
  rendered.source = *source;
  auto subject = policy::RenderText(source->subject, values);
  if (!subject) return Fail(Error{ErrorCode::kInvalidArgument, "template " + template_id + " subject: " + subject.error().message, "template"});
  auto body = policy::RenderText(source->body, values);
  if (!body) return Fail(Error{ErrorCode::kInvalidArgument, "template " + template_id + " body: " + body.error().message, "template"});
  // Screened again: a value filled in could carry a phrase the template did not.
  for (const std::string* text : {&*subject, &*body}) {
    const auto hits = policy::ScreenText(context.packs, *text);
    if (!hits.empty()) {
      return Fail(Error{ErrorCode::kPolicyRefused,
                        "the rendered message contains \"" + hits.front().phrase + "\" (" + hits.front().category +
                            ", rule " + hits.front().rule + ")",
                        "template"});
    }
  }
  rendered.subject = std::move(*subject);
  rendered.body = std::move(*body);
  rendered.segments = source->channel == policy::Channel::kSms ? MeasureSms(rendered.body).segments : 1;
  return rendered;
}

Result<MessageQueued> QueueMessage(WorkflowContext& context, CaseId id, const MessageRequest& request) {
  // Collectors and the people above them, and the system sending a strategy step's messages.
  if (auto permitted = Permit(context, WorksCases(context.actor.role) || context.actor.login == "system",
                              "send messages to debtors");
      !permitted) {
    return Fail(permitted.error());
  }
  auto record = LoadCase(context, id);
  if (!record) return Fail(record.error());
  if (request.channel != "sms" && request.channel != "email") {
    return Fail("messages go by sms or email, not '" + request.channel + "' (letters: `arrears letter render`)",
                "channel");
  }
  if (auto open = RequireOpen(*record); !open) return Fail(open.error());
  auto rendered = RenderForCase(context, id, request.template_id, request.language);
  if (!rendered) return Fail(rendered.error());
  if (std::string(policy::ChannelName(rendered->source.channel)) != request.channel) {
    return Fail("template '" + request.template_id + "' is for " +
                    std::string(policy::ChannelName(rendered->source.channel)) + ", not " + request.channel,
                "template");
  }
  // The debtor's own number or address, one not marked invalid or wrong party.
  const std::string kind = request.channel == "sms" ? "mobile" : "email";
  const ContactPoint* point = nullptr;
  for (const ContactPoint& p : record->contact_points) {
    const bool chosen = request.contact_point_id ? p.id == *request.contact_point_id
                                                 : p.kind == kind && p.relation == "self" && p.status != "invalid" &&
                                                       p.status != "wrong_party";
    if (chosen) {
      point = &p;
      break;
    }
  }
  if (!point) {
    return Fail(Error{ErrorCode::kNotFound,
                      request.contact_point_id
                          ? "the customer has no contact point " + std::to_string(*request.contact_point_id)
                          : "the customer has no " + kind + " of their own that may be used",
                      "contact_point"});
  }
  if (point->kind != kind) {
    return Fail("contact point " + std::to_string(point->id) + " is a " + point->kind + ", not a " + kind,
                "contact_point");
  }
  // Compliance now, on the text as it will go: refused outright unless the block lifts by itself (the hours).
  ContactRequest check;
  check.channel = request.channel;
  check.contact_point_id = point->id;
  check.message = rendered->subject.empty() ? rendered->body : rendered->subject + "\n" + rendered->body;
  auto judged = CheckContact(context, id, check);
  if (!judged) return Fail(judged.error());
  if (!judged->made && judged->allowed_from.empty()) {
    return Fail(Error{ErrorCode::kPolicyRefused,
                      "compliance refuses this " + request.channel + ": " + JoinText(judged->reasons, "; "), "channel"});
  }
  OutboxEntry entry;
  entry.customer = record->customer;
  entry.case_id = record->id;
  entry.channel = request.channel;
  entry.contact_point_id = point->id;
  entry.recipient_masked = point->value_masked;
  entry.template_id = rendered->source.id;
  entry.template_language = rendered->source.language;
  entry.template_version = rendered->source.version;
  entry.subject = rendered->subject;
  entry.body = rendered->body;
  entry.segments = rendered->segments;
  entry.status = judged->made ? kQueued : kHeld;
  entry.next_attempt_at = judged->made ? context.now_text : judged->allowed_from;
  if (!judged->made) entry.reason = JoinText(judged->reasons, "; ");
  entry.id = context.store.AddOutbox(*record, entry);
  context.store.AppendEvent(*record, {"message." + std::string(entry.status),
                                      request.channel + " to " + point->value_masked + " (template " + entry.template_id +
                                          " v" + std::to_string(entry.template_version) + ", " +
                                          std::to_string(entry.segments) + " segment(s)) " +
                                          (judged->made ? "queued" : "held until " + entry.next_attempt_at + ": " + entry.reason),
                                      "outbox", entry.id, std::nullopt, "status=" + entry.status});
  MessageQueued queued;
  queued.outbox_id = entry.id;
  queued.status = entry.status;
  queued.next_attempt_at = entry.next_attempt_at;
  queued.segments = entry.segments;
  if (!judged->made) queued.reasons = judged->reasons;
  return queued;
}

Result<std::vector<OutboxEntry>> CaseMessages(WorkflowContext& context, CaseId id) {
  auto record = LoadCase(context, id);
  if (!record) return Fail(record.error());
  return context.store.CaseOutbox(*record);
}

Status RecordReceipt(WorkflowContext& context, const std::string& channel, const std::string& provider_id,
                     const std::string& status, const std::string& detail) {
  if (status != kDelivered && status != kBounced && status != kFailed) {
    return Fail("a receipt's status is delivered, bounced or failed, not '" + status + "'", "status");
  }
  auto entry = context.store.OutboxByProvider(channel, provider_id);
  if (!entry) return Fail(Error{ErrorCode::kNotFound, "no " + channel + " message with provider id " + provider_id, "message_id"});
  if (entry->status == status) return Ok{};  // the same receipt again
  if (entry->status != kSent && entry->status != kDelivered) {
    return Fail(Error{ErrorCode::kConflict, "message " + std::to_string(entry->id) + " is " + entry->status +
                                                ": a receipt comes only for a sent message",
                      "message_id"});
  }
  auto record = context.store.LoadCase(entry->case_id);
  if (!record) return Fail(Error{ErrorCode::kNotFound, "the message's case is gone", "message_id"});
  const std::string before = entry->status;
  entry->status = status;
  if (status == kDelivered) {
    entry->delivered_at = context.now_text;
  } else {
    entry->reason = detail.empty() ? "the provider reports it " + status : detail;
  }
  context.store.UpdateOutbox(*entry);
  context.store.AppendEvent(*record, {"message." + status,
                                      channel + " to " + entry->recipient_masked + " " + status +
                                          (status == kDelivered ? "" : ": " + entry->reason),
                                      "outbox", entry->id, "status=" + before, "status=" + status});
  return Ok{};
}

bool IsOptOutReply(std::string_view text) {
  std::string word;
  for (char c : text) {
    if (c != ' ' && c != '\t' && c != '\r' && c != '\n') word.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
  }
  for (const char* reply : {"TD", "T", "STOP", "UNSUBSCRIBE", "退订", "取消", "TD退订", "退订TD"}) {
    if (word == reply) return true;
  }
  return false;
}

Result<ReplyRecorded> RecordReply(WorkflowContext& context, const std::string& channel, const std::string& from,
                                  const std::string& text) {
  if (channel != "sms" && channel != "email") return Fail("replies come by sms or email, not '" + channel + "'", "channel");
  const std::string kind = channel == "sms" ? "mobile" : "email";
  auto value = NormalizeContactValue(kind, from);
  if (!value) return Fail(Error{ErrorCode::kInvalidArgument, value.error().message, "from"});
  ReplyRecorded recorded;
  const auto owner = context.store.OwnerOfContact(context.vault.BlindIndex(kind, *value));
  if (!owner) return recorded;  // not a customer's own number or address: nothing of ours
  recorded.matched = true;
  recorded.opted_out = IsOptOutReply(text);
  if (recorded.opted_out) context.store.AddOptOut(owner->customer, {channel, context.now_text, "reply: " + text});
  if (owner->case_id) {
    if (auto record = context.store.LoadCase(*owner->case_id)) {
      context.store.AppendEvent(*record, {recorded.opted_out ? "message.opt_out" : "message.reply",
                                          recorded.opted_out ? "the debtor opted out of " + channel + " (replied \"" + text +
                                                                   "\"): it is not used again"
                                                             : channel + " reply from the debtor: " + text,
                                          "case", record->id.value, std::nullopt,
                                          recorded.opted_out ? std::optional<std::string>("opt_out=" + channel)
                                                             : std::nullopt});
    }
  }
  return recorded;
}

}  // namespace arrears::app
