// Message templates: what is refused when saved (naming the field and what is wrong in it) and how they render.
#include "policy/message_template.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace arrears::policy {
namespace {

const RulePack& Cn() {
  static const RulePack pack = [] {
    std::ifstream file(std::string(ARREARS_SOURCE_DIR) + "/config/rules/cn-default.yaml");
    std::ostringstream text;
    text << file.rdbuf();
    auto parsed = ParseRulePack(text.str(), "cn-default.yaml");
    if (!parsed) throw std::runtime_error(parsed.error().message);
    return *parsed;
  }();
  return pack;
}

MessageTemplate Sms(std::string body) {
  MessageTemplate t;
  t.id = "reminder_gentle";
  t.channel = Channel::kSms;
  t.body = std::move(body);
  return t;
}

Status Check(const MessageTemplate& t) {
  const RulePack* packs[] = {&Cn()};
  return CheckTemplate(t, packs);
}

TEST(MessageTemplate, AGoodTemplatePassesAndRenders) {
  const MessageTemplate t = Sms("{{debtor_name}}{{debtor_title}}，您尾号{{account_masked}}的账户已逾期{{days_past_due}}天，"
                                "欠款{{total_owed}}元，请尽快还款。{{opt_out}}");
  EXPECT_TRUE(Check(t)) << Check(t).error().message;
  const auto rendered = RenderText(t.body, {{"debtor_name", "张"}, {"debtor_title", "先生"}, {"account_masked", "5678"},
                                            {"days_past_due", "21"}, {"total_owed", "2,680.00"}, {"opt_out", "回复TD退订"}});
  ASSERT_TRUE(rendered) << rendered.error().message;
  EXPECT_EQ(*rendered, "张先生，您尾号5678的账户已逾期21天，欠款2,680.00元，请尽快还款。回复TD退订");
  EXPECT_EQ(*VariablesIn("{{ a }}{{b}}{{a}}"), (std::vector<std::string>{"a", "b"}));
}

TEST(MessageTemplate, AnUnknownVariableIsRefusedByName) {
  const Status status = Check(Sms("您欠款{{balance}}元。{{opt_out}}"));
  ASSERT_FALSE(status);
  EXPECT_EQ(status.error().field, "body");
  EXPECT_NE(status.error().message.find("{{balance}} is not a template variable"), std::string::npos)
      << status.error().message;
  EXPECT_NE(status.error().message.find("total_owed"), std::string::npos);  // the known ones are listed
}

TEST(MessageTemplate, AForbiddenPhraseIsRefusedWithItsCategoryAndRule) {
  const Status status = Check(Sms("再不还款后果自负，带人上门。{{opt_out}}"));
  ASSERT_FALSE(status);
  EXPECT_EQ(status.error().code, ErrorCode::kPolicyRefused);
  EXPECT_NE(status.error().message.find("\"带人上门\" (threat, rule CN-LANGUAGE)"), std::string::npos)
      << status.error().message;
}

TEST(MessageTemplate, SmsAndEmailMustCarryAnOptOutLettersNeedNot) {
  const Status missing = Check(Sms("请尽快还款。"));
  ASSERT_FALSE(missing);
  EXPECT_NE(missing.error().message.find("rule CN-OPT-OUT"), std::string::npos) << missing.error().message;
  EXPECT_TRUE(Check(Sms("请尽快还款。回复TD退订")));
  MessageTemplate letter = Sms("请于收到本函之日起七日内还款。");
  letter.channel = Channel::kLetter;
  letter.id = "collection_letter";
  EXPECT_TRUE(Check(letter));
}

TEST(MessageTemplate, MalformedTemplatesNameTheField) {
  MessageTemplate bad_id = Sms("x{{opt_out}}");
  bad_id.id = "Reminder-1";
  EXPECT_EQ(Check(bad_id).error().field, "id");
  MessageTemplate email = Sms("x{{opt_out}}");
  email.channel = Channel::kEmail;
  EXPECT_EQ(Check(email).error().field, "subject");  // an email needs one
  MessageTemplate sms_subject = Sms("x{{opt_out}}");
  sms_subject.subject = "hi";
  EXPECT_EQ(Check(sms_subject).error().field, "subject");
  MessageTemplate call = Sms("x{{opt_out}}");
  call.channel = Channel::kCall;
  EXPECT_EQ(Check(call).error().field, "channel");
  MessageTemplate language = Sms("x{{opt_out}}");
  language.language = "fr";
  EXPECT_EQ(Check(language).error().field, "language");
  const Status unclosed = Check(Sms("您好{{debtor_name，{{opt_out}}"));
  ASSERT_FALSE(unclosed);
  EXPECT_NE(unclosed.error().message.find("never closed"), std::string::npos) << unclosed.error().message;
  EXPECT_FALSE(RenderText("{{today}}", {}));  // no value: an error, never an empty hole
}

}  // namespace
}  // namespace arrears::policy
