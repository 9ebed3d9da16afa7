// The collection workflow end to end, as collectors and supervisors work it:
// the real arrears binary against a real database (SQLite and PostgreSQL),
// the clock fixed with --now, each story asserting balances, statuses and
// the audit trail.
#include <unistd.h>

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <filesystem>
#include <fstream>

#include "support/portfolio_fixture.hpp"
#include "support/run_command.hpp"
#include "support/scratch_dir.hpp"
#include "support/test_database.hpp"

namespace arrears::testing {
namespace {

namespace fs = std::filesystem;
namespace json = boost::json;

void Write(const fs::path& path, const std::string& text) {
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  file << text;
}

constexpr const char* kToday = "2026-11-28T10:00:00+08:00";

class WorkflowScenario : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    dir_ = ScratchDir("arrears-workflow");
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    key_ = (dir_ / "arrears.key").string();
    ASSERT_EQ(Run({"migrate"}).exit_status, 0);
    for (const auto& import : WritePortfolio(dir_)) {
      const CommandResult imported = Run(import);
      ASSERT_EQ(imported.exit_status, 0) << imported.err;
    }
    for (const auto& [login, role] : std::vector<std::pair<std::string, std::string>>{
             {"li", "collector"}, {"zhou", "collector"}, {"zhao", "team_lead"}, {"wang", "supervisor"},
             {"fa", "legal"}}) {
      const CommandResult added = Run({"user", "add", login, "--role", role, "--team", "east"});
      ASSERT_EQ(added.exit_status, 0) << added.err;
    }
    const CommandResult opened = Work("system", {"case", "open-due", "--json"});
    ASSERT_EQ(opened.exit_status, 0) << opened.err;
    EXPECT_EQ(json::parse(opened.out).at("opened").as_int64(), 5);
    // A collector works the cases assigned to them; before that, a case is out of their sight.
    EXPECT_EQ(Work("li", {"case", "show", "C1"}).exit_status, 1);
    for (const char* customer : {"C1", "C2", "C3", "C4", "C5"}) {
      const CommandResult assigned = Work("wang", {"case", "assign", customer, "li"});
      ASSERT_EQ(assigned.exit_status, 0) << assigned.err;
    }
  }
  void TearDown() override { fs::remove_all(dir_); }

  CommandResult Run(std::vector<std::string> arguments, const std::string& now = kToday) {
    arguments.insert(arguments.end(), {"--db", db_.url(), "--key-file", key_});
    return RunArrears(arguments, {"ARREARS_NOW=" + now});
  }
  // A workflow command by `user`, with the shipped packs and policy.
  CommandResult Work(const std::string& user, std::vector<std::string> arguments, const std::string& now = kToday) {
    const std::string source = ARREARS_SOURCE_DIR;
    arguments.insert(arguments.end(), {"--as", user, "--rules-dir", source + "/config/rules", "--policy",
                                       source + "/config/workflow.yaml"});
    return Run(arguments, now);
  }
  json::object Show(const std::string& customer, const std::string& now = kToday) {
    const CommandResult shown = Work("li", {"case", "show", customer, "--json"}, now);
    EXPECT_EQ(shown.exit_status, 0) << shown.err;
    return json::parse(shown.out).as_object();
  }
  std::string Timeline(const std::string& customer) {
    const CommandResult timeline = Work("li", {"case", "timeline", customer}, "2027-12-31T10:00:00+08:00");
    EXPECT_EQ(timeline.exit_status, 0) << timeline.err;
    return timeline.out;
  }
  // Imports payments; the import judges the cases they paid into. Returns its summary.
  json::object Pay(const std::string& file_rows, const std::string& now) {
    const fs::path file = dir_ / ("payments-" + std::to_string(++payment_files_) + ".csv");
    Write(file, std::string(kPaymentHeader) + file_rows);
    const std::string source = ARREARS_SOURCE_DIR;
    const CommandResult imported = Run({"import", "payments", file.string(), "--json", "--rules-dir",
                                        source + "/config/rules", "--policy", source + "/config/workflow.yaml"},
                                       now);
    EXPECT_EQ(imported.exit_status, 0) << imported.out << imported.err;
    return json::parse(imported.out).as_object();
  }
  // Audit events of one action for one customer's case.
  std::int64_t AuditEvents(const std::string& customer_ref, const std::string& action) {
    auto session = db_.database().Acquire();
    const std::vector<store::SqlValue> params = {store::Text(customer_ref), store::Text(action)};
    return session
        ->Query("SELECT COUNT(*) FROM audit_events e JOIN source_keys k ON k.entity = 'customer' AND "
                "k.customer_id = e.customer_id WHERE k.source_ref = $1 AND e.action = $2",
                params)[0]
        .Int(0);
  }
  std::string Str(const json::value& value) { return std::string(value.as_string()); }
  void ExpectAuditIntact() {
    const CommandResult verified = Run({"audit", "verify"});
    EXPECT_EQ(verified.exit_status, 0) << verified.out << verified.err;
  }

