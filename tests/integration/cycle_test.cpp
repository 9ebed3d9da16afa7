// The daily cycle on real databases (SQLite and PostgreSQL), through the
// `arrears cycle` command: a hand-checked portfolio (buckets, accrual from the
// anchors, segments, the queue's order and compliance), a hundred days (forty
// under the sanitizers) run one by one against one run with catch-up, runs
// killed at random points, and a server that keeps the working set from one
// night to the next.
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <thread>

#include "app/workflow/contacts.hpp"
#include "policy/rule_pack.hpp"
#include "store/crypto/sodium_vault.hpp"
#include "store/workflow/sql_workflow_store.hpp"
#include "support/http_client.hpp"
#include "support/portfolio_fixture.hpp"
#include "support/run_command.hpp"
#include "support/scratch_dir.hpp"
#include "support/server_process.hpp"
#include "support/test_database.hpp"

namespace arrears::testing {
namespace {

namespace fs = std::filesystem;
namespace json = boost::json;

constexpr const char* kNow = "2026-11-28T10:00:00+08:00";
constexpr const char* kPassword = "Collect2026ok";

class Cycle : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    dir_ = ScratchDir("arrears-cycle");
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    key_ = (dir_ / "arrears.key").string();
  }
  void TearDown() override { fs::remove_all(dir_); }

  CommandResult Run(TestDatabase& db, std::vector<std::string> arguments, const std::string& now = kNow,
                    const std::string& input = {}) {
    arguments.insert(arguments.end(), {"--db", db.url(), "--key-file", key_});
    return RunArrears(arguments, {"ARREARS_NOW=" + now}, input);
  }
  std::vector<std::string> Workflow(std::vector<std::string> arguments) {
    const std::string source = ARREARS_SOURCE_DIR;
    arguments.insert(arguments.end(), {"--rules-dir", source + "/config/rules", "--policy",
                                       source + "/config/workflow.yaml"});
    return arguments;
  }
  std::vector<std::string> CycleArgs(const std::string& date, std::vector<std::string> extra = {}) {
    const std::string source = ARREARS_SOURCE_DIR;
    std::vector<std::string> arguments =
        Workflow({"cycle", "--as-of", date, "--json", "--strategy", source + "/config/strategies/default.yaml",
                  "--allocation", allocation_.empty() ? source + "/config/allocation.yaml" : allocation_});
    arguments.insert(arguments.end(), extra.begin(), extra.end());
    return arguments;
  }
  json::object RunCycle(TestDatabase& db, const std::string& date, std::vector<std::string> extra = {}) {
    const CommandResult result = Run(db, CycleArgs(date, std::move(extra)));
    EXPECT_EQ(result.exit_status, 0) << result.err;
    if (result.exit_status != 0) return {};
    return json::parse(result.out).as_object();
  }
  // The small portfolio of the workflow suites, with two collectors and a supervisor.
  void Prepare(TestDatabase& db) {
    ASSERT_EQ(Run(db, {"migrate"}).exit_status, 0);
    for (const auto& import : WritePortfolio(dir_)) ASSERT_EQ(Run(db, import).exit_status, 0);
    for (const auto& [login, role, team] : std::vector<std::tuple<const char*, const char*, const char*>>{
             {"c1", "collector", "east"}, {"c2", "collector", "west"}, {"sup", "supervisor", ""}}) {
      std::vector<std::string> args = {"user", "add", login, "--role", role, "--password-stdin"};
      if (*team) args.insert(args.end(), {"--team", team});
      ASSERT_EQ(Run(db, args, kNow, std::string(kPassword) + "\n").exit_status, 0);
    }
  }
  // Everything the cycle decides, in a fixed order, without the times it ran at.
  std::string Checksum(TestDatabase& db) {
    auto session = db.database().Acquire();
    std::ostringstream text;
    const char* queries[] = {
        "SELECT id, COALESCE(bucket, '') FROM accounts ORDER BY id",
        "SELECT customer_id, account_id, moved_on, COALESCE(from_bucket, ''), to_bucket, days_past_due FROM "
        "bucket_moves ORDER BY customer_id, account_id, moved_on",
        "SELECT id, stage, COALESCE(owner, ''), CASE WHEN closed_at IS NULL THEN 0 ELSE 1 END, COALESCE(segment, ''), "
        "COALESCE(arm, ''), COALESCE(treatment, ''), COALESCE(treatment_since, '') FROM cases ORDER BY id",
        "SELECT id, status, paid FROM promises ORDER BY id",
        "SELECT case_id, queue_date, COALESCE(owner, ''), rank, priority, propensity_ppm, owed, days_past_due, bucket, "
        "segment, arm, action, COALESCE(template, ''), COALESCE(contact_from, '') FROM queue_items ORDER BY case_id",
        "SELECT case_id, valid_from, COALESCE(valid_to, ''), bucket, COALESCE(overdue_since, ''), days_past_due, owed, "
        "anchor_owed, COALESCE(segment, ''), COALESCE(arm, ''), COALESCE(owner, ''), COALESCE(agency, '') FROM "
        "case_facts ORDER BY case_id, valid_from",
        "SELECT as_of FROM cycle_runs WHERE finished_at IS NOT NULL ORDER BY as_of"};
    for (const char* query : queries) {
      for (const store::Row& row : session->Query(query)) {
        for (std::size_t i = 0; i < row.size(); ++i) text << row.AsText(i) << "|";
        text << '\n';
      }
      text << "--\n";
    }
    return text.str();
  }
  std::int64_t CaseOf(TestDatabase& db, const std::string& customer) {
    auto session = db.database().Acquire();
    const std::vector<store::SqlValue> key = {store::Text(customer)};
    return session
        ->Query("SELECT c.id FROM cases c JOIN source_keys k ON k.entity = 'customer' AND k.customer_id = c.customer_id "
                "WHERE k.source_ref = $1",
                key)[0]
        .Int(0);
  }

