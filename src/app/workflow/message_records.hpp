// What the messaging use cases read and write: a message in the outbox, from
// the moment a use case asks for it to its delivery or failure, and a medium
// the debtor opted out of.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/ids.hpp"

namespace arrears::app {

// The states of a message (DOMAIN: every message's delivery is tracked).
inline constexpr const char* kQueued = "queued";        // waiting for the dispatcher
inline constexpr const char* kHeld = "held";            // outside the permitted window until next_attempt_at
inline constexpr const char* kSending = "sending";      // handed to the channel; the outcome not yet recorded
inline constexpr const char* kSent = "sent";            // the provider accepted it
inline constexpr const char* kDelivered = "delivered";  // the provider's receipt says it arrived
inline constexpr const char* kFailed = "failed";        // given up, with the reason
inline constexpr const char* kBounced = "bounced";      // the provider's receipt says it did not arrive

struct OutboxEntry {
  std::int64_t id = 0;
  CustomerId customer;
  CaseId case_id;
  std::string channel;  // sms, email
  std::int64_t contact_point_id = 0;
  std::string recipient_masked;
  std::string template_id;
  std::string template_language;
  int template_version = 0;
  std::string subject;  // in the clear in memory, sealed in the store
  std::string body;
  int segments = 0;  // SMS segments; 1 for an email
  std::string status = kQueued;
  std::string reason;
  int attempts = 0;
  std::string next_attempt_at;  // UTC
  std::string queued_by;
  std::string queued_at;
  std::string sent_at;
  std::string delivered_at;
  std::string provider_id;
};

// Whose number or address it is: the customer, and their open case (else their latest), if any.
struct ContactOwner {
  CustomerId customer;
  std::optional<CaseId> case_id;
};

struct OptOut {
  std::string channel;  // sms, email
  std::string at;
  std::string source;   // "reply: TD", or the agent who recorded it
};

}  // namespace arrears::app