  TestDatabase db_{GetParam()};
  fs::path dir_;
  std::string key_;
  int payment_files_ = 0;
};

TEST_P(WorkflowScenario, ForgotToPayRemindedBySmsPaysNextDayAndTheCaseClosesAsPaid) {
  const CommandResult sms = Work("li", {"case", "contact", "C1", "--channel", "sms", "--outcome", "delivered",
                                        "--contact-point", "1", "--message",
                                        "您的信用卡本期账单1000.00元已逾期，请尽快还款。回复TD退订"});
  ASSERT_EQ(sms.exit_status, 0) << sms.out << sms.err;
  EXPECT_EQ(Str(Show("C1").at("stage")), "reminding");
  // The payment's import judges the case: nothing is overdue any more, so it closes.
  const json::object paid =
      Pay("R1,A1,C1,2026-11-29T09:30:00+08:00,2026-11-29,1000.00,CNY,wechat_pay,payment,\n", "2026-11-29T10:00:00+08:00");
  EXPECT_TRUE(paid.at("cases").at("closed").as_bool()) << json::serialize(paid);
  const json::object c = Show("C1");
  EXPECT_EQ(Str(c.at("stage")), "closed");
  EXPECT_EQ(Str(c.at("close_reason")), "paid_in_full");
  EXPECT_EQ(Str(c.at("overdue_total")), "0.00");
  EXPECT_EQ(Str(c.at("monitor_until")), "2027-02-27");  // 90 days of watching
  const std::string timeline = Timeline("C1");
  EXPECT_NE(timeline.find("payment of 1000.00 CNY on A1"), std::string::npos) << timeline;
  EXPECT_NE(timeline.find("settlement certificate"), std::string::npos) << timeline;
  EXPECT_EQ(AuditEvents("C1", "case.close"), 1);
  EXPECT_EQ(AuditEvents("C1", "letter.request"), 1);
  // Within the monitoring period the customer falls behind again: the same case reopens.
  const std::string later = "2026-12-26T10:00:00+08:00";
  std::string again = std::string(kAccounts).substr(0, std::string(kAccounts).find('\n') + 1);
  again.replace(again.find("2026-11-28,0.00,1000.00"), 23, "2026-12-26,0.00,1000.00");
  again.replace(again.find(",5,active"), 9, ",3,active");
  Write(dir_ / "accounts-again.csv", std::string(kAccountHeader) + again);
  const CommandResult updated = Run({"import", "accounts", (dir_ / "accounts-again.csv").string()}, later);
  ASSERT_EQ(updated.exit_status, 0) << updated.err;
  const CommandResult reopened = Work("system", {"case", "open-due", "--json"}, later);
  ASSERT_EQ(reopened.exit_status, 0) << reopened.err;
  EXPECT_EQ(json::parse(reopened.out).at("reopened").as_int64(), 1);
  EXPECT_EQ(json::parse(reopened.out).at("opened").as_int64(), 0);
  const json::object back = Show("C1", later);
  EXPECT_EQ(back.at("id"), c.at("id"));
  EXPECT_EQ(Str(back.at("stage")), "new");
  EXPECT_EQ(Str(back.at("overdue_total")), "1000.00");
  EXPECT_EQ(AuditEvents("C1", "case.reopen"), 1);
  ExpectAuditIntact();
}

