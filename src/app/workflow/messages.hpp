// Use cases of messages (SMS and email): templates saved and previewed, a
// message asked for from a case (rendered, screened, judged by compliance and
// put in the outbox in the same transaction), and what providers say back:
// delivery receipts and the debtor's replies (an opt-out reply stops the medium).
#pragma once

#include <map>

#include "app/workflow/workflow_context.hpp"
#include "policy/message_template.hpp"

namespace arrears::app {

// A new version of a template: checked (variables, prohibited phrases, the opt-out) before it is stored.
Result<int> SaveTemplate(WorkflowContext& context, const policy::MessageTemplate& draft);
Result<std::vector<policy::MessageTemplate>> ListTemplates(WorkflowContext& context);

struct RenderedMessage {
  policy::MessageTemplate source;  // the version rendered
  std::string subject;
  std::string body;
  int segments = 0;  // SMS segments (70 / 67 Chinese characters); 1 for an email or letter
};

// The values a template's variables take for a case, in the language given.
std::map<std::string, std::string> MessageValues(const WorkflowContext& context, const CaseRecord& record,
                                                 const std::string& language);
// The latest version of template `id` in `language` rendered for the case and screened again.
Result<RenderedMessage> RenderForCase(WorkflowContext& context, CaseId id, const std::string& template_id,
                                      const std::string& language);

struct MessageRequest {
  std::string channel;  // sms, email
  std::string template_id;
  std::string language;  // empty: the customer's
  std::optional<std::int64_t> contact_point_id;  // empty: the debtor's own number or address, primary first
};

struct MessageQueued {
  std::int64_t outbox_id = 0;
  std::string status;           // queued, or held until next_attempt_at (outside the permitted hours)
  std::string next_attempt_at;  // UTC
  int segments = 0;
  std::vector<std::string> reasons;  // why it is held
};

// Refused (kPolicyRefused, naming the rule) when compliance allows no time for it: an opted-out medium, a cease
// request, a hold.
Result<MessageQueued> QueueMessage(WorkflowContext& context, CaseId id, const MessageRequest& request);

// The case's messages, newest last.
Result<std::vector<OutboxEntry>> CaseMessages(WorkflowContext& context, CaseId id);

// A provider's delivery receipt: delivered, or bounced / failed with its words.
Status RecordReceipt(WorkflowContext& context, const std::string& channel, const std::string& provider_id,
                     const std::string& status, const std::string& detail);

// A reply from the debtor's number or address. "TD", "退订", "STOP" (and the like) opt out of the medium;
// anything else goes on the timeline. The customer is found by the sender's blind index.
struct ReplyRecorded {
  bool matched = false;  // a customer's own number or address
  bool opted_out = false;
};
Result<ReplyRecorded> RecordReply(WorkflowContext& context, const std::string& channel, const std::string& from,
                                  const std::string& text);

// True for an opt-out reply: the words carriers and providers use (TD, T, 退订, 取消, STOP, UNSUBSCRIBE).
bool IsOptOutReply(std::string_view text);

}  // namespace arrears::app
