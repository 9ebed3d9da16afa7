// The compliance rules, table by table, on the shipped packs.
#include "policy/engine.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "policy/local_time.hpp"

namespace arrears::policy {
namespace {

RulePack LoadPack(const std::string& name) {
  std::ifstream file(std::string(ARREARS_SOURCE_DIR) + "/config/rules/" + name + ".yaml");
  std::ostringstream text;
  text << file.rdbuf();
  auto pack = ParseRulePack(text.str(), name + ".yaml");
  if (!pack) throw std::runtime_error(pack.error().message);
  return *pack;
}

const RulePack& Cn() {
  static const RulePack pack = LoadPack("cn-default");
  return pack;
}
const RulePack& Us() {
  static const RulePack pack = LoadPack("us-regf");
  return pack;
}

// "2026-11-28T15:00:00+08:00" -> instant.
Instant T(const std::string& text) {
  const int sign = text[19] == '-' ? -1 : 1;
  const auto date = *Date::Parse(text.substr(0, 10));
  const auto local = date.sys_days() + std::chrono::hours(std::stoi(text.substr(11, 2))) +
                     std::chrono::minutes(std::stoi(text.substr(14, 2))) + std::chrono::seconds(std::stoi(text.substr(17, 2)));
  if (text.size() == 20) return std::chrono::time_point_cast<std::chrono::seconds>(local);
  const auto offset = std::chrono::hours(std::stoi(text.substr(20, 2))) + std::chrono::minutes(std::stoi(text.substr(23, 2)));
  return std::chrono::time_point_cast<std::chrono::seconds>(local - sign * offset);
}

HistoryEvent Call(const std::string& at, CallOutcome outcome, std::vector<std::string> debts = {"D1"},
                  std::string number = "13800138000", std::string collector = std::string(kLender)) {
  HistoryEvent e;
  e.type = EventType::kContact;
  e.channel = Channel::kCall;
  e.at = T(at);
  e.person = "P1";
  e.debts = std::move(debts);
  e.number = std::move(number);
  e.outcome = outcome;
  e.collector = std::move(collector);
  return e;
}

HistoryEvent Event(EventType type, const std::string& at, std::vector<std::string> debts = {"D1"}) {
  HistoryEvent e;
  e.type = type;
  e.at = T(at);
  e.person = "P1";
  e.debts = std::move(debts);
  return e;
}

Attempt Try(Channel channel, const std::string& at, std::vector<std::string> zones, std::vector<std::string> debts = {"D1"}) {
  Attempt a;
  a.channel = channel;
  a.at = T(at);
  a.person = "P1";
  a.debts = std::move(debts);
  a.number = "13800138000";
  a.timezones = std::move(zones);
  return a;
}

Decision Check(std::vector<const RulePack*> packs, const std::vector<HistoryEvent>& history, const Attempt& attempt,
               Language language = Language::kEn) {
  auto decision = Evaluate(packs, history, attempt, language);
  if (!decision) throw std::runtime_error(decision.error().message);
  return *decision;
}

std::string Rules(const Decision& d) {
  std::string ids;
  for (const Reason& r : d.reasons) ids += (ids.empty() ? "" : ",") + r.rule;
  return ids;
}

std::string AllowedFrom(const Decision& d, const std::string& zone) {
  return d.allowed_from ? FormatLocal(*d.allowed_from, *FindZone(zone)) : "";
}

const std::vector<std::string> kShanghai = {"Asia/Shanghai"};
const std::vector<std::string> kNewYork = {"America/New_York"};

TEST(EngineTest, ChineseContactHoursInLocalTime) {
  struct Row {
    const char* at;
    Channel channel;
    Verdict verdict;
    const char* allowed_from;
  };
  const Row rows[] = {
      {"2026-11-28T07:59:59+08:00", Channel::kCall, Verdict::kBlock, "2026-11-28T08:00:00+08:00"},
      {"2026-11-28T08:00:00+08:00", Channel::kCall, Verdict::kAllow, ""},
      {"2026-11-28T20:59:59+08:00", Channel::kSms, Verdict::kAllow, ""},
      {"2026-11-28T21:00:00+08:00", Channel::kCall, Verdict::kBlock, "2026-11-29T08:00:00+08:00"},
      {"2026-11-28T13:30:00Z", Channel::kVisit, Verdict::kBlock, "2026-11-29T08:00:00+08:00"},  // 21:30 local
      {"2026-11-28T23:00:00+08:00", Channel::kLetter, Verdict::kAllow, ""},  // letters are not time-bound
  };
  for (const Row& row : rows) {
    Attempt attempt = Try(row.channel, row.at, kShanghai);
    attempt.collectors = 2;
    const Decision d = Check({&Cn()}, {}, attempt);
    EXPECT_EQ(d.verdict, row.verdict) << row.at << " " << Rules(d);
    EXPECT_EQ(AllowedFrom(d, "Asia/Shanghai"), row.allowed_from) << row.at;
  }
}

TEST(EngineTest, UsHoursHoldInEveryCandidateZoneAndAcrossDaylightSaving) {
  // 08:30 in New York is 05:30 in Los Angeles: allowed only from 08:00 Pacific = 11:00 Eastern.
  Decision d = Check({&Us()}, {}, Try(Channel::kCall, "2025-06-02T08:30:00-04:00", {"America/New_York", "America/Los_Angeles"}));
  EXPECT_EQ(d.verdict, Verdict::kBlock);
  EXPECT_EQ(AllowedFrom(d, "America/New_York"), "2025-06-02T11:00:00-04:00");
  // Saturday 21:30 EST; the clocks go forward that night: the next 08:00 is EDT.
  d = Check({&Us()}, {}, Try(Channel::kCall, "2025-03-08T21:30:00-05:00", kNewYork));
  EXPECT_EQ(AllowedFrom(d, "America/New_York"), "2025-03-09T08:00:00-04:00");
  // 07:59:59 EDT on the first day of daylight time is still too early.
  d = Check({&Us()}, {}, Try(Channel::kCall, "2025-03-09T07:59:59-04:00", kNewYork));
  EXPECT_EQ(d.verdict, Verdict::kBlock);
}

TEST(EngineTest, TwoConversationsADayWhoeverCalled) {
  const std::vector<HistoryEvent> history = {
      Call("2026-11-27T23:30:00+08:00", CallOutcome::kConversation),            // yesterday
      Call("2026-11-28T09:00:00+08:00", CallOutcome::kConversation),            // today, the lender
      Call("2026-11-28T10:00:00+08:00", CallOutcome::kNoAnswer),                // not a conversation
      Call("2026-11-28T11:00:00+08:00", CallOutcome::kConversation, {"D1"}, "13900139000", "agency-A"),  // another number, an agency
  };
  Decision d = Check({&Cn()}, history, Try(Channel::kCall, "2026-11-28T15:00:00+08:00", kShanghai), Language::kZh);
  EXPECT_EQ(d.verdict, Verdict::kBlock);
  EXPECT_EQ(Rules(d), "CN-FREQ-CALLS");
  EXPECT_EQ(d.reasons[0].message, "这将是今天与该债务人的第3次电话沟通，每日上限 2 次");
  EXPECT_EQ(AllowedFrom(d, "Asia/Shanghai"), "2026-11-29T08:00:00+08:00");
  // One conversation only: the second is allowed. Days are local: 2026-11-27T16:30Z is 00:30 on the 28th.
  d = Check({&Cn()}, {history[0], Call("2026-11-27T16:30:00Z", CallOutcome::kConversation)},
            Try(Channel::kCall, "2026-11-28T15:00:00+08:00", kShanghai));
  EXPECT_EQ(d.verdict, Verdict::kAllow) << Rules(d);
}

TEST(EngineTest, SixUnansweredAttemptsToOneNumber) {
  std::vector<HistoryEvent> history;
  for (int i = 0; i < 6; ++i) {
    history.push_back(Call("2026-11-28T0" + std::to_string(8 + i / 3) + ":" + std::to_string(10 + i) + ":00+08:00",
                           i % 2 ? CallOutcome::kBusy : CallOutcome::kNoAnswer));
  }
  Decision d = Check({&Cn()}, history, Try(Channel::kCall, "2026-11-28T15:00:00+08:00", kShanghai));
  EXPECT_EQ(Rules(d), "CN-FREQ-ATTEMPTS");
  Attempt other = Try(Channel::kCall, "2026-11-28T15:00:00+08:00", kShanghai);
  other.number = "13900139000";
  EXPECT_EQ(Check({&Cn()}, history, other).verdict, Verdict::kAllow);
}

TEST(EngineTest, RegulationFSevenCallsInSevenDays) {
  // Calls on 03-03 .. 03-09 (7 local days), unanswered: the 8th on 03-09 is blocked until 03-10 drops 03-03.
  std::vector<HistoryEvent> history;
  for (int day = 3; day <= 9; ++day) {
    history.push_back(Call("2025-03-0" + std::to_string(day) + "T10:00:00-05:00", CallOutcome::kNoAnswer, {"D1"}, "+12125550100"));
  }
  history.back().at = T("2025-03-09T10:00:00-04:00");
  Decision d = Check({&Us()}, history, Try(Channel::kCall, "2025-03-09T15:00:00-04:00", kNewYork));
  EXPECT_EQ(Rules(d), "US-FREQ-7IN7");
  EXPECT_EQ(AllowedFrom(d, "America/New_York"), "2025-03-10T08:00:00-04:00");
  // Busy signals do not count.
  history[0].outcome = CallOutcome::kBusy;
  EXPECT_EQ(Check({&Us()}, history, Try(Channel::kCall, "2025-03-09T15:00:00-04:00", kNewYork)).verdict, Verdict::kAllow);
  history[0].outcome = CallOutcome::kNoAnswer;
  // Per debt: a call about D2 only is free; per collector: an agency is counted apart.
  EXPECT_EQ(Check({&Us()}, history, Try(Channel::kCall, "2025-03-09T15:00:00-04:00", kNewYork, {"D2"})).verdict,
            Verdict::kAllow);
  Attempt agency = Try(Channel::kCall, "2025-03-09T15:00:00-04:00", kNewYork);
  agency.collector = "agency-A";
  EXPECT_EQ(Check({&Us()}, history, agency).verdict, Verdict::kAllow);
  // Direct prior consent within 7 days: the call does not count.
  history.push_back(Event(EventType::kConsent, "2025-03-08T12:00:00-05:00"));
  history.back().direct = true;
  EXPECT_EQ(Check({&Us()}, history, Try(Channel::kCall, "2025-03-09T15:00:00-04:00", kNewYork)).verdict, Verdict::kAllow);
}

TEST(EngineTest, RegulationFNoCallForSevenDaysAfterAConversation) {
  // The example: a conversation on 2025-03-03 blocks calls through 03-09; New York is on daylight time from 03-09.
  const std::vector<HistoryEvent> history = {
      Call("2025-03-03T09:00:00-05:00", CallOutcome::kConversation, {"D1", "D2"}, "+12125550100")};
  for (const char* debt : {"D1", "D2"}) {  // several debts in one conversation
    const Decision d = Check({&Us()}, history, Try(Channel::kCall, "2025-03-05T10:00:00-05:00", kNewYork, {debt}));
    EXPECT_EQ(Rules(d), "US-FREQ-CONV") << debt;
    EXPECT_EQ(AllowedFrom(d, "America/New_York"), "2025-03-10T08:00:00-04:00");
  }
  EXPECT_EQ(Check({&Us()}, history, Try(Channel::kCall, "2025-03-05T10:00:00-05:00", kNewYork, {"D3"})).verdict,
            Verdict::kAllow);
  EXPECT_EQ(Check({&Us()}, history, Try(Channel::kCall, "2025-03-10T08:00:00-04:00", kNewYork)).verdict, Verdict::kAllow);
  // An email is not a call.
  Attempt email = Try(Channel::kEmail, "2025-03-05T10:00:00-05:00", kNewYork);
  email.text = "Your balance; reply STOP to opt out";
  EXPECT_EQ(Check({&Us()}, history, email).verdict, Verdict::kAllow);
}

TEST(EngineTest, CeaseOptOutsAndDisputes) {
  const std::string at = "2025-06-02T10:00:00-04:00";
  Decision d = Check({&Us()}, {Event(EventType::kCease, "2025-06-01T10:00:00-04:00")}, Try(Channel::kCall, at, kNewYork));
  EXPECT_EQ(Rules(d), "US-CEASE");
  EXPECT_EQ(d.verdict, Verdict::kBlock);
  d = Check({&Us()}, {Event(EventType::kCease, "2025-06-01T10:00:00-04:00")}, Try(Channel::kLetter, at, kNewYork));
  EXPECT_EQ(d.verdict, Verdict::kWarn);  // only to say collection ends or a remedy will be invoked

  HistoryEvent opt_out = Event(EventType::kMediumOptOut, "2025-06-01T10:00:00-04:00", {});
  opt_out.opted_out_channel = Channel::kSms;
  Attempt sms = Try(Channel::kSms, at, kNewYork);
  sms.text = "Reply STOP to opt out";
  EXPECT_EQ(Rules(Check({&Us()}, {opt_out}, sms)), "US-MEDIUM");
  Attempt email = Try(Channel::kEmail, at, kNewYork);
  email.text = "unsubscribe at any time";
  EXPECT_EQ(Check({&Us()}, {opt_out}, email).verdict, Verdict::kAllow);
  // The Chinese pack stops a medium the debtor opted out of too (a reply "退订").
  HistoryEvent cn_opt_out = Event(EventType::kMediumOptOut, "2026-11-27T10:00:00+08:00", {});
  cn_opt_out.opted_out_channel = Channel::kSms;
  Attempt cn_sms = Try(Channel::kSms, "2026-11-28T10:00:00+08:00", kShanghai);
  cn_sms.text = "请尽快还款。回复TD退订";
  EXPECT_EQ(Rules(Check({&Cn()}, {cn_opt_out}, cn_sms)), "CN-MEDIUM");

  std::vector<HistoryEvent> disputed = {Event(EventType::kDispute, "2025-06-01T10:00:00-04:00", {"D1"})};
  EXPECT_EQ(Rules(Check({&Us()}, disputed, Try(Channel::kCall, at, kNewYork))), "US-DISPUTE");
  EXPECT_EQ(Check({&Us()}, disputed, Try(Channel::kCall, at, kNewYork, {"D2"})).verdict, Verdict::kAllow);
  HistoryEvent verified = Event(EventType::kNotice, "2025-06-01T12:00:00-04:00", {"D1"});
  verified.name = "validation";
  disputed.push_back(verified);
  EXPECT_EQ(Check({&Us()}, disputed, Try(Channel::kCall, at, kNewYork)).verdict, Verdict::kAllow);
}

TEST(EngineTest, FlagsHoldUntilTheyEnd) {
  HistoryEvent plan = Event(EventType::kFlag, "2026-10-01T10:00:00+08:00");
  plan.name = "plan_in_force";
  plan.until = T("2026-12-01T00:00:00+08:00");
  Decision d = Check({&Cn()}, {plan}, Try(Channel::kCall, "2026-11-28T10:00:00+08:00", kShanghai));
  EXPECT_EQ(Rules(d), "CN-HOLDS");
  EXPECT_EQ(AllowedFrom(d, "Asia/Shanghai"), "2026-12-01T08:00:00+08:00");
  EXPECT_EQ(Check({&Cn()}, {plan}, Try(Channel::kCall, "2026-12-01T10:00:00+08:00", kShanghai)).verdict, Verdict::kAllow);
  HistoryEvent attorney = Event(EventType::kFlag, "2025-06-01T10:00:00-04:00", {});
  attorney.name = "attorney";
  EXPECT_EQ(Rules(Check({&Us()}, {attorney}, Try(Channel::kCall, "2025-06-02T10:00:00-04:00", kNewYork))), "US-ATTORNEY");
}

TEST(EngineTest, PartiesSourcesVisitsAndAgencies) {
  const std::string at = "2026-11-28T10:00:00+08:00";
  Attempt emergency = Try(Channel::kCall, at, kShanghai);
  emergency.party = Party::kEmergencyContact;
  Decision d = Check({&Cn()}, {}, emergency);
  EXPECT_EQ(d.verdict, Verdict::kWarn);  // allowed to locate the debtor, with the reminder
  emergency.text = "请转告他尽快还款";
  d = Check({&Cn()}, {}, emergency);
  EXPECT_EQ(d.verdict, Verdict::kBlock);
  EXPECT_NE(d.reasons[0].message.find("还款"), std::string::npos);

  Attempt harvested = Try(Channel::kCall, at, kShanghai);
  harvested.source = "phonebook";
  EXPECT_EQ(Rules(Check({&Cn()}, {}, harvested)), "CN-PHONEBOOK");

  Attempt visit = Try(Channel::kVisit, at, kShanghai);
  visit.collectors = 1;
  EXPECT_EQ(Rules(Check({&Cn()}, {}, visit)), "CN-VISIT-PAIR");
  visit.collectors = 2;
  EXPECT_EQ(Check({&Cn()}, {}, visit).verdict, Verdict::kAllow);

  Attempt agency = Try(Channel::kCall, at, kShanghai);
  agency.collector = "agency-A";
  EXPECT_EQ(Rules(Check({&Cn()}, {}, agency)), "CN-AGENCY-NOTICE");
  HistoryEvent notice = Event(EventType::kNotice, "2026-11-20T10:00:00+08:00");
  notice.name = "agency_placement";
  EXPECT_EQ(Check({&Cn()}, {notice}, agency).verdict, Verdict::kAllow);
}

TEST(EngineTest, LanguageScreening) {
  Attempt sms = Try(Channel::kSms, "2026-11-28T10:00:00+08:00", kShanghai);
  sms.text = "再不还钱就让你坐牢。回复TD退订";
  const Decision d = Check({&Cn()}, {}, sms, Language::kZh);
  EXPECT_EQ(Rules(d), "CN-LANGUAGE");
  EXPECT_EQ(d.reasons[0].message, "含有禁用语「坐牢」（threat）");
  const std::vector<const RulePack*> packs = {&Cn(), &Us()};
  const auto hits = ScreenText(packs, "Pay now or we will tell your employer, deadbeat. 发朋友圈");
  ASSERT_EQ(hits.size(), 3u);
  EXPECT_EQ(hits[0].category, "exposure");
  EXPECT_EQ(hits[0].phrase, "发朋友圈");
  // An SMS without an opt-out line, under the Chinese pack and under Regulation F.
  Attempt cn_sms = Try(Channel::kSms, "2026-11-28T10:00:00+08:00", kShanghai);
  cn_sms.text = "您的账户已逾期，请尽快还款。";
  EXPECT_EQ(Rules(Check({&Cn()}, {}, cn_sms)), "CN-OPT-OUT");
  Attempt us_sms = Try(Channel::kSms, "2025-06-02T10:00:00-04:00", kNewYork);
  us_sms.text = "Your payment is past due.";
  EXPECT_EQ(Rules(Check({&Us()}, {}, us_sms)), "US-OPT-OUT");
}

TEST(EngineTest, TwoPacksTheMostRestrictiveWins) {
  // 08:30 in Shanghai: cn-default allows; us-regf's post-conversation rule blocks.
  const std::vector<HistoryEvent> history = {Call("2026-11-27T10:00:00+08:00", CallOutcome::kConversation)};
  const Attempt attempt = Try(Channel::kCall, "2026-11-28T08:30:00+08:00", kShanghai);
  EXPECT_EQ(Check({&Cn()}, history, attempt).verdict, Verdict::kAllow);
  const Decision both = Check({&Cn(), &Us()}, history, attempt);
  EXPECT_EQ(both.verdict, Verdict::kBlock);
  EXPECT_EQ(Rules(both), "US-FREQ-CONV");
  EXPECT_EQ(AllowedFrom(both, "Asia/Shanghai"), "2026-12-04T08:00:00+08:00");
}

TEST(EngineTest, UnknownTimeZoneIsAnError) {
  auto d = Evaluate(std::vector<const RulePack*>{&Cn()}, {}, Try(Channel::kCall, "2026-11-28T10:00:00+08:00", {"Mars/Olympus"}),
                    Language::kEn);
  ASSERT_FALSE(d);
  EXPECT_NE(d.error().message.find("Mars/Olympus"), std::string::npos);
}

TEST(RulePackTest, ErrorsNameTheLine) {
  auto pack = ParseRulePack("pack: x\neffective_from: 2024-01-01\nrules:\n  - id: X1\n    kind: teleport\n", "x.yaml");
  ASSERT_FALSE(pack);
  EXPECT_EQ(pack.error().message, "x.yaml:5: rule X1: unknown kind 'teleport'");
  EXPECT_FALSE(ParseRulePack("pack: x\nrules: [\n", "x.yaml"));
  EXPECT_EQ(Cn().rules.size(), 12u);
  EXPECT_EQ(Us().name, "us-regf");
}

}  // namespace
}  // namespace arrears::policy