TEST_P(WorkflowScenario, LostAJobHardshipPlanWithinAuthorityInstallmentsKeptClosed) {
  const CommandResult call = Work("li", {"case", "contact", "C2", "--channel", "call", "--outcome", "hardship",
                                         "--contact-point", "2", "--verify-name", "李强", "--verify-id", "2341",
                                         "--notes", "lost his job in October, looking for work"});
  ASSERT_EQ(call.exit_status, 0) << call.err;
  EXPECT_NE(call.out.find("identity verified"), std::string::npos) << call.out;
  const CommandResult situation = Work("li", {"case", "situation", "C2", "--reason", "job_loss", "--income",
                                              "6000.00", "--expenses", "3500.00", "--other-debts", "500.00", "--json"});
  ASSERT_EQ(situation.exit_status, 0) << situation.err;
  EXPECT_EQ(Str(json::parse(situation.out).at("repayment_capacity")), "1000.00");
  ASSERT_EQ(Work("li", {"case", "hold", "C2", "hardship", "--reason", "job loss"}).exit_status, 0);
  const CommandResult plan = Work("li", {"case", "plan", "C2", "--periods", "12", "--first-due", "2026-12-15", "--json"});
  ASSERT_EQ(plan.exit_status, 0) << plan.err;
  const json::object proposal = json::parse(plan.out).as_object();
  EXPECT_EQ(Str(proposal.at("status")), "active");  // 12 months is within a collector's authority at M1
  EXPECT_EQ(Str(proposal.at("to_pay")), "12600.00");
  ASSERT_EQ(proposal.at("installments").as_array().size(), 12U);
  EXPECT_EQ(Str(Show("C2").at("stage")), "arrangement");
  // The plan holds collection calls (a personalised plan is in force).
  const CommandResult blocked = Work("li", {"case", "contact", "C2", "--channel", "call", "--outcome", "no_answer"},
                                     "2026-12-01T10:00:00+08:00");
  EXPECT_EQ(blocked.exit_status, 1);
  EXPECT_NE(blocked.out.find("plan_in_force"), std::string::npos) << blocked.out;
  // Twelve installments, each paid on its date.
  std::string rows;
  for (int month = 0; month < 12; ++month) {
    const int year = 2026 + (11 + month) / 12;
    const int mon = (11 + month) % 12 + 1;
    char date[32];
    std::snprintf(date, sizeof date, "%04d-%02d-15", year, mon);
    rows += "R2-" + std::to_string(month + 1) + ",A2,C2," + date + "T09:00:00+08:00," + date +
            ",1050.00,CNY,bank_transfer,payment,\n";
    if (month == 5) {
      const json::object midway = Pay(rows, "2027-05-16T10:00:00+08:00");
      rows.clear();
      EXPECT_EQ(midway.at("cases").at("installments_kept").as_int64(), 6) << json::serialize(midway);
      EXPECT_FALSE(midway.at("cases").at("closed").as_bool());
      // Judged again later, nothing changes.
      const CommandResult again = Work("system", {"case", "evaluate", "C2", "--json"}, "2027-05-20T10:00:00+08:00");
      ASSERT_EQ(again.exit_status, 0) << again.err;
      EXPECT_EQ(json::parse(again.out).at("installments_kept").as_int64(), 0);
    }
  }
  const json::object done = Pay(rows, "2027-11-16T10:00:00+08:00");
  EXPECT_EQ(done.at("cases").at("installments_kept").as_int64(), 6) << json::serialize(done);
  EXPECT_TRUE(done.at("cases").at("closed").as_bool());
  const json::object c = Show("C2", "2027-11-16T10:10:00+08:00");
  EXPECT_EQ(Str(c.at("stage")), "closed");
  EXPECT_EQ(Str(c.at("close_reason")), "paid_in_full");
  EXPECT_EQ(Str(c.at("overdue_total")), "0.00");
  EXPECT_EQ(Str(c.at("arrangements").as_array()[0].at("status")), "completed");
  EXPECT_EQ(AuditEvents("C2", "installment.kept"), 12);
  ExpectAuditIntact();
}

