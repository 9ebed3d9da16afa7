#include "policy/strategy.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace arrears::policy {
namespace {

Strategy Shipped() {
  std::ifstream file(std::string(ARREARS_SOURCE_DIR) + "/config/strategies/default.yaml");
  std::stringstream text;
  text << file.rdbuf();
  auto strategy = ParseStrategy(text.str(), "default.yaml");
  if (!strategy) throw std::runtime_error(strategy.error().message);
  return *strategy;
}

CaseFeatures Case(std::string bucket, int dpd, std::int64_t owed) {
  CaseFeatures f;
  f.bucket = std::move(bucket);
  f.days_past_due = dpd;
  f.owed = owed;
  f.product = "card";
  f.promise = "none";
  return f;
}

TEST(Strategy, TheShippedStrategySegmentsCasesInOrder) {
  const Strategy strategy = Shipped();
  EXPECT_EQ(strategy.name, "cn-default");
  EXPECT_EQ(strategy.Place(1, Case("M1", 5, 300'000)).segment->name, "early_small");
  EXPECT_EQ(strategy.Place(1, Case("M1", 5, 600'000)).segment->name, "early");
  EXPECT_EQ(strategy.Place(1, Case("M3", 70, 600'000)).segment->name, "middle");
  EXPECT_EQ(strategy.Place(1, Case("M5", 130, 6'000'000)).segment->name, "late_large");
  EXPECT_EQ(strategy.Place(1, Case("M6+", 400, 100'000)).segment->name, "late");
  CaseFeatures held = Case("M2", 40, 100'000);
  held.on_hold = true;
  EXPECT_EQ(strategy.Place(1, held).segment->name, "on_hold");
  EXPECT_EQ(strategy.Place(1, held).path->otherwise, Action::kNone);
  CaseFeatures broken = Case("M2", 40, 100'000);
  broken.broken_promises = 2;
  EXPECT_EQ(strategy.Place(1, broken).segment->name, "broken_promises");
  broken.broken_promises = 1;
  EXPECT_EQ(strategy.Place(1, broken).segment->name, "middle");
  EXPECT_EQ(strategy.Place(1, Case("M0", 0, 0)).segment->name, "current");
}

TEST(Strategy, TheChallengerTakesAStableShareOfItsSegment) {
  const Strategy strategy = Shipped();
  int challengers = 0;
  for (std::int64_t id = 1; id <= 10'000; ++id) {
    const Placement first = strategy.Place(id, Case("M1", 3, 100'000));
    const Placement again = strategy.Place(id, Case("M1", 9, 200'000));
    ASSERT_EQ(first.arm, again.arm) << id;  // the same case stays in its arm
    if (first.arm == Arm::kChallenger) {
      ++challengers;
      EXPECT_EQ(first.path->name, "call_first");
    } else {
      EXPECT_EQ(first.path->name, "sms_first");
    }
  }
  // 20% of 10,000 within four standard deviations (40).
  EXPECT_NEAR(challengers, 2'000, 160);
  // Segments without a challenger keep every case on the champion path.
  EXPECT_EQ(strategy.Place(7, Case("M3", 70, 600'000)).arm, Arm::kChampion);
}

TEST(Strategy, TheDayOfThePathGivesTheAction) {
  const Strategy strategy = Shipped();
  const TreatmentPath& path = strategy.Find("early_small")->champion;
  ASSERT_NE(StepOn(path, 0), nullptr);
  EXPECT_EQ(StepOn(path, 0)->action, Action::kSms);
  EXPECT_EQ(StepOn(path, 0)->template_id, "reminder_gentle");
  EXPECT_EQ(StepOn(path, 3)->action, Action::kCall);
  EXPECT_EQ(StepOn(path, 4), nullptr);
  EXPECT_EQ(path.otherwise, Action::kNone);
}

TEST(Strategy, MistakesNameTheFileAndLine) {
  const auto unknown = ParseStrategy("name: s\nsegments:\n  - name: a\n    when: {bucket: [M1]}\n    champion: {name: p}\n",
                                     "s.yaml");
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().message, "s.yaml:4: unknown condition 'bucket'");
  const auto action = ParseStrategy(
      "name: s\nsegments:\n  - name: a\n    champion:\n      name: p\n      steps:\n        - {day: 0, action: shout}\n",
      "s.yaml");
  ASSERT_FALSE(action);
  EXPECT_EQ(action.error().message, "s.yaml:7: unknown action 'shout'");
  const auto template_missing = ParseStrategy(
      "name: s\nsegments:\n  - name: a\n    champion:\n      name: p\n      steps:\n        - {day: 0, action: sms}\n",
      "s.yaml");
  ASSERT_FALSE(template_missing);
  EXPECT_EQ(template_missing.error().message, "s.yaml:7: a sms step names its template");
  const auto order = ParseStrategy(
      "name: s\nsegments:\n  - name: a\n    champion:\n      name: p\n      steps:\n        - {day: 3, action: call}\n"
      "        - {day: 1, action: call}\n",
      "s.yaml");
  ASSERT_FALSE(order);
  EXPECT_EQ(order.error().message, "s.yaml:8: steps are in order of day, one per day");
  const auto share = ParseStrategy(
      "name: s\nsegments:\n  - name: a\n    champion: {name: p}\n    challenger: {name: q, share: \"100%\"}\n", "s.yaml");
  ASSERT_FALSE(share);
  EXPECT_EQ(share.error().message, "s.yaml:5: share is a percentage above 0% and below 100%");
  EXPECT_FALSE(ParseStrategy("name: s\nsegments: []\n", "s.yaml"));
}

}  // namespace
}  // namespace arrears::policy
