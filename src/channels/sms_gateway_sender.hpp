// SMS through the provider's HTTP gateway (each provider has its own API, so
// the request is configured, not coded): a POST of the payload template with
// the number, the text and the outbox reference filled in (JSON-escaped),
// the provider's message id read from its JSON answer. 2xx accepted; 408,
// 429, 5xx or no answer: try again later; any other 4xx: never.
#pragma once

#include "app/ports/message_sender.hpp"
#include "channels/channel_config.hpp"
#include "channels/curl_handle.hpp"

namespace arrears::channels {

class SmsGatewaySender final : public app::MessageSender {
 public:
  explicit SmsGatewaySender(SmsGatewayConfig config) : config_(std::move(config)) {}
  app::SendResult Send(const app::OutgoingMessage& message) override;
  bool Deduplicates() const override { return config_.deduplicates; }

 private:
  SmsGatewayConfig config_;
  CurlHandle curl_;  // one connection for every message, while the server keeps it open
};

// The text as the inside of a JSON string.
std::string JsonEscape(std::string_view text);
// `field` ("message_id", or "data.id" for a nested one) of a JSON document, as text; empty when absent.
std::string JsonField(std::string_view document, const std::string& field);

}  // namespace arrears::channels
