// Port: a channel that carries messages out (email over SMTP, SMS through a
// provider's gateway). The dispatcher hands it one message at a time, outside
// any transaction, and records what it answers.
#pragma once

#include <cstdint>
#include <string>

namespace arrears::app {

struct OutgoingMessage {
  std::int64_t outbox_id = 0;   // with the customer, a reference the provider can deduplicate on
  std::int64_t customer_id = 0;
  std::string channel;          // sms, email
  std::string recipient;        // the number or address, in the clear
  std::string subject;          // email
  std::string body;
  std::string language;         // zh, en
  std::string sent_at;          // RFC 3339, for the Date header
};

enum class SendOutcome {
  kAccepted,   // the provider took it (provider_id set)
  kTransient,  // try again later: refused for now, unreachable, timed out
  kPermanent,  // never: an address that does not exist, a number the provider rejects
};

struct SendResult {
  SendOutcome outcome = SendOutcome::kTransient;
  std::string provider_id;
  std::string detail;  // the provider's words, for the reason
};

class MessageSender {
 public:
  virtual ~MessageSender() = default;
  virtual SendResult Send(const OutgoingMessage& message) = 0;
  // Whether the provider deduplicates on the outbox reference, so that a send interrupted before its outcome was
  // recorded can safely be made again.
  virtual bool Deduplicates() const = 0;
};

}  // namespace arrears::app
