// The outbox dispatcher: sends what use cases queued, never inside a user's
// request. Each message is judged by compliance again when it is due (one
// queued at 20:55 is held to the next permitted window, not sent at 21:03),
// claimed in a committed transaction before it is handed to its channel, and
// its outcome recorded in another: sent (and a contact made), tried again
// after a backoff when the channel refused for now, failed when it refused for
// good or the attempts ran out. A message left `sending` by a dispatcher that
// died mid-send is sent again only through a channel that deduplicates on the
// outbox reference; otherwise it is marked failed rather than risk a duplicate.
#pragma once

#include <functional>

#include "app/ports/message_sender.hpp"
#include "app/workflow/workflow_context.hpp"

namespace arrears::app {

// Runs one use case in its own transaction (as `system`, at the dispatcher's now).
using TransactionRunner = std::function<Status(const std::function<Status(WorkflowContext&)>&)>;

struct ChannelSenders {
  MessageSender* sms = nullptr;    // none: SMS are left in the outbox
  MessageSender* email = nullptr;  // none: emails are left in the outbox
};

struct DispatchSummary {
  int sent = 0;
  int held = 0;     // outside the permitted window: waiting for it
  int retried = 0;  // the channel refused for now: tried again later
  int failed = 0;
  int unsent = 0;   // no channel configured for them
};

// A `sending` entry older than this was interrupted.
inline constexpr int kSendingStaleMinutes = 10;

Result<DispatchSummary> DispatchOutbox(const TransactionRunner& run, const ChannelSenders& senders, int limit);

}  // namespace arrears::app