TEST_P(WorkflowScenario, APlanBeyondAuthorityNeedsASupervisorAndTheMakerCannotApprove) {
  const CommandResult plan = Work("li", {"case", "plan", "C3", "--periods", "24", "--first-due", "2026-12-19", "--json"});
  ASSERT_EQ(plan.exit_status, 0) << plan.err;
  const json::object proposal = json::parse(plan.out).as_object();
  EXPECT_EQ(Str(proposal.at("status")), "pending_approval");
  EXPECT_EQ(Str(proposal.at("beyond_authority").as_array()[0]), "24 installments, authority allows 12");
  const std::string approval = std::to_string(proposal.at("approval").as_int64());
  EXPECT_EQ(Str(Show("C3").at("stage")), "new");  // nothing granted yet
  // The maker cannot approve, whatever their role: not the collector ...
  const CommandResult own = Work("li", {"approval", "approve", approval, "--reason", "looks fine"});
  EXPECT_EQ(own.exit_status, 1);
  EXPECT_NE(own.err.find("may not decide approvals"), std::string::npos) << own.err;
  // ... and a colleague of the same role may not either.
  EXPECT_EQ(Work("zhou", {"approval", "approve", approval, "--reason", "ok"}).exit_status, 1);
  const CommandResult listed = Work("wang", {"approval", "list", "--json"});
  ASSERT_EQ(listed.exit_status, 0) << listed.err;
  ASSERT_EQ(json::parse(listed.out).at("approvals").as_array().size(), 1U);
  const CommandResult approved = Work("wang", {"approval", "approve", approval, "--reason", "income verified", "--json"});
  ASSERT_EQ(approved.exit_status, 0) << approved.err;
  EXPECT_EQ(Str(json::parse(approved.out).at("status")), "approved");
  const json::object c = Show("C3");
  EXPECT_EQ(Str(c.at("stage")), "arrangement");
  EXPECT_EQ(Str(c.at("arrangements").as_array()[0].at("status")), "active");
  EXPECT_EQ(AuditEvents("C3", "approval.request"), 1);
  EXPECT_EQ(AuditEvents("C3", "approval.approve"), 1);
  // Decided once: a second decision is refused.
  EXPECT_EQ(Work("zhao", {"approval", "reject", approval, "--reason", "changed my mind"}).exit_status, 1);
  ExpectAuditIntact();
}

TEST_P(WorkflowScenario, ASupervisorsOwnRequestStillNeedsSomeoneElse) {
  const CommandResult plan = Work("wang", {"case", "plan", "C3", "--kind", "settlement", "--first-due", "2026-12-10",
                                           "--waive", "principal=50%", "--json"});
  ASSERT_EQ(plan.exit_status, 0) << plan.err;
  const std::string approval = std::to_string(json::parse(plan.out).at("approval").as_int64());
  const CommandResult own = Work("wang", {"approval", "approve", approval, "--reason", "mine"});
  EXPECT_EQ(own.exit_status, 1);
  EXPECT_NE(own.err.find("the maker cannot approve their own request"), std::string::npos) << own.err;
  // A team lead may not grant what is beyond a team lead's authority either.
  const CommandResult lead = Work("zhao", {"approval", "approve", approval, "--reason", "ok"});
  EXPECT_EQ(lead.exit_status, 1);
  EXPECT_NE(lead.err.find("beyond your authority too"), std::string::npos) << lead.err;
  EXPECT_EQ(Str(Show("C3").at("arrangements").as_array()[0].at("status")), "pending_approval");
  // Approvals expire: a week later nobody can approve it any more.
  const CommandResult expired = Work("zhou", {"approval", "approve", approval, "--reason", "late"},
                                     "2026-12-06T10:00:00+08:00");
  EXPECT_EQ(expired.exit_status, 1);
  EXPECT_NE(expired.err.find("may not decide approvals"), std::string::npos) << expired.err;
  const CommandResult too_late = Work("zhao", {"approval", "reject", approval, "--reason", "late"},
                                      "2026-12-06T10:00:00+08:00");
  EXPECT_EQ(too_late.exit_status, 1);
  EXPECT_NE(too_late.err.find("expired at 2026-12-05T02:00:00Z"), std::string::npos) << too_late.err;
}

