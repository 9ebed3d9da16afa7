#include "channels/channel_config.hpp"

#include <gtest/gtest.h>

#include "channels/sms_gateway_sender.hpp"

namespace arrears::channels {
namespace {

TEST(ChannelConfig, SecretsComeFromTheEnvironment) {
  const auto config = ParseChannelConfig(
      "email:\n  url: smtp://127.0.0.1:25\n  from: a@b.cn\n  password: ${SMTP_PW}\n"
      "sms:\n  url: https://gw.example/send\n  headers: [\"Authorization: Bearer ${KEY}\"]\n",
      "channels.yaml", {{"SMTP_PW", "s3cret"}, {"KEY", "k-1"}});
  ASSERT_TRUE(config) << config.error().message;
  EXPECT_EQ(config->email->password, "s3cret");
  EXPECT_EQ(config->email->starttls, "try");
  EXPECT_EQ(config->sms->headers, (std::vector<std::string>{"Authorization: Bearer k-1"}));
}

TEST(ChannelConfig, MistakesNameTheFileAndLine) {
  auto config = ParseChannelConfig("sms:\n  url: https://gw\n  headers: [\"X: ${MISSING}\"]\n", "c.yaml", {});
  ASSERT_FALSE(config);
  EXPECT_EQ(config.error().message, "c.yaml:3: the environment variable MISSING is not set");
  config = ParseChannelConfig("email:\n  url: http://mail\n  from: a@b\n", "c.yaml", {});
  EXPECT_EQ(config.error().message, "c.yaml:2: the email url starts with smtp:// or smtps://");
  config = ParseChannelConfig("sms:\n  url: http://gw\n  payload: '{\"n\": \"{{to}}\"}'\n", "c.yaml", {});
  EXPECT_EQ(config.error().message, "c.yaml:3: the payload carries {{to}} and {{text}}");
  config = ParseChannelConfig("email: [\n", "c.yaml", {});
  EXPECT_FALSE(config);
}

TEST(SmsGateway, JsonValuesAreEscapedAndAnswersRead) {
  EXPECT_EQ(JsonEscape("还款\"提醒\"\n"), "还款\\\"提醒\\\"\\n");
  EXPECT_EQ(JsonField(R"({"data": {"msg_id": "m-1"}, "n": 7})", "data.msg_id"), "m-1");
  EXPECT_EQ(JsonField(R"({"n": 7})", "n"), "7");
  EXPECT_EQ(JsonField(R"({"n": 7})", "missing"), "");
  EXPECT_EQ(JsonField("not json", "n"), "");
}

}  // namespace
}  // namespace arrears::channels
