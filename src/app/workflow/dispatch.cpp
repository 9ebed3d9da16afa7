#include "app/workflow/dispatch.hpp"

#include <algorithm>

#include "app/workflow/contacts.hpp"

namespace arrears::app {

namespace {

MessageSender* SenderFor(const ChannelSenders& senders, const std::string& channel) {
  return channel == "sms" ? senders.sms : channel == "email" ? senders.email : nullptr;
}

// Ends a message: failed with `reason`, on the case's timeline.
void MarkFailed(WorkflowContext& context, const CaseRecord* record, OutboxEntry& entry, const std::string& reason) {
  const std::string before = entry.status;
  entry.status = kFailed;
  entry.reason = reason;
  context.store.UpdateOutbox(entry);
  if (record) {
    context.store.AppendEvent(*record, {"message.failed", entry.channel + " to " + entry.recipient_masked + " failed: " + reason,
                                        "outbox", entry.id, "status=" + before, "status=failed"});
  }
}

// What the claim decided for one message.
struct Claim {
  bool send = false;
  OutgoingMessage message;
};

Status ClaimOne(WorkflowContext& context, const ChannelSenders& senders, CustomerId customer, std::int64_t id,
                Claim& claim, DispatchSummary& summary) {
  auto entry = context.store.LoadOutbox(customer, id);
  if (!entry) return Ok{};
  const bool stale = entry->status == kSending;
  if (!stale && entry->status != kQueued && entry->status != kHeld) return Ok{};  // another dispatcher took it
  MessageSender* sender = SenderFor(senders, entry->channel);
  if (!sender) {
    ++summary.unsent;
    return Ok{};
  }
  const auto record = context.store.LoadCase(entry->case_id);
  if (stale && !sender->Deduplicates()) {
    MarkFailed(context, record ? &*record : nullptr, *entry,
               "the dispatcher stopped while sending it: it may have gone out, so it is not sent again");
    ++summary.failed;
    return Ok{};
  }
  // Compliance at the moment of sending, on the text that goes.
  ContactRequest check;
  check.channel = entry->channel;
  check.contact_point_id = entry->contact_point_id;
  check.message = entry->subject.empty() ? entry->body : entry->subject + "\n" + entry->body;
  auto judged = CheckContact(context, entry->case_id, check);
  if (!judged) {
    MarkFailed(context, record ? &*record : nullptr, *entry, judged.error().message);  // the case closed, the number gone
    ++summary.failed;
    return Ok{};
  }
  if (!judged->made) {
    if (judged->allowed_from.empty()) {
      MarkFailed(context, record ? &*record : nullptr, *entry, "compliance refuses it now: " + JoinText(judged->reasons, "; "));
      ++summary.failed;
      return Ok{};
    }
    const bool moved = entry->status != kHeld || entry->next_attempt_at != judged->allowed_from;
    entry->status = kHeld;
    entry->next_attempt_at = judged->allowed_from;
    entry->reason = JoinText(judged->reasons, "; ");
    context.store.UpdateOutbox(*entry);
    if (moved && record) {
      context.store.AppendEvent(*record, {"message.held",
                                          entry->channel + " to " + entry->recipient_masked + " held until " +
                                              entry->next_attempt_at + ": " + entry->reason,
                                          "outbox", entry->id, std::nullopt, "status=held"});
    }
    ++summary.held;
    return Ok{};
  }
  std::string recipient;
  for (const ContactPoint& point : record->contact_points) {
    if (point.id == entry->contact_point_id) recipient = context.vault.Open(point.value_cipher);
  }
  entry->status = kSending;
  entry->attempts += 1;
  entry->next_attempt_at = context.now_text;  // when it was claimed: a claim this old was interrupted
  entry->reason.clear();
  context.store.UpdateOutbox(*entry);
  claim.send = true;
  claim.message.outbox_id = entry->id;
  claim.message.customer_id = entry->customer.value;
  claim.message.channel = entry->channel;
  claim.message.recipient = std::move(recipient);
  claim.message.subject = entry->subject;
  claim.message.body = entry->body;
  claim.message.language = entry->template_language;
  claim.message.sent_at = context.now_text;
  return Ok{};
}

Status RecordOutcome(WorkflowContext& context, CustomerId customer, std::int64_t id, const SendResult& result,
                     DispatchSummary& summary) {
  auto entry = context.store.LoadOutbox(customer, id);
  if (!entry || entry->status != kSending) return Ok{};
  auto record = context.store.LoadCase(entry->case_id);
  if (!record) return Fail(Error{ErrorCode::kNotFound, "the case of message " + std::to_string(id) + " is gone", "message"});
  switch (result.outcome) {
    case SendOutcome::kAccepted: {
      entry->status = kSent;
      entry->sent_at = context.now_text;
      entry->provider_id = result.provider_id;
      context.store.UpdateOutbox(*entry);
      // A contact made, as the compliance history counts it.
      ContactAttemptRow row;
      row.at = context.now_text;
      row.channel = entry->channel;
      row.direction = "outbound";
      row.party = "debtor";
      row.contact_point_id = entry->contact_point_id;
      row.number_masked = entry->recipient_masked;
      row.outcome = "delivered";
      row.notes = "message " + std::to_string(entry->id) + " (template " + entry->template_id + " v" +
                  std::to_string(entry->template_version) + ")";
      row.verdict = "allow";
      row.made = true;
      context.store.AddContactAttempt(*record, row);
      context.store.AppendEvent(*record, {"message.sent",
                                          entry->channel + " to " + entry->recipient_masked + " sent (provider id " +
                                              result.provider_id + ")",
                                          "outbox", entry->id, "status=sending", "status=sent"});
      ++summary.sent;
      return Ok{};
    }
    case SendOutcome::kTransient: {
      const auto& backoff = context.policy.messaging.backoff_minutes;
      if (entry->attempts >= context.policy.messaging.max_attempts) {
        MarkFailed(context, &*record, *entry,
                   "still refused after " + std::to_string(entry->attempts) + " attempts: " + result.detail);
        ++summary.failed;
        return Ok{};
      }
      const int minutes = backoff.empty() ? 1 : backoff[std::min<std::size_t>(static_cast<std::size_t>(entry->attempts - 1),
                                                                               backoff.size() - 1)];
      entry->status = kQueued;
      entry->next_attempt_at = FormatUtc(context.now + std::chrono::minutes(minutes));
      entry->reason = result.detail;
      context.store.UpdateOutbox(*entry);
      context.store.AppendEvent(*record, {"message.retry",
                                          entry->channel + " to " + entry->recipient_masked + " not accepted (" +
                                              result.detail + "); attempt " + std::to_string(entry->attempts + 1) +
                                              " at " + entry->next_attempt_at,
                                          "outbox", entry->id, "status=sending", "status=queued"});
      ++summary.retried;
      return Ok{};
    }
    case SendOutcome::kPermanent:
      MarkFailed(context, &*record, *entry, result.detail);
      ++summary.failed;
      return Ok{};
  }
  return Ok{};
}

}  // namespace

Result<DispatchSummary> DispatchOutbox(const TransactionRunner& run, const ChannelSenders& senders, int limit) {
  DispatchSummary summary;
  std::vector<std::pair<CustomerId, std::int64_t>> due;
  if (auto status = run([&](WorkflowContext& context) -> Status {
        const std::string stale_before = FormatUtc(context.now - std::chrono::minutes(kSendingStaleMinutes));
        due = context.store.DueOutbox(context.now_text, stale_before, limit);
        return Ok{};
      });
      !status) {
    return Fail(status.error());
  }
  for (const auto& [customer, id] : due) {
    Claim claim;
    if (auto status = run([&](WorkflowContext& context) { return ClaimOne(context, senders, customer, id, claim, summary); });
        !status) {
      return Fail(status.error());
    }
    if (!claim.send) continue;
    const SendResult result = SenderFor(senders, claim.message.channel)->Send(claim.message);
    if (auto status = run([&](WorkflowContext& context) { return RecordOutcome(context, customer, id, result, summary); });
        !status) {
      return Fail(status.error());
    }
  }
  return summary;
}

}  // namespace arrears::app