TEST_P(WorkflowScenario, BrokenPromisesLetterVisitLegalJudgment) {
  ASSERT_EQ(Work("li", {"case", "promise", "C4", "--amount", "1000.00", "--date", "2026-12-05"}).exit_status, 0);
  EXPECT_EQ(Str(Show("C4").at("stage")), "follow_up");
  // Nothing paid by the date and the three days' grace: broken, back to negotiation.
  const CommandResult first = Work("system", {"case", "evaluate", "--json"}, "2026-12-09T10:00:00+08:00");
  ASSERT_EQ(first.exit_status, 0) << first.err;
  EXPECT_EQ(json::parse(first.out).at("promises_broken").as_int64(), 1);
  EXPECT_EQ(Str(Show("C4", "2026-12-09T10:00:00+08:00").at("stage")), "negotiating");
  ASSERT_EQ(Work("li", {"case", "promise", "C4", "--amount", "800.00", "--date", "2026-12-20"},
                 "2026-12-09T11:00:00+08:00")
                .exit_status,
            0);
  Pay("R4,A4,C4,2026-12-18T09:00:00+08:00,2026-12-18,300.00,CNY,alipay,payment,\n", "2026-12-18T10:00:00+08:00");
  const CommandResult second = Work("system", {"case", "evaluate", "C4", "--json"}, "2026-12-24T10:00:00+08:00");
  EXPECT_EQ(json::parse(second.out).at("promises_partly_kept").as_int64(), 1);
  const std::string late = "2026-12-24T11:00:00+08:00";
  const CommandResult letter = Work("li", {"case", "letter", "C4", "collection_letter"}, late);
  ASSERT_EQ(letter.exit_status, 0) << letter.err;
  EXPECT_EQ(Str(Show("C4", late).at("stage")), "escalated");
  // A field visit needs two collectors.
  const CommandResult alone = Work("li", {"case", "visit", "C4", "--date", "2026-12-28", "--collectors", "li"}, late);
  EXPECT_EQ(alone.exit_status, 1);
  EXPECT_NE(alone.err.find("at least 2 different collectors"), std::string::npos) << alone.err;
  const CommandResult visit =
      Work("li", {"case", "visit", "C4", "--date", "2026-12-28", "--collectors", "li,zhou", "--json"}, late);
  ASSERT_EQ(visit.exit_status, 0) << visit.err;
  const std::string visit_id = std::to_string(json::parse(visit.out).at("visit").as_int64());
  const CommandResult visited = Work("li", {"case", "visit-result", "C4", visit_id, "--outcome", "visited_met",
                                            "--result", "debtor met at home, refuses to pay"},
                                     "2026-12-28T15:00:00+08:00");
  ASSERT_EQ(visited.exit_status, 0) << visited.out << visited.err;
  // A collector cannot send a case to legal; a supervisor can.
  EXPECT_EQ(Work("li", {"case", "legal", "C4", "--reason", "refuses"}, "2027-01-05T10:00:00+08:00").exit_status, 1);
  const CommandResult legal =
      Work("wang", {"case", "legal", "C4", "--reason", "refuses to pay after visit", "--json"}, "2027-01-05T10:00:00+08:00");
  ASSERT_EQ(legal.exit_status, 0) << legal.err;
  const std::string matter = std::to_string(json::parse(legal.out).at("legal_matter").as_int64());
  ASSERT_EQ(Work("fa", {"case", "legal-update", "C4", matter, "--status", "filed", "--court", "南京市玄武区人民法院",
                        "--court-case-number", "(2027)苏0102民初123号", "--filed-on", "2027-01-20", "--costs", "350.00"},
                 "2027-01-20T10:00:00+08:00")
                .exit_status,
            0);
  const CommandResult judgment = Work("fa", {"case", "legal-update", "C4", matter, "--judgment-amount", "4700.00",
                                             "--judgment-on", "2027-03-15", "--assets-frozen"},
                                      "2027-03-16T10:00:00+08:00");
  ASSERT_EQ(judgment.exit_status, 0) << judgment.err;
  const json::object c = Show("C4", "2027-03-16T10:00:00+08:00");
  EXPECT_EQ(Str(c.at("stage")), "legal");
  const json::object m = c.at("legal_matters").as_array()[0].as_object();
  EXPECT_EQ(Str(m.at("status")), "judgment");
  EXPECT_EQ(Str(m.at("judgment_amount")), "4700.00");
  EXPECT_EQ(Str(m.at("costs")), "350.00");
  EXPECT_TRUE(m.at("assets_frozen").as_bool());
  EXPECT_EQ(Str(c.at("overdue_total")), "4700.00");  // 300.00 was paid
  const std::string timeline = Timeline("C4");
  for (const char* step : {"promise.broken", "promise.partly_kept", "letter.request", "visit.schedule", "contact.visit",
                           "legal.transfer", "legal.update"}) {
    EXPECT_NE(timeline.find(step), std::string::npos) << step << "\n" << timeline;
  }
  ExpectAuditIntact();
}

