// Call scripts: which case a script is for, how a broken file is reported, and what is refused when saved.
#include "policy/call_script.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace arrears::policy {
namespace {

std::string Read(const std::string& path) {
  std::ifstream file(std::string(ARREARS_SOURCE_DIR) + "/" + path);
  std::ostringstream text;
  text << file.rdbuf();
  return text.str();
}

const RulePack& Cn() {
  static const RulePack pack = [] {
    auto parsed = ParseRulePack(Read("config/rules/cn-default.yaml"), "cn-default.yaml");
    if (!parsed) throw std::runtime_error(parsed.error().message);
    return *parsed;
  }();
  return pack;
}

TEST(CallScript, TheShippedScriptsParseAndPassScreening) {
  const RulePack* packs[] = {&Cn()};
  for (const char* file : {"config/scripts/early_call.yaml", "config/scripts/negotiation_call.yaml"}) {
    auto script = ParseCallScript(Read(file), file);
    ASSERT_TRUE(script) << script.error().message;
    EXPECT_TRUE(CheckCallScript(*script, packs)) << file;
    EXPECT_EQ(script->languages.size(), 2u);
    EXPECT_EQ(script->languages.at("zh").steps.size(), 6u);
    EXPECT_EQ(script->languages.at("en").objections.size(), 4u);
  }
}

TEST(CallScript, FitsByProductAndStageAndTheNarrowerIsMoreSpecific) {
  auto early = ParseCallScript("id: early\nstages: [new, reminding]\nzh: {title: t, steps: [{id: a, title: t, say: s}]}\n", "e");
  auto cards = ParseCallScript("id: cards\nproducts: [card]\nzh: {title: t, steps: [{id: a, title: t, say: s}]}\n", "c");
  auto any = ParseCallScript("id: any\nzh: {title: t, steps: [{id: a, title: t, say: s}]}\n", "a");
  ASSERT_TRUE(early && cards && any);
  EXPECT_TRUE(early->Fits("loan", "new"));
  EXPECT_FALSE(early->Fits("loan", "negotiating"));
  EXPECT_TRUE(cards->Fits("card", "legal"));
  EXPECT_FALSE(cards->Fits("loan", "new"));
  EXPECT_TRUE(any->Fits("loan", "closed"));
  EXPECT_EQ(any->Specificity(), 0);
  EXPECT_EQ(cards->Specificity(), 1);
  EXPECT_EQ(early->Specificity(), 2);
}

TEST(CallScript, ABrokenFileNamesItsLineAndARefusedStepNamesItsField) {
  auto broken = ParseCallScript("id: x\nzh:\n  title: t\n  steps:\n    - {id: a, title: t}\n", "x.yaml");
  ASSERT_FALSE(broken);
  EXPECT_EQ(broken.error().message, "x.yaml:5: a step has an id, a title and what to say");
  const RulePack* packs[] = {&Cn()};
  auto insult = ParseCallScript("id: x\nen: {title: t, steps: [{id: a, title: t, say: hi}]}\n"
                                "zh: {title: t, steps: [{id: a, title: t, say: 你好}, {id: b, title: t, say: 你这个老赖}]}\n",
                                "x.yaml");
  ASSERT_TRUE(insult);
  const Status checked = CheckCallScript(*insult, packs);
  ASSERT_FALSE(checked);
  EXPECT_EQ(checked.error().field, "zh.steps[1].say");
  EXPECT_NE(checked.error().message.find("老赖"), std::string::npos) << checked.error().message;
  auto bad_id = ParseCallScript("id: Bad-Id\nzh: {title: t, steps: [{id: a, title: t, say: s}]}\n", "x.yaml");
  ASSERT_TRUE(bad_id);
  EXPECT_EQ(CheckCallScript(*bad_id, packs).error().field, "id");
}

}  // namespace
}  // namespace arrears::policy
