// The channels as configured (config/channels.yaml): the senders the
// dispatcher hands messages to, and what the SMS provider's callbacks carry.
// A missing file configures no channel: messages wait in the outbox.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "app/workflow/dispatch.hpp"
#include "channels/channel_config.hpp"

namespace arrears::cli {

struct ChannelSetup {
  channels::ChannelConfig config;
  std::unique_ptr<app::MessageSender> email;
  std::unique_ptr<app::MessageSender> sms;
  app::ChannelSenders senders;
};

// UsageError naming `option` for a file that does not parse.
ChannelSetup LoadChannels(const std::string& path, const std::string& option);

}  // namespace arrears::cli