TEST_P(WorkflowScenario, ADisputedLateFeeHoldsCollectionUntilUpheldThenTheFeeIsReversed) {
  const CommandResult dispute = Work("li", {"case", "dispute", "C5", "--account", "A5", "--kind", "amount_or_fee",
                                            "--description", "says the late fee was charged after an on-time payment",
                                            "--component", "late_fee", "--amount", "50.00", "--json"});
  ASSERT_EQ(dispute.exit_status, 0) << dispute.err;
  const std::string dispute_id = std::to_string(json::parse(dispute.out).at("dispute").as_int64());
  // While the dispute is open, collection calls are refused, and the refusal is recorded.
  const CommandResult held = Work("li", {"case", "contact", "C5", "--channel", "call", "--outcome", "no_answer"},
                                  "2026-11-28T11:00:00+08:00");
  EXPECT_EQ(held.exit_status, 1);
  EXPECT_NE(held.out.find("CN-DISPUTE"), std::string::npos) << held.out;
  EXPECT_EQ(AuditEvents("C5", "contact.refused"), 1);
  // A collector cannot decide the dispute; a supervisor upholds it.
  EXPECT_EQ(Work("li", {"case", "resolve-dispute", "C5", dispute_id, "--upheld", "--reason", "x"}).exit_status, 1);
  const CommandResult upheld = Work("wang", {"case", "resolve-dispute", "C5", dispute_id, "--upheld", "--reason",
                                             "the payment arrived on the due date; the fee was wrong"},
                                    "2026-11-29T10:00:00+08:00");
  ASSERT_EQ(upheld.exit_status, 0) << upheld.err;
  const json::object c = Show("C5", "2026-11-29T10:00:00+08:00");
  const json::object account = c.at("accounts").as_array()[0].as_object();
  EXPECT_EQ(Str(account.at("overdue").at("late_fee")), "0.00");
  EXPECT_EQ(Str(c.at("overdue_total")), "2000.00");
  EXPECT_TRUE(c.at("holds").as_array().empty());
  EXPECT_EQ(Str(c.at("disputes").as_array()[0].at("status")), "upheld");
  EXPECT_EQ(AuditEvents("C5", "balance.reverse"), 1);
  // Collection resumes.
  const CommandResult call = Work("li", {"case", "contact", "C5", "--channel", "call", "--outcome", "right_party_contact"},
                                  "2026-11-29T10:30:00+08:00");
  EXPECT_EQ(call.exit_status, 0) << call.out << call.err;
  EXPECT_NE(Timeline("C5").find("the dispute's outcome"), std::string::npos);
  ExpectAuditIntact();
}

