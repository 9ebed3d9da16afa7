#include "cli/channel_setup.hpp"

#include <filesystem>

#include "channels/sms_gateway_sender.hpp"
#include "channels/smtp_sender.hpp"
#include "cli/usage_error.hpp"
#include "cli/workflow_session.hpp"

extern char** environ;

namespace arrears::cli {

ChannelSetup LoadChannels(const std::string& path, const std::string& option) {
  ChannelSetup setup;
  if (!std::filesystem::exists(path)) return setup;
  std::map<std::string, std::string> environment;
  for (char** entry = environ; *entry; ++entry) {
    const std::string text = *entry;
    const auto equals = text.find('=');
    if (equals != std::string::npos) environment[text.substr(0, equals)] = text.substr(equals + 1);
  }
  auto config = channels::ParseChannelConfig(ReadFileOrFail(path, option), path, environment);
  if (!config) throw UsageError(option + ": " + config.error().message);
  setup.config = *config;
  if (setup.config.email) {
    setup.email = std::make_unique<channels::SmtpSender>(*setup.config.email);
    setup.senders.email = setup.email.get();
  }
  if (setup.config.sms) {
    setup.sms = std::make_unique<channels::SmsGatewaySender>(*setup.config.sms);
    setup.senders.sms = setup.sms.get();
  }
  return setup;
}

}  // namespace arrears::cli