  fs::path dir_;
  std::string key_;
  std::string allocation_;  // empty: the shipped config/allocation.yaml
};

TEST_P(Cycle, AHandCheckedPortfolio) {
  TestDatabase db(GetParam());
  Prepare(db);
  // Day one opens the five cases (all accounts are past due at their anchors).
  const json::object first = RunCycle(db, "2026-11-28");
  EXPECT_EQ(first.at("cases_opened").as_int64(), 5);
  EXPECT_EQ(first.at("accounts_changed").as_int64(), 5);
  for (const auto& [customer, owner] : std::vector<std::pair<const char*, const char*>>{
           {"C1", "c1"}, {"C2", "c1"}, {"C3", "c1"}, {"C4", "c2"}, {"C5", "c2"}}) {
    ASSERT_EQ(Run(db, Workflow({"case", "assign", customer, owner, "--as", "sup"})).exit_status, 0);
  }
  // A plan in force: the pack forbids collection contact; the case keeps its segment.
  ASSERT_EQ(Run(db, Workflow({"case", "hold", "C4", "plan_in_force", "--reason", "personal plan agreed", "--as", "sup"}))
                .exit_status,
            0);
  const json::object second = RunCycle(db, "2026-11-29");
  EXPECT_EQ(second.at("cases_opened").as_int64(), 0);
  EXPECT_EQ(second.at("queue_blocked").as_int64(), 1);  // C4's call

  auto session = db.database().Acquire();
  // Buckets from the anchors on 2026-11-29: A1 6 days (3 grace), A2 21, A3 41, A4 36, A5 11.
  std::map<std::string, std::string> bucket;
  for (const store::Row& r : session->Query("SELECT account_ref, bucket FROM accounts")) bucket[r.Text(0)] = r.Text(1);
  EXPECT_EQ(bucket, (std::map<std::string, std::string>{
                        {"A1", "M1"}, {"A2", "M1"}, {"A3", "M2"}, {"A4", "M2"}, {"A5", "M1"}}));
  // Segments: C1 and C5 early and small (at most 5,000 yuan), C2 early, C3 and C4 in M2; all entered on day one.
  std::map<std::string, std::string> segment;
  for (const store::Row& r : session->Query(
           "SELECT k.source_ref, c.segment, c.treatment_since FROM cases c JOIN source_keys k ON k.entity = 'customer' "
           "AND k.customer_id = c.customer_id")) {
    segment[r.Text(0)] = r.Text(1);
    EXPECT_EQ(r.Text(2), "2026-11-28") << r.Text(0);
  }
  EXPECT_EQ(segment, (std::map<std::string, std::string>{
                         {"C1", "early_small"}, {"C2", "early"}, {"C3", "middle"}, {"C4", "middle"}, {"C5", "early_small"}}));
  // Day 1 of the paths: early and middle call; early_small waits (no step on day 1 in either arm).
  // c1's queue: C2 before C3. Owed with one day's accrual from the 2026-11-28 anchors:
  //   C2 (loan, 6% ACT/360, penalty +50%): 42,600.00 + 30,000×6%/360 + 12,000×9%/360 + 600×9%/360 = 42,608.15
  //   C3 (card, 0.05%/day, no uplift):     20,600.00 + 20,000×0.05% = 20,610.00
  // Propensity: C2 400,000 − 2,000×21 = 358,000; C3 400,000 − 2,000×41 = 318,000.
  const auto queue = session->Query(
      "SELECT q.case_id, q.owner, q.rank, q.owed, q.propensity_ppm, q.priority, q.action, q.contact_from FROM "
      "queue_items q ORDER BY q.owner, q.rank");
  ASSERT_EQ(queue.size(), 2u);
  EXPECT_EQ(queue[0].Int(0), CaseOf(db, "C2"));
  EXPECT_EQ(queue[0].Text(1), "c1");
  EXPECT_EQ(queue[0].Int(2), 1);
  EXPECT_EQ(queue[0].Int(3), 4'260'815);
  EXPECT_EQ(queue[0].Int(4), 358'000);
  EXPECT_EQ(queue[0].Int(5), 4'260'815LL * 358'000 / 1'000'000);
  EXPECT_EQ(queue[0].Text(6), "call");
  EXPECT_EQ(queue[0].Text(7), "2026-11-29T00:00:00Z");  // 08:00 in Shanghai, when calls may start
  EXPECT_EQ(queue[1].Int(0), CaseOf(db, "C3"));
  EXPECT_EQ(queue[1].Int(2), 2);
  EXPECT_EQ(queue[1].Int(3), 2'061'000);
  EXPECT_EQ(queue[1].Int(4), 318'000);

  // Every queued contact is one the workflow's own compliance check allows at its time.
  std::vector<policy::RulePack> packs;
  {
    std::ifstream file(std::string(ARREARS_SOURCE_DIR) + "/config/rules/cn-default.yaml");
    std::stringstream text;
    text << file.rdbuf();
    auto pack = policy::ParseRulePack(text.str(), "cn-default.yaml");
    ASSERT_TRUE(pack) << pack.error().message;
    packs.push_back(std::move(*pack));
  }
  const std::vector<const policy::RulePack*> pointers = {&packs[0]};
  auto vault = store::LoadVault(key_, false, nullptr);
  ASSERT_TRUE(vault);
  const policy::WorkflowPolicy workflow_policy;
  for (const store::Row& item : queue) {
    const auto at = app::ParseRfc3339(item.Text(7));
    ASSERT_TRUE(at);
    store::SqlWorkflowStore store(*session, **vault, "c1", item.Text(7));
    app::WorkflowContext context{store, **vault, workflow_policy, pointers, app::Actor{"c1", app::Role::kCollector, "east", ""},
                                 *at, item.Text(7), *Date::Parse("2026-11-29"), policy::Language::kEn};
    app::ContactRequest request;
    request.channel = item.Text(6);
    const auto checked = app::CheckContact(context, CaseId{item.Int(0)}, request);
    ASSERT_TRUE(checked) << checked.error().message;
    EXPECT_TRUE(checked->made) << item.Int(0) << ": " << app::JoinText(checked->reasons, "; ");
    // A minute earlier it is too early: the queue gives the first allowed moment.
    app::WorkflowContext earlier = context;
    earlier.now = *at - std::chrono::minutes(1);
    EXPECT_FALSE(app::CheckContact(earlier, CaseId{item.Int(0)}, request)->made);
  }
  // The held case is refused by the same check, which is why it is not queued.
  {
    store::SqlWorkflowStore store(*session, **vault, "c2", "2026-11-29T02:00:00Z");
    app::WorkflowContext context{store, **vault, workflow_policy, pointers, app::Actor{"c2", app::Role::kCollector, "west", ""},
                                 *app::ParseRfc3339("2026-11-29T02:00:00Z"), "2026-11-29T02:00:00Z",
                                 *Date::Parse("2026-11-29"), policy::Language::kEn};
    app::ContactRequest request;
    request.channel = "call";
    EXPECT_FALSE(app::CheckContact(context, CaseId{CaseOf(db, "C4")}, request)->made);
  }

  // The dialer list: c1's two calls, each debtor's own mobile, from 08:00 local time.
  const CommandResult dialer = Run(db, Workflow({"queue", "export", "--date", "2026-11-29", "--format", "csv"}));
  ASSERT_EQ(dialer.exit_status, 0) << dialer.err;
  std::istringstream lines(dialer.out);
  std::string header, line1, line2, rest;
  std::getline(lines, header);
  std::getline(lines, line1);
  std::getline(lines, line2);
  EXPECT_FALSE(std::getline(lines, rest) && !rest.empty()) << dialer.out;
  EXPECT_NE(line1.find(",13800000002,2026-11-29T08:00:00+08:00,Asia/Shanghai,42608.15,21"), std::string::npos) << line1;
  EXPECT_NE(line2.find(",13800000003,2026-11-29T08:00:00+08:00,Asia/Shanghai,20610.00,41"), std::string::npos) << line2;
  EXPECT_EQ(Run(db, Workflow({"queue", "export", "--date", "2026-11-29", "--format", "xlsx"})).exit_status, 2);

  // The day's facts for reports: C4's span from day one (c1 had it, 35 days past due, owed what its anchors say)
  // ended when the supervisor gave it to c2; the span from 2026-11-29 holds, its days past due counting from
  // 2026-10-24 (36 days), owed with a day's card interest (5,000.00 × 0.05% = 2.50).
  const std::vector<store::SqlValue> c4 = {store::Int(CaseOf(db, "C4"))};
  const auto facts = session->Query(
      "SELECT valid_from, COALESCE(valid_to, ''), bucket, overdue_since, days_past_due, owed, anchor_owed, segment, "
      "arm, COALESCE(owner, '') FROM case_facts WHERE case_id = $1 ORDER BY valid_from",
      c4);
  ASSERT_EQ(facts.size(), 2u);
  EXPECT_EQ(facts[0].Text(0), "2026-11-28");
  EXPECT_EQ(facts[0].Text(1), "2026-11-29");
  EXPECT_EQ(facts[0].Int(4), 35);
  EXPECT_EQ(facts[0].Int(5), 500'000);
  EXPECT_EQ(facts[0].Text(9), "c1");
  EXPECT_EQ(facts[1].Text(0), "2026-11-29");
  EXPECT_EQ(facts[1].Text(1), "");
  EXPECT_EQ(facts[1].Text(2), "M2");
  EXPECT_EQ(facts[1].Text(3), "2026-10-24");
  EXPECT_EQ(facts[1].Int(4), 36);
  EXPECT_EQ(facts[1].Int(5), 500'250);
  EXPECT_EQ(facts[1].Int(6), 500'000);
  EXPECT_EQ(facts[1].Text(7), "middle");
  EXPECT_EQ(facts[1].Text(8), "champion");
  EXPECT_EQ(facts[1].Text(9), "c2");
  // One span per case holds; a quiet day (each case one day older, nothing else) would start none.
  EXPECT_EQ(session->Query("SELECT case_id FROM case_facts WHERE valid_to IS NULL").size(), 5u);
  EXPECT_EQ(second.at("facts_written").as_int64(), 2);  // C4 and C5, given to c2 after day one

  // The same date again changes nothing.
  const std::string before = Checksum(db);
  EXPECT_TRUE(RunCycle(db, "2026-11-29").at("already_done").as_bool());
  EXPECT_EQ(Checksum(db), before);

  // A quiet day: every case one day older, nothing else; no span starts.
  EXPECT_EQ(RunCycle(db, "2026-11-30").at("facts_written").as_int64(), 0);
  // A case closed during a day was in collection on that day: its span ends the day after. The debtor died: the
  // debt is still past due, but the case does not come back by itself.
  ASSERT_EQ(Run(db, Workflow({"case", "close", "C5", "deceased", "--as", "sup"}), "2026-11-30T15:00:00+08:00").exit_status,
            0);
  const json::object after_close = RunCycle(db, "2026-12-01");
  EXPECT_EQ(after_close.at("facts_written").as_int64(), 0);
  EXPECT_EQ(after_close.at("cases_reopened").as_int64(), 0);
  EXPECT_EQ(after_close.at("cases_open").as_int64(), 4);
  const std::vector<store::SqlValue> c5 = {store::Int(CaseOf(db, "C5"))};
  const auto closed =
      session->Query("SELECT valid_from, COALESCE(valid_to, '') FROM case_facts WHERE case_id = $1 ORDER BY valid_from", c5);
  ASSERT_EQ(closed.size(), 2u);
  EXPECT_EQ(closed[1].Text(0), "2026-11-29");
  EXPECT_EQ(closed[1].Text(1), "2026-12-01");
}

TEST_P(Cycle, AllocationFollowsTheRulesOnAHandCheckedPortfolio) {
  TestDatabase db(GetParam());
  Prepare(db);
  for (const auto& [login, role, team, agency] : std::vector<std::tuple<const char*, const char*, const char*, const char*>>{
           {"a1", "collector", "A", ""}, {"a2", "collector", "A", ""}, {"b1", "collector", "B", ""},
           {"x1", "agency_user", "", "X"}}) {
    std::vector<std::string> args = {"user", "add", login, "--role", role, "--password-stdin"};
    if (*team) args.insert(args.end(), {"--team", team});
    if (*agency) args.insert(args.end(), {"--agency", agency});
    ASSERT_EQ(Run(db, args, kNow, std::string(kPassword) + "\n").exit_status, 0);
  }
  allocation_ = (dir_ / "allocation.yaml").string();
  std::ofstream(allocation_) << "balance_by: count\nrotate_after_days: 3\n"
                                "teams:\n  - {name: A, buckets: [M1], capacity: 2}\n  - {name: B, buckets: [M1, M2, M3]}\n"
                                "agencies:\n  notice_days: 2\n  placement_days: 5\n"
                                "  rules:\n    - {buckets: [M2], owed_min: \"10000.00\", shares: {X: 100%}}\n";
  // 2026-11-28, in case order: C1 (M1) and C2 (M1) fill team A (capacity 2), one each for a1 and a2; C3 (M2, 20,600
  // yuan) gets its agency notice and waits with team B; C4 (M2, 5,000) and C5 (M1, A full) go to B.
  // 2026-11-30: C3's two notice days have run: placed with X (x1) until 2026-12-05.
  // 2026-12-01: C1 and C2 have had their collectors three days: they swap. 2026-12-04: they swap back.
  // 2026-12-05: C3's placement ends: recalled to team B.
  RunCycle(db, "2026-11-28");
  const json::object summary = RunCycle(db, "2026-12-05");
  EXPECT_EQ(summary.at("agency_placed").as_int64(), 1);
  EXPECT_EQ(summary.at("agency_recalled").as_int64(), 1);
  EXPECT_EQ(summary.at("rotated").as_int64(), 4);
  auto session = db.database().Acquire();
  std::map<std::string, std::string> owners;
  for (const store::Row& r : session->Query(
           "SELECT k.source_ref, COALESCE(c.owner, ''), COALESCE(c.placed_agency, ''), COALESCE(c.placed_on, ''), "
           "COALESCE(c.placed_until, ''), COALESCE(c.agency_notice_on, ''), COALESCE(c.assigned_on, '') FROM cases c "
           "JOIN source_keys k ON k.entity = 'customer' AND k.customer_id = c.customer_id")) {
    // owner|agency|placed on|placed until|notice on|assigned on
    owners[r.Text(0)] = r.Text(1) + "|" + r.Text(2) + "|" + r.Text(3) + "|" + r.Text(4) + "|" + r.Text(5) + "|" + r.Text(6);
  }
  EXPECT_EQ(owners, (std::map<std::string, std::string>{
                        {"C1", "a1|||||2026-12-04"},
                        {"C2", "a2|||||2026-12-04"},
                        {"C3", "b1||2026-11-30|2026-12-05|2026-11-28|2026-12-05"},
                        {"C4", "b1|||||2026-11-28"},
                        {"C5", "b1|||||2026-11-28"}}));
  // C3's story is on its timeline, and each change in its customer's audit chain.
  std::vector<std::string> kinds;
  const std::vector<store::SqlValue> c3 = {store::Int(CaseOf(db, "C3"))};
  for (const store::Row& r : session->Query(
           "SELECT kind FROM case_events WHERE case_id = $1 AND kind LIKE 'case.allocation.%' ORDER BY seq", c3)) {
    kinds.push_back(r.Text(0));
  }
  EXPECT_EQ(kinds, (std::vector<std::string>{"case.allocation.notice", "case.allocation.place", "case.allocation.recall"}));
  EXPECT_EQ(RunArrears({"audit", "verify", "--db", db.url(), "--key-file", key_}).exit_status, 0);
}

// A hundred days (forty under the sanitizers, where each night's process takes seconds to start: still two month
// ends, both promises' days and a bucket move of every account).
constexpr int kDays = ARREARS_SANITIZED ? 40 : 100;

TEST_P(Cycle, DaysOneByOneEqualOneRunWithCatchUp) {
  TestDatabase daily(GetParam());
  TestDatabase caught_up(GetParam());
  for (TestDatabase* db : {&daily, &caught_up}) {
    Prepare(*db);
    ASSERT_EQ(Run(*db, Workflow({"case", "open-due", "--as", "system"})).exit_status, 0);
    ASSERT_EQ(Run(*db, Workflow({"case", "assign", "C1", "c1", "--as", "sup"})).exit_status, 0);
    ASSERT_EQ(Run(*db, Workflow({"case", "assign", "C4", "c2", "--as", "sup"})).exit_status, 0);
    // Promises that fall due in the days run and are not paid: broken on their day, which moves C4's segment.
    ASSERT_EQ(Run(*db, Workflow({"case", "promise", "C4", "--amount", "500.00", "--date", "2026-12-05", "--as", "c2"})).exit_status, 0);
    ASSERT_EQ(Run(*db, Workflow({"case", "promise", "C1", "--amount", "800.00", "--date", "2026-12-20", "--as", "c1"})).exit_status, 0);
    RunCycle(*db, "2026-11-28");
  }
  const Date start = *Date::Parse("2026-11-28");
  for (int day = 1; day <= kDays; ++day) RunCycle(daily, start.AddDays(day).ToString());
  const json::object summary = RunCycle(caught_up, start.AddDays(kDays).ToString());
  EXPECT_EQ(summary.at("days_run").as_array().size(), static_cast<std::size_t>(kDays));
  EXPECT_GE(summary.at("promises_broken").as_int64(), 1);
  // Buckets moved on the way: each of the five past-due accounts at least once in forty days, some twice in a hundred.
  EXPECT_GE(summary.at("accounts_changed").as_int64(), kDays == 100 ? 6 : 5);
  EXPECT_EQ(Checksum(daily), Checksum(caught_up));
}

// Starts `arrears cycle` and kills it with SIGKILL after `delay`; true when it was still running.
bool KillDuring(const std::vector<std::string>& arguments, const std::string& now, std::chrono::milliseconds delay) {
  const pid_t pid = fork();
  if (pid == 0) {
    const int null_fd = open("/dev/null", O_RDWR);
    dup2(null_fd, 0);
    dup2(null_fd, 1);
    dup2(null_fd, 2);
    setenv("ARREARS_NOW", now.c_str(), 1);
    std::vector<std::string> all = arguments;
    std::vector<char*> argv = {const_cast<char*>(ARREARS_BINARY)};
    for (std::string& argument : all) argv.push_back(argument.data());
    argv.push_back(nullptr);
    execv(ARREARS_BINARY, argv.data());
    _exit(127);
  }
  std::this_thread::sleep_for(delay);
  const bool running = waitpid(pid, nullptr, WNOHANG) == 0;
  kill(pid, SIGKILL);
  waitpid(pid, nullptr, 0);
  return running;
}

TEST_P(Cycle, KilledAtRandomPointsAndRerunEqualsAnUninterruptedRun) {
  TestDatabase whole(GetParam());
  TestDatabase killed(GetParam());
  for (TestDatabase* db : {&whole, &killed}) {
    Prepare(*db);
    RunCycle(*db, "2026-11-28");
    ASSERT_EQ(Run(*db, Workflow({"case", "assign", "C2", "c1", "--as", "sup"})).exit_status, 0);
    ASSERT_EQ(Run(*db, Workflow({"case", "assign", "C3", "c1", "--as", "sup"})).exit_status, 0);
  }
  // Sixty days to catch up, one change per transaction: many points to die at.
  const std::string target = "2027-01-27";
  const auto started = std::chrono::steady_clock::now();
  RunCycle(whole, target, {"--chunk", "1"});
  const auto took = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started);
  std::vector<std::string> arguments = CycleArgs(target, {"--chunk", "1"});
  arguments.insert(arguments.end(), {"--db", killed.url(), "--key-file", key_});
  std::mt19937 random(20261128);
  int interrupted = 0;
  // Points anywhere in a whole run's time (a run picks up where the last one died, so later kills land later).
  const int longest = std::max(5, static_cast<int>(took.count()));
  for (int attempt = 0; attempt < 8; ++attempt) {
    const auto delay = std::chrono::milliseconds(std::uniform_int_distribution<int>(2, longest)(random));
    if (KillDuring(arguments, kNow, delay)) ++interrupted;
  }
  EXPECT_GE(interrupted, 1);  // at least one run died halfway
  const json::object finished = RunCycle(killed, target, {"--chunk", "1"});
  if (!finished.at("already_done").as_bool()) {
    EXPECT_EQ(finished.at("days_run").as_array().back().as_string(), target);
  }
  EXPECT_EQ(Checksum(whole), Checksum(killed));
}

// The server keeps the working set between nights and reads again only the customers written since: night after
// night, with payments, contacts, promises, holds, a new customer and an assignment in between, its database ends
// each night as the one where `arrears cycle` reads the working set whole every night.
TEST_P(Cycle, AServerKeepingTheWorkingSetEqualsAWholeReadEachNight) {
  TestDatabase kept(GetParam());
  TestDatabase whole(GetParam());
  for (TestDatabase* db : {&kept, &whole}) {
    Prepare(*db);
    ASSERT_EQ(Run(*db, {"user", "add", "admin", "--role", "admin", "--password-stdin"}, kNow,
                  std::string(kPassword) + "\n").exit_status, 0);
  }
  const std::string source = ARREARS_SOURCE_DIR;
  ServerProcess server({"--db", kept.url(), "--key-file", key_, "--quiet", "--rules-dir", source + "/config/rules",
                        "--policy", source + "/config/workflow.yaml", "--strategy",
                        source + "/config/strategies/default.yaml", "--allocation", source + "/config/allocation.yaml"},
                       kNow);
  HttpClient admin(server.port());
  const HttpResponse signed_in = admin.Request(
      "POST", "/api/v1/session", json::serialize(json::object{{"login", "admin"}, {"password", kPassword}}));
  ASSERT_EQ(signed_in.status, 201) << signed_in.body;
  admin.csrf = std::string(json::parse(signed_in.body).at("csrf_token").as_string());
  const auto server_night = [&](const std::string& date) -> json::object {
    const HttpResponse started = admin.Request("POST", "/api/v1/cycle/runs", R"({"as_of":")" + date + R"("})");
    EXPECT_EQ(started.status, 202) << started.body;
    for (int i = 0; i < 600; ++i) {
      const HttpResponse response = admin.Request("GET", "/api/v1/cycle/runs/" + date);
      if (response.status == 200) {
        json::object run = json::parse(response.body).as_object();
        if (run.at("status") != "running") {
          EXPECT_EQ(run.at("status"), "finished") << response.body;
          return run.at("summary").as_object();
        }
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    ADD_FAILURE() << "the night of " << date << " did not finish";
    return {};
  };
  int files = 0;
  const auto import = [&](const std::string& kind, const std::string& text) {
    const fs::path path = dir_ / (kind + std::to_string(++files) + ".csv");
    std::ofstream(path, std::ios::binary) << text;
    for (TestDatabase* db : {&kept, &whole}) {
      const CommandResult imported = Run(*db, Workflow({"import", kind, path.string()}));
      ASSERT_EQ(imported.exit_status, 0) << imported.err;
    }
  };
  const auto work = [&](const std::string& date, std::vector<std::string> arguments) {
    for (TestDatabase* db : {&kept, &whole}) {
      const CommandResult done = Run(*db, Workflow(arguments), date + "T10:00:00+08:00");
      ASSERT_EQ(done.exit_status, 0) << done.err;
    }
  };

  json::object first = server_night("2026-11-28");
  EXPECT_EQ(first.at("whole_loads").as_int64(), 1);  // nothing kept yet
  RunCycle(whole, "2026-11-28");
  ASSERT_EQ(Checksum(kept), Checksum(whole));

  const Date start = *Date::Parse("2026-11-28");
  std::int64_t reread = 0;
  for (int night = 1; night <= 8; ++night) {
    const std::string date = start.AddDays(night).ToString();
    switch (night) {
      case 1:  // a part payment, a text message
        import("payments", std::string(kPaymentHeader) + "K1,A1,C1,2026-11-29T09:30:00+08:00,2026-11-29,500.00,CNY,"
                                                         "wechat_pay,payment,\n");
        work(date, {"case", "contact", "C4", "--channel", "sms", "--outcome", "delivered", "--contact-point", "4",
                    "--message", "您的信用卡账单已逾期，请尽快还款。回复TD退订", "--as", "sup"});
        break;
      case 2:  // a promise that falls due on night 4 and is broken
        work(date, {"case", "promise", "C2", "--amount", "1300.00", "--date", "2026-12-02", "--as", "sup"});
        break;
      case 3:  // a hold that keeps the case out of the queue
        work(date, {"case", "hold", "C3", "hardship", "--reason", "in hospital", "--as", "sup"});
        break;
      case 4:  // a new customer past due: the night opens a case and reads the customer again
        import("customers", std::string(kCustomers).substr(0, std::string(kCustomers).find('\n') + 1) +
                                "C6,周敏,resident_id,330106199107074327,1991-07-07,female,CN,Asia/Shanghai,zh-CN,"
                                "浙江省,杭州市,,\n");
        import("accounts", std::string(kAccountHeader) +
                               "A6,C6,card,CC,CNY,2023-03-01,8000.00,,,revolving,0.05%/day,,,,1,20,3,2026-12-02,0.00,"
                               "3000.00,0.00,0.00,0.00,0.00,0.00,0.00,300.00,2026-11-20,12,active,浙江省\n");
        break;
      case 5:  // paid in full: the case closes and leaves the set
        import("payments", std::string(kPaymentHeader) + "K2,A5,C5,2026-12-03T09:30:00+08:00,2026-12-03,2050.00,CNY,"
                                                         "wechat_pay,payment,\n");
        break;
      case 6:  // an assignment by a supervisor
        work(date, {"case", "assign", "C4", "c1", "--as", "sup"});
        break;
      case 7: {  // someone else runs the cycle on the server's database: the server can no longer trust its set
        const json::object other = RunCycle(kept, date);
        EXPECT_EQ(other.at("whole_loads").as_int64(), 1);
        break;
      }
      default:
        break;
    }
    const json::object summary = night == 7 ? json::object{} : server_night(date);
    RunCycle(whole, date);
    ASSERT_EQ(Checksum(kept), Checksum(whole)) << "night " << night << " (" << date << ")";
    if (night == 7) continue;
    // Night 8 follows a run by someone else: read whole. Every other night brings the kept set up to date.
    EXPECT_EQ(summary.at("whole_loads").as_int64(), night == 8 ? 1 : 0) << date;
    if (night != 8) reread += summary.at("customers_reread").as_int64();
    if (night <= 5) {
      EXPECT_GE(summary.at("customers_reread").as_int64(), 1) << date;  // the day's changes
    }
  }
  EXPECT_LE(reread, 20);  // a handful of customers each night, never the whole portfolio again
  EXPECT_EQ(server.Stop(), 0);
}

TEST_P(Cycle, BadInputIsRefusedWithTheOptionNamed) {
  TestDatabase db(GetParam());
  Prepare(db);
  const CommandResult date = Run(db, CycleArgs("2026-13-01"));
  EXPECT_EQ(date.exit_status, 2);
  EXPECT_NE(date.err.find("--as-of"), std::string::npos) << date.err;
  const fs::path strategy = dir_ / "bad.yaml";
  std::ofstream(strategy) << "name: bad\nsegments:\n  - name: a\n    when: {bucket: [M1]}\n    champion: {name: p}\n";
  CommandResult bad = Run(db, Workflow({"cycle", "--as-of", "2026-11-28", "--strategy", strategy.string()}));
  EXPECT_EQ(bad.exit_status, 2);
  EXPECT_NE(bad.err.find(strategy.string() + ":4: unknown condition 'bucket'"), std::string::npos) << bad.err;
  // Nothing was run.
  auto session = db.database().Acquire();
  EXPECT_EQ(session->Query("SELECT COUNT(*) FROM cycle_runs")[0].Int(0), 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, Cycle, ::testing::Values(Backend::kSqlite, Backend::kPostgresql),
                         [](const auto& param_info) { return BackendName(param_info.param); });

}  // namespace
}  // namespace arrears::testing