TEST_P(WorkflowScenario, AThirdConversationInOneDayIsRefusedUnderCnDefault) {
  for (const char* at : {"2026-11-28T09:00:00+08:00", "2026-11-28T14:00:00+08:00"}) {
    const CommandResult call = Work("li", {"case", "contact", "C4", "--channel", "call", "--outcome",
                                           "right_party_contact", "--contact-point", "4"},
                                    at);
    ASSERT_EQ(call.exit_status, 0) << call.out << call.err;
  }
  // Limits count every collector together: the team lead's call would be the third.
  const CommandResult third = Work("zhao", {"case", "contact", "C4", "--channel", "call", "--outcome",
                                            "right_party_contact", "--contact-point", "4", "--json"},
                                   "2026-11-28T17:00:00+08:00");
  EXPECT_EQ(third.exit_status, 1);
  const json::object refused = json::parse(third.out).as_object();
  EXPECT_FALSE(refused.at("made").as_bool());
  EXPECT_EQ(Str(refused.at("verdict")), "block");
  EXPECT_NE(Str(refused.at("reasons").as_array()[0]).find("CN-FREQ-CALLS"), std::string::npos);
  EXPECT_NE(Timeline("C4").find("contact.refused"), std::string::npos);
  // The next local day the debtor may be called again.
  EXPECT_EQ(Work("li", {"case", "contact", "C4", "--channel", "call", "--outcome", "no_answer", "--contact-point", "4"},
                 "2026-11-29T09:00:00+08:00")
                .exit_status,
            0);
}

TEST_P(WorkflowScenario, ContactDetailsAreKeptAndAnInvalidNumberIsNotDialledAgain) {
  const CommandResult added = Work("li", {"case", "add-contact", "C3", "--kind", "mobile", "--value", "139 0000 0003",
                                          "--source", "debtor", "--json"});
  ASSERT_EQ(added.exit_status, 0) << added.err;
  const std::string point = std::to_string(json::parse(added.out).at("contact_point").as_int64());
  const json::array points = Show("C3").at("contact_points").as_array();
  ASSERT_EQ(points.size(), 2U);
  EXPECT_EQ(Str(points[1].at("value")), "139****0003");
  EXPECT_EQ(Str(points[1].at("status")), "unverified");
  // Staff find the customer by the new number through its blind index.
  const CommandResult found = Run({"customer", "find", "--phone", "13900000003", "--json"});
  ASSERT_EQ(found.exit_status, 0) << found.err;
  EXPECT_EQ(Str(json::parse(found.out).at("customers").as_array()[0].at("customer_ref")), "C3");
  // A wrong number marks the point, and it is not dialled again.
  ASSERT_EQ(Work("li", {"case", "contact", "C3", "--channel", "call", "--outcome", "wrong_number", "--contact-point",
                        point})
                .exit_status,
            0);
  const CommandResult again = Work("li", {"case", "contact", "C3", "--channel", "call", "--outcome", "no_answer",
                                          "--contact-point", point},
                                   "2026-11-28T11:00:00+08:00");
  EXPECT_EQ(again.exit_status, 1);
  EXPECT_NE(again.err.find("is marked wrong_party: it is not contacted again"), std::string::npos) << again.err;
  ASSERT_EQ(Work("li", {"case", "contact-point", "C3", "--id", "3", "--status", "invalid", "--source", "carrier"})
                .exit_status,
            0);
  EXPECT_EQ(Work("li", {"case", "contact", "C3", "--channel", "sms", "--outcome", "delivered", "--contact-point", "3"})
                .exit_status,
            1);
  EXPECT_EQ(AuditEvents("C3", "contact_point.status"), 2);
  const CommandResult harvested = Work("li", {"case", "add-contact", "C3", "--kind", "mobile", "--value",
                                              "13700000000", "--relation", "friend", "--source", "phone_book"});
  EXPECT_EQ(harvested.exit_status, 2);
  EXPECT_NE(harvested.err.find("phone book"), std::string::npos) << harvested.err;
  ExpectAuditIntact();
}

