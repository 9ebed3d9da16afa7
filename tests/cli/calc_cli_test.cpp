// `arrears calc` as support staff and scripts use it: the issue's examples
// verbatim, and bad input answered with one line and exit status 2.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "support/run_command.hpp"

namespace arrears::testing {
namespace {

void ExpectJson(const std::vector<std::string>& arguments, const std::string& expected) {
  const CommandResult r = RunArrears(arguments);
  EXPECT_EQ(r.exit_status, 0) << r.err;
  EXPECT_EQ(r.out, expected + "\n");
  EXPECT_EQ(r.err, "");
}

void ExpectUsageError(const std::vector<std::string>& arguments, const std::string& message) {
  const CommandResult r = RunArrears(arguments);
  EXPECT_EQ(r.exit_status, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;  // one line
  EXPECT_NE(r.err.find(message), std::string::npos) << r.err;
}

TEST(CalcCliTest, DayCount) {
  ExpectJson({"calc", "daycount", "--convention", "ACT/360", "--from", "2026-01-01", "--to", "2026-07-01", "--json"},
             R"({"days":181,"year_fraction":"0.502777777778"})");
  ExpectJson({"calc", "daycount", "--convention", "30/360US", "--from", "2026-01-31", "--to", "2026-03-31", "--json"},
             R"({"days":60,"year_fraction":"0.166666666667"})");
}

TEST(CalcCliTest, FlatFeeScheduleOfTheIssue) {
  const CommandResult r = RunArrears({"calc", "schedule", "--principal", "30000.00", "--periods", "12", "--method",
                                      "flat-fee", "--fee-rate", "0.6%", "--first-due", "2026-02-15", "--currency",
                                      "CNY", "--json"});
  ASSERT_EQ(r.exit_status, 0) << r.err;
  EXPECT_EQ(r.out.rfind(R"({"currency":"CNY","periods":[{"n":1,"due":"2026-02-15","principal":"2500.00",)"
                        R"("interest":"0.00","fee":"180.00","payment":"2680.00","balance_after":"27500.00"},)", 0),
            0u)
      << r.out;
  EXPECT_NE(r.out.find(R"({"n":12,"due":"2027-01-15","principal":"2500.00","interest":"0.00","fee":"180.00",)"
                       R"("payment":"2680.00","balance_after":"0.00"}],"total_principal":"30000.00",)"
                       R"("total_interest":"0.00","total_fee":"2160.00","total_payment":"32160.00"})"),
            std::string::npos)
      << r.out;
}

TEST(CalcCliTest, AnnuityScheduleTotalsAreExact) {
  const CommandResult r = RunArrears({"calc", "schedule", "--principal", "100000.00", "--periods", "12", "--method",
                                      "annuity", "--annual-rate", "6.5%", "--first-due", "2026-01-10", "--json"});
  ASSERT_EQ(r.exit_status, 0) << r.err;
  EXPECT_NE(r.out.find(R"({"n":1,"due":"2026-01-10","principal":"8087.97","interest":"541.67","fee":"0.00",)"
                       R"("payment":"8629.64","balance_after":"91912.03"})"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find(R"("total_principal":"100000.00")"), std::string::npos);
}

TEST(CalcCliTest, LateFee) {
  ExpectJson({"calc", "late-fee", "--minimum-due", "1000.00", "--paid", "300.00", "--rate", "5%", "--floor", "5.00",
              "--cap", "500.00", "--json"},
             R"({"currency":"CNY","late_fee":"35.00"})");
  ExpectJson({"calc", "late-fee", "--minimum-due", "60.00", "--paid", "0", "--rate", "5%", "--floor", "5.00", "--json"},
             R"({"currency":"CNY","late_fee":"5.00"})");
}

TEST(CalcCliTest, CardInterestTextbookExample) {
  ExpectJson({"calc", "card-interest", "--daily-rate", "万分之五", "--transaction", "2026-03-30:1000.00", "--statement",
              "2026-04-05", "--due", "2026-04-25", "--repayment", "2026-04-25:100.00", "--next-statement", "2026-05-05",
              "--json"},
             R"({"currency":"CNY","daily_rate":"0.05%/day","statement_balance":"1000.00","repaid_by_due_date":"100.00",)"
             R"("paid_in_full":false,"segments":[{"from":"2026-03-30","to":"2026-04-24","days":26,"base":"1000.00",)"
             R"("interest":"13.00"},{"from":"2026-04-25","to":"2026-05-05","days":11,"base":"900.00","interest":"4.95"}],)"
             R"("interest":"17.95"})");
}

TEST(CalcCliTest, AllocateWithDefaultWaterfall) {
  ExpectJson({"calc", "allocate", "--payment", "250.00", "--item",
              "account=2,installment=1,due=2026-09-15,component=principal,amount=200.00", "--item",
              "account=2,installment=1,due=2026-09-15,component=interest,amount=30.00", "--item",
              "account=2,installment=1,due=2026-09-15,component=late_fee,amount=10.00", "--json"},
             R"({"currency":"CNY","payment":"250.00","allocations":[)"
             R"({"item":3,"account":2,"installment":1,"due":"2026-09-15","component":"late_fee","amount":"10.00","remaining":"0.00"},)"
             R"({"item":2,"account":2,"installment":1,"due":"2026-09-15","component":"interest","amount":"30.00","remaining":"0.00"},)"
             R"({"item":1,"account":2,"installment":1,"due":"2026-09-15","component":"principal","amount":"200.00","remaining":"0.00"}],)"
             R"("credit_balance":"10.00"})");
}

TEST(CalcCliTest, AccrueLoanPenaltyAndCompound) {
  ExpectJson({"calc", "accrue", "--principal", "50000.00", "--principal-overdue", "10000.00", "--interest-overdue",
              "500.00", "--rate", "7.2%", "--from", "2026-10-01", "--to", "2026-10-31", "--json"},
             R"({"currency":"CNY","days":30,"periods":"0.083333333333","contract_rate":"7.2%","penalty_rate":"10.8%",)"
             R"("interest":"300.00","penalty_interest":"90.00","compound_interest":"4.50","total":"394.50"})");
}

TEST(CalcCliTest, DaysPastDueAndBucket) {
  ExpectJson({"calc", "dpd", "--as-of", "2026-11-28", "--installment", "2026-09-15:2680.00:2680.00", "--installment",
              "2026-10-15:2680.00:1000.00", "--installment", "2026-11-15:2680.00", "--json"},
             R"({"currency":"CNY","days_past_due":44,"bucket":"M2","overdue":"4360.00","oldest_unpaid_due":"2026-10-15"})");
  ExpectJson({"calc", "dpd", "--as-of", "2026-11-28", "--installment", "2026-12-15:2680.00", "--json"},
             R"({"currency":"CNY","days_past_due":0,"bucket":"M0","overdue":"0.00","oldest_unpaid_due":null})");
}

TEST(CalcCliTest, HumanOutputExplainsTheComputation) {
  const CommandResult r = RunArrears({"calc", "late-fee", "--minimum-due", "1000.00", "--paid", "300.00"});
  ASSERT_EQ(r.exit_status, 0);
  EXPECT_NE(r.out.find("5% × 700.00"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("35.00 CNY"), std::string::npos) << r.out;
}

TEST(CalcCliTest, BadInputIsOneLineAndExitStatusTwo) {
  ExpectUsageError({"calc", "schedule", "--principal", "12.345", "--periods", "12", "--method", "flat-fee",
                    "--fee-rate", "0.6%", "--first-due", "2026-02-15"},
                   "--principal: amount '12.345' has more than 2 decimal places");
  ExpectUsageError({"calc", "daycount", "--convention", "ACT/360", "--from", "2026-02-30", "--to", "2026-07-01"},
                   "--from: date '2026-02-30': day 30 does not exist");
  ExpectUsageError({"calc", "daycount", "--convention", "ACT/999", "--from", "2026-01-01", "--to", "2026-07-01"},
                   "--convention: 'ACT/999' is not a day count convention");
  ExpectUsageError({"calc", "schedule", "--principal", "100.00", "--periods", "0", "--method", "annuity",
                    "--annual-rate", "6%", "--first-due", "2026-02-15"},
                   "--periods: the number of periods must be 1-600");
  ExpectUsageError({"calc", "schedule", "--principal", "100.00", "--periods", "12", "--method", "annuity",
                    "--first-due", "2026-02-15"},
                   "--annual-rate: the annuity method needs an interest rate");
  ExpectUsageError({"calc", "late-fee", "--minimum-due", "1000.00", "--rate", "five"}, "--rate: rate 'five'");
  ExpectUsageError({"calc", "schedule", "--periods", "12"}, "--principal is required");
  ExpectUsageError({"calc", "allocate", "--payment", "1", "--item", "due=2026-01-01,amount=1"},
                   "--item: 'due=2026-01-01,amount=1' needs");
  ExpectUsageError({"calc", "frobnicate"}, "frobnicate");
  ExpectUsageError({"calc"}, "choose a command: daycount, schedule, late-fee");
  ExpectUsageError({"--now", "yesterday", "calc", "daycount", "--convention", "ACT/360", "--from", "2026-01-01",
                    "--to", "2026-01-02"},
                   "--now: 'yesterday' is not a time");
}

TEST(CalcCliTest, HelpDocumentsTheConventions) {
  const CommandResult r = RunArrears({"calc", "schedule", "--help"});
  EXPECT_EQ(r.exit_status, 0);
  EXPECT_NE(r.out.find("P*r / (1 - (1 + r)^-n)"), std::string::npos);
  EXPECT_NE(r.out.find("--first-due"), std::string::npos);
}

}  // namespace
}  // namespace arrears::testing

namespace arrears::testing {
namespace {

class CheckContactTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::string("/tmp/arrears-check-") + ::testing::UnitTest::GetInstance()->current_test_info()->name();
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::string Write(const std::string& name, const std::string& text) {
    const std::string path = dir_ + "/" + name;
    std::ofstream(path) << text;
    return path;
  }
  CommandResult Check(const std::string& history, const std::string& attempt, const std::string& pack = "us-regf") {
    return RunArrears({"check-contact", "--pack", pack, "--history", Write("h.jsonl", history), "--attempt",
                       Write("a.json", attempt), "--rules-dir", std::string(ARREARS_SOURCE_DIR) + "/config/rules",
                       "--lang", "en", "--json"});
  }
  std::string dir_;
};

constexpr const char* kConversation =
    R"({"type":"call","at":"2025-03-03T09:00:00-05:00","person":"P1","party":"debtor","debts":["D1"],)"
    R"("number":"+12125550100","outcome":"conversation"})"
    "\n";
constexpr const char* kAttempt =
    R"({"channel":"call","at":"2025-03-05T10:00:00-05:00","person":"P1","party":"debtor","debts":["D1"],)"
    R"("number":"+12125550100","timezones":["America/New_York"]})";

TEST_F(CheckContactTest, TheIssuesExample) {
  const CommandResult r = Check(kConversation, kAttempt);
  EXPECT_EQ(r.exit_status, 0) << r.err;
  EXPECT_EQ(r.out, R"({"decision":"block","reasons":[{"rule":"US-FREQ-CONV","verdict":"block",)"
                   R"("message":"a telephone conversation about debt D1 took place on 2025-03-03: no call for 7 days",)"
                   R"("allowed_from":"2025-03-10T08:00:00-04:00"}],"allowed_from":"2025-03-10T08:00:00-04:00"})"
                   "\n");
}

TEST_F(CheckContactTest, ReplayFindsPastViolations) {
  const std::string history = Write(
      "replay.jsonl",
      R"({"type":"call","at":"2026-11-28T09:00:00+08:00","person":"P1","debts":["D1"],"number":"138","outcome":"conversation"})"
      "\n"
      R"({"type":"call","at":"2026-11-28T11:00:00+08:00","person":"P1","debts":["D1"],"number":"139","outcome":"conversation"})"
      "\n"
      R"({"type":"call","at":"2026-11-28T15:00:00+08:00","person":"P1","debts":["D1"],"number":"138","outcome":"conversation"})"
      "\n"
      R"({"type":"sms","at":"2026-11-28T22:30:00+08:00","person":"P2","debts":["D9"]})"
      "\n");
  const CommandResult r = RunArrears({"compliance", "replay", "--pack", "cn-default", "--history", history, "--from",
                                      "2026-11-01", "--to", "2026-11-30", "--rules-dir",
                                      std::string(ARREARS_SOURCE_DIR) + "/config/rules", "--lang", "en", "--json"});
  ASSERT_EQ(r.exit_status, 0) << r.err;
  EXPECT_NE(r.out.find(R"("checked":4)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find(R"({"at":"2026-11-28T15:00:00+08:00","person":"P1","channel":"call","collector":"lender","rule":"CN-FREQ-CALLS")"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find(R"("rule":"CN-HOURS")"), std::string::npos);
  EXPECT_EQ(r.out.find(R"("at":"2026-11-28T11:00:00+08:00")"), std::string::npos);  // the 2nd conversation was allowed
}

TEST_F(CheckContactTest, BadInputNamesTheLine) {
  struct Row {
    std::string history;
    std::string attempt;
    const char* message;
  };
  const std::string second_line_bad = std::string(kConversation);
  const Row rows[] = {
      {second_line_bad + R"({"type":"call","at":"2025-03-04T09:00:00-05:00","person":"P1","outcome":"hung_up"})",
       kAttempt, "h.jsonl:2: 'hung_up' is not an outcome"},
      {R"({"type":"call","at":"2025-03-04T09:00:00","person":"P1","outcome":"busy"})", kAttempt,
       "h.jsonl:1: 'at': '2025-03-04T09:00:00' is not a time with an offset"},
      {kConversation, R"({"channel":"call","at":"2025-03-05T10:00:00-05:00","person":"P1","timezones":["Mars/Olympus"]})",
       "a.json:1: 'Mars/Olympus' is not an IANA time zone"},
      {second_line_bad + "{not json", kAttempt, "h.jsonl:2: malformed JSON"},
  };
  for (const Row& row : rows) {
    const CommandResult r = Check(row.history, row.attempt);
    EXPECT_EQ(r.exit_status, 2) << row.message;
    EXPECT_NE(r.err.find(row.message), std::string::npos) << r.err;
  }
}

}  // namespace
}  // namespace arrears::testing
