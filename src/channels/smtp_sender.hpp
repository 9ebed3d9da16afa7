// Email over SMTP with libcurl: STARTTLS when the server offers it (or
// required), authentication when configured, the message as MIME text with
// a Message-ID made from the outbox reference. The server's answer decides
// what happens next: 2xx accepted, 4xx or no connection try again later, 5xx
// never (a mailbox that does not exist).
#pragma once

#include "app/ports/message_sender.hpp"
#include "channels/channel_config.hpp"
#include "channels/curl_handle.hpp"

namespace arrears::channels {

class SmtpSender final : public app::MessageSender {
 public:
  explicit SmtpSender(SmtpConfig config) : config_(std::move(config)) {}
  app::SendResult Send(const app::OutgoingMessage& message) override;
  bool Deduplicates() const override { return false; }

 private:
  SmtpConfig config_;
  CurlHandle curl_;  // one connection for every message, while the server keeps it open
};

}  // namespace arrears::channels