TEST_P(WorkflowScenario, BadInputIsRefusedAndChangesNothing) {
  const std::int64_t events_before = AuditEvents("C3", "promise.new") + AuditEvents("C3", "arrangement.propose");
  const CommandResult past = Work("li", {"case", "promise", "C3", "--amount", "500.00", "--date", "2026-11-20"});
  EXPECT_EQ(past.exit_status, 2);
  EXPECT_NE(past.err.find("--date: the promised date 2026-11-20 is in the past"), std::string::npos) << past.err;
  const CommandResult too_long = Work("wang", {"case", "plan", "C3", "--periods", "61", "--first-due", "2026-12-19"});
  EXPECT_EQ(too_long.exit_status, 2);
  EXPECT_NE(too_long.err.find("--periods: a plan has 1 to 60 monthly installments"), std::string::npos) << too_long.err;
  const CommandResult waiver = Work("wang", {"case", "plan", "C3", "--kind", "settlement", "--first-due", "2026-12-19",
                                             "--waive", "late_fee=120%"});
  EXPECT_EQ(waiver.exit_status, 2);
  EXPECT_NE(waiver.err.find("must be between 0% and 100%"), std::string::npos) << waiver.err;
  Write(dir_ / "receipt.pdf", "this is plain text, not a PDF\n");
  const CommandResult upload = Work("li", {"case", "upload", "C3", (dir_ / "receipt.pdf").string(), "--type", "pdf"});
  EXPECT_EQ(upload.exit_status, 2);
  EXPECT_NE(upload.err.find("is not a PDF, JPEG or PNG (by its content)"), std::string::npos) << upload.err;
  Write(dir_ / "scan.pdf", std::string("\x89PNG\r\n\x1A\n", 8) + "image bytes");
  const CommandResult mislabelled = Work("li", {"case", "upload", "C3", (dir_ / "scan.pdf").string(), "--type", "pdf"});
  EXPECT_EQ(mislabelled.exit_status, 2);
  EXPECT_NE(mislabelled.err.find("is said to be pdf but its content is png"), std::string::npos) << mislabelled.err;
  const CommandResult threat = Work("li", {"case", "contact", "C3", "--channel", "call", "--outcome",
                                           "right_party_contact", "--notes", "不还钱就让你坐牢"});
  EXPECT_EQ(threat.exit_status, 1);
  EXPECT_NE(threat.err.find("--notes"), std::string::npos) << threat.err;
  EXPECT_EQ(AuditEvents("C3", "promise.new") + AuditEvents("C3", "arrangement.propose"), events_before);
  EXPECT_EQ(AuditEvents("C3", "contact.call"), 0);
  const json::object c = Show("C3");
  EXPECT_TRUE(c.at("promises").as_array().empty());
  EXPECT_TRUE(c.at("arrangements").as_array().empty());
  EXPECT_EQ(Str(c.at("stage")), "new");
  // A real PNG declared as one is accepted, and comes back byte for byte.
  Write(dir_ / "scan.png", std::string("\x89PNG\r\n\x1A\n", 8) + "image bytes");
  const CommandResult accepted = Work("li", {"case", "upload", "C3", (dir_ / "scan.png").string(), "--type", "png",
                                             "--json"});
  ASSERT_EQ(accepted.exit_status, 0) << accepted.err;
  const std::string document = std::to_string(json::parse(accepted.out).at("document").as_int64());
  ASSERT_EQ(Work("li", {"case", "download", "C3", document, "--out", (dir_ / "back.png").string()}).exit_status, 0);
  std::ifstream back(dir_ / "back.png", std::ios::binary);
  EXPECT_EQ(std::string(std::istreambuf_iterator<char>(back), {}), std::string("\x89PNG\r\n\x1A\n", 8) + "image bytes");
}

INSTANTIATE_TEST_SUITE_P(Backends, WorkflowScenario, ::testing::Values(Backend::kSqlite, Backend::kPostgresql),
                         [](const auto& param_info) { return BackendName(param_info.param); });

}  // namespace
}  // namespace arrears::testing
