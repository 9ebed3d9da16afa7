// The managers' reports on SQLite and PostgreSQL over a small hand-built
// portfolio whose every figure is worked out below by hand (docs/measures.md
// defines them): five cases in CNY and one in USD, their spans of facts as the
// daily cycle writes them, payments and a reversal, contacts, promises, a
// plan, a dispute and complaints. The period is September and October 2026.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "app/reports/reports.hpp"
#include "files/report_export.hpp"
#include "store/migrations.hpp"
#include "store/reports/sql_report_store.hpp"
#include "support/run_command.hpp"
#include "support/scratch_dir.hpp"
#include "support/test_database.hpp"

namespace arrears::testing {
namespace {

namespace fs = std::filesystem;
using app::Fraction;
using app::ReportCell;
using app::ReportTable;
using store::Int;
using store::Null;
using store::SqlValue;
using store::Text;

class Reports : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    auto session = db_.database().Acquire();
    store::Migrate(*session, "2026-08-01T00:00:00Z");
    Build(*session);
  }

  void Exec(store::Session& s, const std::string& sql, std::vector<SqlValue> values) {
    s.Execute(sql, values);
  }

  // The portfolio. Users: zhangwei and lina in team east, wangfang in west, wuhao of the agency 鑫达催收.
  void Build(store::Session& s) {
    int user = 0;
    for (const auto& [login, name, team, agency] : std::vector<std::array<const char*, 4>>{
             {"zhangwei", "张伟", "east", ""}, {"lina", "李娜", "east", ""}, {"wangfang", "王芳", "west", ""},
             {"wuhao", "吴昊", "", "鑫达催收"}}) {
      Exec(s,
           "INSERT INTO users (id, login, display_name, role, team, agency, created_at) VALUES ($1, $2, $3, "
           "'collector', $4, $5, '2026-08-01T00:00:00Z')",
           {Int(++user), Text(login), Text(name), *team ? Text(team) : Null(), *agency ? Text(agency) : Null()});
    }
    // Customer k has account k and case 10 + k; products and regions as listed.
    const std::vector<std::array<const char*, 3>> accounts = {{"loan", "上海", "CNY"}, {"loan", "上海", "CNY"},
                                                              {"loan", "北京", "CNY"}, {"card", "上海", "CNY"},
                                                              {"card", "北京", "CNY"}, {"loan", "上海", "USD"}};
    for (std::size_t i = 0; i < accounts.size(); ++i) {
      const auto k = static_cast<std::int64_t>(i + 1);
      const auto& [product, region, currency] = accounts[i];
      Exec(s,
           "INSERT INTO customers (id, customer_ref, name, id_type, id_number_cipher, id_number_index, "
           "id_number_masked, jurisdiction, time_zone, language, created_at, updated_at) VALUES ($1, $2, '客户', "
           "'resident_id', 'x', $2, 'x', 'CN', 'Asia/Shanghai', 'zh', '2026-08-01T00:00:00Z', '2026-08-01T00:00:00Z')",
           {Int(k), Text("C" + std::to_string(k))});
      Exec(s,
           "INSERT INTO accounts (customer_id, id, account_ref, product_type, product_code, currency, opened_on, "
           "repayment_method, rate_billionths, rate_period, due_day, balance_date, principal_not_due, "
           "principal_overdue, interest_overdue, penalty_interest, compound_interest, late_fee, installment_fee, "
           "other_fee, days_past_due, status, region, created_at, updated_at) VALUES ($1, $1, $2, $3, 'P1', $4, "
           "'2025-01-01', 'annuity', 0, 'year', 1, '2026-08-01', 0, 0, 0, 0, 0, 0, 0, 0, 0, 'active', $5, "
           "'2026-08-01T00:00:00Z', '2026-08-01T00:00:00Z')",
           {Int(k), Text("A" + std::to_string(k)), Text(product), Text(currency), Text(region)});
    }
    // Cases: 12 was paid in full on 10-09 and closed that day.
    for (std::int64_t k = 1; k <= 6; ++k) {
      const bool closed = k == 2;
      Exec(s,
           "INSERT INTO cases (customer_id, id, stage, owner, currency, opened_at, stage_changed_at, closed_at, "
           "close_reason, updated_at) VALUES ($1, $2, $3, NULL, $4, '2026-08-01T00:00:00Z', "
           "'2026-08-01T00:00:00Z', $5, $6, '2026-08-01T00:00:00Z')",
           {Int(k), Int(10 + k), Text(closed ? "closed" : "early"), Text(k == 6 ? "USD" : "CNY"),
            closed ? Text("2026-10-09T12:00:00Z") : Null(), closed ? Text("paid_in_full") : Null()});
      Exec(s,
           "INSERT INTO case_accounts (customer_id, case_id, account_id, added_at) VALUES ($1, $2, $1, "
           "'2026-08-01T00:00:00Z')",
           {Int(k), Int(10 + k)});
    }
    // Spans: (customer, from, to, bucket, owed, segment, arm, owner, agency).
    struct Span {
      std::int64_t customer;
      const char* from;
      const char* to;
      const char* bucket;
      std::int64_t owed;
      const char* segment;
      const char* arm;
      const char* owner;
      const char* agency;
    };
    for (const Span& f : std::vector<Span>{
             {1, "2026-08-15", "2026-09-10", "M1", 100000, "early", "champion", "zhangwei", ""},
             {1, "2026-09-10", "2026-10-05", "M2", 110000, "early", "champion", "zhangwei", ""},
             {1, "2026-10-05", nullptr, "M2", 60000, "early", "champion", "lina", ""},
             {2, "2026-08-20", "2026-09-25", "M1", 200000, "early", "challenger", "zhangwei", ""},
             {2, "2026-09-25", "2026-10-10", "M2", 205000, "early", "challenger", "zhangwei", ""},
             {3, "2026-09-05", "2026-10-05", "M1", 50000, "early", "champion", "wangfang", ""},
             {3, "2026-10-05", nullptr, "M2", 52000, "early", "champion", "wangfang", ""},
             {4, "2026-07-01", "2026-09-15", "M4", 300000, "late", "champion", "wangfang", ""},
             {4, "2026-09-15", nullptr, "M5", 310000, "late", "champion", "wuhao", "鑫达催收"},
             {5, "2026-10-03", nullptr, "M1", 80000, "early", "challenger", "lina", ""},
             {6, "2026-09-01", nullptr, "M1", 99999, "early", "champion", "zhangwei", ""},
         }) {
      Exec(s,
           "INSERT INTO case_facts (customer_id, case_id, valid_from, valid_to, bucket, overdue_since, "
           "days_past_due, owed, anchor_owed, segment, arm, owner, agency) VALUES ($1, $2, $3, $4, $5, NULL, 1, $6, "
           "$6, $7, $8, $9, $10)",
           {Int(f.customer), Int(10 + f.customer), Text(f.from), f.to ? Text(f.to) : Null(), Text(f.bucket),
            Int(f.owed), Text(f.segment), Text(f.arm), Text(f.owner), *f.agency ? Text(f.agency) : Null()});
    }
    // Bucket moves: 3 and 5 went from current into M1 (entered collection) on 09-05 and 10-03; 1's first bucket was
    // recorded before the period.
    for (const auto& [customer, on, from, to] : std::vector<std::tuple<int, const char*, const char*, const char*>>{
             {1, "2026-08-15", nullptr, "M1"}, {3, "2026-09-05", "M0", "M1"}, {5, "2026-10-03", "M0", "M1"},
             {3, "2026-10-05", "M1", "M2"}}) {
      Exec(s,
           "INSERT INTO bucket_moves (customer_id, account_id, moved_on, from_bucket, to_bucket, days_past_due) "
           "VALUES ($1, $1, $2, $3, $4, 1)",
           {Int(customer), Text(on), from ? Text(from) : Null(), Text(to)});
    }
    // Payments: (customer, id, value date, amount, kind).
    int payment = 0;
    for (const auto& [customer, date, amount, kind] : std::vector<std::tuple<int, const char*, int, const char*>>{
             {1, "2026-10-04", 50000, "payment"},
             {1, "2026-10-20", 10000, "payment"},
             {1, "2026-08-25", 7777, "payment"},  // before the period
             {2, "2026-10-09", 205000, "payment"},
             {3, "2026-09-20", 5000, "payment"},
             {3, "2026-09-22", 5000, "reversal"},
             {3, "2026-10-25", 8000, "payment"},
             {4, "2026-10-01", 31000, "payment"},
             {6, "2026-10-01", 99999, "payment"},  // USD
         }) {
      ++payment;
      Exec(s,
           "INSERT INTO payments (customer_id, id, account_id, payment_ref, paid_at, value_date, amount, currency, "
           "channel, kind, created_at) VALUES ($1, $2, $1, $3, $4, $4, $5, $6, 'bank', $7, $4)",
           {Int(customer), Int(payment), Text("P" + std::to_string(payment)), Text(date), Int(amount),
            Text(customer == 6 ? "USD" : "CNY"), Text(kind)});
    }
    // Contacts: (customer, at, actor, channel, outcome, verdict, made).
    int contact = 0;
    for (const auto& [customer, at, actor, channel, outcome, verdict, made] :
         std::vector<std::tuple<int, const char*, const char*, const char*, const char*, const char*, int>>{
             {1, "2026-09-11T02:00:00Z", "zhangwei", "call", "no_answer", "allow", 1},
             {1, "2026-09-12T02:00:00Z", "zhangwei", "call", "right_party_contact", "allow", 1},
             {1, "2026-09-12T03:00:00Z", "zhangwei", "call", "promise", "allow", 1},
             {2, "2026-09-20T02:00:00Z", "zhangwei", "call", "third_party", "allow", 1},
             {2, "2026-09-20T13:30:00Z", "zhangwei", "call", "", "block", 0},  // refused: a compliance hit
             {5, "2026-10-18T02:00:00Z", "lina", "call", "voicemail", "warn", 1},
             {5, "2026-10-18T03:00:00Z", "lina", "call", "promise", "allow", 1},
             {5, "2026-10-19T03:00:00Z", "lina", "sms", "delivered", "allow", 1},  // a message, not an attempt
             {3, "2026-10-06T03:00:00Z", "wangfang", "visit", "visited_met", "allow", 1},
             {6, "2026-10-06T03:00:00Z", "zhangwei", "call", "right_party_contact", "allow", 1},  // USD
             {1, "2026-11-02T03:00:00Z", "lina", "call", "promise", "allow", 1},  // after the period
         }) {
      Exec(s,
           "INSERT INTO contact_attempts (customer_id, id, case_id, at, actor, channel, direction, party, outcome, "
           "verdict, decision, made) VALUES ($1, $2, $3, $4, $5, $6, 'outbound', 'debtor', $7, $8, '', $9)",
           {Int(customer), Int(++contact), Int(10 + customer), Text(at), Text(actor), Text(channel),
            *outcome ? Text(outcome) : Null(), Text(verdict), Int(made)});
    }
    // Promises: (customer, made on, due on, amount, status, by).
    int promise = 0;
    for (const auto& [customer, made_on, due, amount, status, by] :
         std::vector<std::tuple<int, const char*, const char*, int, const char*, const char*>>{
             {1, "2026-09-12", "2026-10-04", 50000, "kept", "zhangwei"},
             {2, "2026-09-20", "2026-09-30", 20000, "broken", "zhangwei"},
             {5, "2026-10-18", "2026-10-20", 10000, "kept", "lina"},
             {5, "2026-10-25", "2026-11-05", 5000, "open", "lina"},
         }) {
      Exec(s,
           "INSERT INTO promises (customer_id, id, case_id, amount, currency, promised_on, made_on, channel, status, "
           "created_by, created_at) VALUES ($1, $2, $3, $4, 'CNY', $5, $6, 'call', $7, $8, $6)",
           {Int(customer), Int(++promise), Int(10 + customer), Int(amount), Text(due), Text(made_on), Text(status),
            Text(by)});
    }
    // Plans: wangfang's for case 13 came into force with 20.00 waived (15.00 penalty interest, 5.00 late fee),
    // approved by the supervisor zhaolei; a rejected one does not count; lina's for case 15 waived 3.00 of other
    // fees within her own authority.
    for (const auto& [customer, id, status, waived, waiver, by, decided] :
         std::vector<std::tuple<int, int, const char*, int, const char*, const char*, const char*>>{
             {3, 1, "active", 2000, "penalty_interest=1000000|penalty_interest=1500,late_fee=500", "wangfang",
              "2026-10-06T04:00:00Z"},
             {3, 2, "rejected", 9000, "|penalty_interest=9000", "wangfang", "2026-10-06T04:00:00Z"},
             {5, 3, "active", 300, "other_fee=1000000|other_fee=300", "lina", "2026-10-21T04:00:00Z"}}) {
      Exec(s,
           "INSERT INTO arrangements (customer_id, id, case_id, kind, status, periods, currency, owed, waived, "
           "to_pay, waiver, created_by, created_at, decided_at) VALUES ($1, $2, $3, 'installment', $4, 3, 'CNY', "
           "52000, $5, 50000, $6, $7, $8, $8)",
           {Int(customer), Int(id), Int(10 + customer), Text(status), Int(waived), Text(waiver), Text(by),
            Text(decided)});
    }
    Exec(s,
         "INSERT INTO approvals (customer_id, id, case_id, subject, subject_id, reasons, status, requested_by, "
         "requested_at, expires_at, decided_by, decided_at) VALUES (3, 1, 13, 'arrangement', 1, 'waiver', 'approved', "
         "'wangfang', '2026-10-06T03:00:00Z', '2026-10-09T03:00:00Z', 'zhaolei', '2026-10-06T04:00:00Z')",
         {});
    // A service complaint on case 11 while zhangwei held it; a dispute of the amount on wangfang's case 13;
    // a complaint hold on lina's case 15.
    for (const auto& [customer, id, kind, at] : std::vector<std::tuple<int, int, const char*, const char*>>{
             {1, 1, "service_complaint", "2026-10-01T03:00:00Z"}, {3, 2, "amount_or_fee", "2026-10-12T03:00:00Z"}}) {
      Exec(s,
           "INSERT INTO case_holds (customer_id, id, case_id, kind, reason, placed_by, placed_at) VALUES ($1, $2, $3, "
           "'dispute', 'x', 'x', $4)",
           {Int(customer), Int(id), Int(10 + customer), Text(at)});
      Exec(s,
           "INSERT INTO disputes (customer_id, id, case_id, account_id, kind, description, status, hold_id, "
           "opened_by, opened_at) VALUES ($1, $2, $3, $1, $4, 'x', 'open', $2, 'x', $5)",
           {Int(customer), Int(id), Int(10 + customer), Text(kind), Text(at)});
    }
    Exec(s,
         "INSERT INTO case_holds (customer_id, id, case_id, kind, reason, placed_by, placed_at) VALUES (5, 3, 15, "
         "'complaint', 'x', 'x', '2026-10-20T03:00:00Z')",
         {});
  }

  app::ReportRun Report(const std::string& name, app::Parameters extra = {}) {
    app::Parameters parameters = {{"from", "2026-09-01"}, {"to", "2026-10-31"}};
    parameters.insert(parameters.end(), extra.begin(), extra.end());
    auto filter = app::ParseReportFilter(parameters);
    EXPECT_TRUE(filter.has_value()) << filter.error().message;
    auto session = db_.database().Acquire();
    store::SqlReportStore store(*session);
    // The cases behind the figures too, where the report has them.
    auto run = app::RunReport(store, name, *filter, name != "promises" && name != "entries");
    EXPECT_TRUE(run.has_value()) << run.error().message;
    return std::move(*run);
  }

  TestDatabase db_{GetParam()};
};

// The row whose first cell is `key` (and second `second`, when given).
const app::ReportRow& RowOf(const ReportTable& t, const std::string& key, const std::string& second = {}) {
  for (const app::ReportRow& row : t.rows) {
    if (std::get<std::string>(row.cells[0]) == key &&
        (second.empty() || std::get<std::string>(row.cells[1]) == second)) {
      return row;
    }
  }
  throw std::runtime_error("no row " + key + " " + second + " in " + t.name);
}

std::int64_t IntAt(const ReportTable& t, const app::ReportRow& row, const std::string& column) {
  return std::get<std::int64_t>(row.cells.at(t.ColumnIndex(column)));
}
Fraction RateAt(const ReportTable& t, const app::ReportRow& row, const std::string& column) {
  return std::get<Fraction>(row.cells.at(t.ColumnIndex(column)));
}
std::vector<std::int64_t> CasesOf(const app::ReportRun& run) {
  std::vector<std::int64_t> ids;
  for (const app::ReportCase& c : run.cases) ids.push_back(c.case_id);
  std::sort(ids.begin(), ids.end());
  return ids;
}

TEST_P(Reports, AgingIsTheStateOnTheLastDay) {
  // On 10-31: case 11 M2 600.00 (its latest span), 13 M2 520.00, 14 M5 3,100.00, 15 M1 800.00; case 12 closed
  // on 10-09 and case 16 is in USD. Total 4 cases, 5,020.00.
  const auto run = Report("aging");
  const ReportTable& t = run.table;
  ASSERT_EQ(t.rows.size(), 3u);
  EXPECT_EQ(std::get<std::string>(t.rows[0].cells[0]), "M1");
  EXPECT_EQ(IntAt(t, RowOf(t, "M2"), "cases"), 2);
  EXPECT_EQ(IntAt(t, RowOf(t, "M2"), "balance"), 112000);
  EXPECT_EQ(RateAt(t, RowOf(t, "M2"), "share_of_cases"), (Fraction{2, 4}));
  EXPECT_EQ(RateAt(t, RowOf(t, "M1"), "share_of_balance"), (Fraction{80000, 502000}));
  EXPECT_EQ(IntAt(t, *t.totals, "balance"), 502000);
  EXPECT_EQ(CasesOf(run), (std::vector<std::int64_t>{11, 13, 14, 15}));
  // By product: loans 11 and 13 in M2; cards 14 (M5) and 15 (M1).
  const auto by = Report("aging", {{"by", "product"}});
  EXPECT_EQ(IntAt(by.table, RowOf(by.table, "loan", "M2"), "balance"), 112000);
  EXPECT_EQ(IntAt(by.table, RowOf(by.table, "card", "M5"), "cases"), 1);
  // Drill-down: the cases behind M2.
  EXPECT_EQ(CasesOf(Report("aging", {{"bucket", "M2"}})), (std::vector<std::int64_t>{11, 13}));
  // Filters: region 北京 leaves cases 13 and 15.
  EXPECT_EQ(IntAt(Report("aging", {{"region", "北京"}}).table, *Report("aging", {{"region", "北京"}}).table.totals,
                  "cases"),
            2);
}

TEST_P(Reports, AgingTrendAtEachMonthEnd) {
  // 09-30: 11 M2 1,100.00 (span from 09-10), 12 M2 2,050.00, 13 M1 500.00, 14 M5 3,100.00 -> M2 is 3,150 of 6,750.
  // 10-31: as the aging above (M1 800.00, M2 1,120.00, M5 3,100.00).
  const auto run = Report("aging", {{"by", "month"}});
  const ReportTable& t = run.table;
  EXPECT_EQ(IntAt(t, RowOf(t, "2026-09", "M2"), "balance"), 315000);
  EXPECT_EQ(RateAt(t, RowOf(t, "2026-09", "M2"), "share_of_balance"), (Fraction{315000, 675000}));
  EXPECT_EQ(IntAt(t, RowOf(t, "2026-10", "M2"), "balance"), 112000);
  EXPECT_EQ(t.rows.size(), 6u);  // Sep M1, M2, M5; Oct M1, M2, M5
  EXPECT_FALSE(t.totals.has_value());
  EXPECT_EQ(CasesOf(Report("aging", {{"by", "month"}, {"month", "2026-09"}, {"bucket", "M2"}})),
            (std::vector<std::int64_t>{11, 12}));
}

TEST_P(Reports, RollRatesMonthOnMonth) {
  const auto run = Report("roll-rates");
  const ReportTable& t = run.table;
  // September (08-31 -> 09-30): cases 11 (M1 1,000.00 -> M2 1,100.00) and 12 (M1 2,000.00 -> M2 2,050.00);
  // 14 (M4 3,000.00 -> M5 3,100.00).
  const auto& sep_m1 = RowOf(t, "2026-09", "M1");
  EXPECT_EQ(IntAt(t, sep_m1, "cases"), 2);
  EXPECT_EQ(IntAt(t, sep_m1, "balance"), 300000);
  EXPECT_EQ(RateAt(t, sep_m1, "to_M2"), (Fraction{300000, 300000}));
  // DOMAIN's roll forward: this month's balance in M2 over last month's in M1 = 3,150.00 / 3,000.00.
  EXPECT_EQ(RateAt(t, sep_m1, "roll_forward"), (Fraction{315000, 300000}));
  EXPECT_EQ(RateAt(t, RowOf(t, "2026-09", "M4"), "roll_forward"), (Fraction{310000, 300000}));
  // October (09-30 -> 10-31): in M2 were 11 (1,100.00, stays M2) and 12 (2,050.00, paid in full): shares by
  // September's balance 1,100 / 3,150 and 2,050 / 3,150; nothing rolled to M3; one case of two cured.
  const auto& oct_m2 = RowOf(t, "2026-10", "M2");
  EXPECT_EQ(RateAt(t, oct_m2, "to_M2"), (Fraction{110000, 315000}));
  EXPECT_EQ(RateAt(t, oct_m2, "to_paid_in_full"), (Fraction{205000, 315000}));
  EXPECT_EQ(RateAt(t, oct_m2, "roll_forward"), (Fraction{0, 315000}));
  EXPECT_EQ(RateAt(t, oct_m2, "cure_rate"), (Fraction{1, 2}));
  // Case 13 entered in September (M1 500.00) and rolled to M2 (520.00).
  EXPECT_EQ(RateAt(t, RowOf(t, "2026-10", "M1"), "roll_forward"), (Fraction{52000, 50000}));
  EXPECT_EQ(t.rows.size(), 5u);  // Sep M1, Sep M4, Oct M1, Oct M2, Oct M5
  // Drill-down: who went from M2 to paid in full in October.
  EXPECT_EQ(CasesOf(Report("roll-rates", {{"month", "2026-10"}, {"bucket", "M2"}, {"to_state", "paid_in_full"}})),
            (std::vector<std::int64_t>{12}));
}

TEST_P(Reports, RecoveryByEntryCohortWithItsCurve) {
  // Entered in the period: 13 on 09-05 (500.00; collected 50.00 - 50.00 reversed + 80.00 = 80.00, all in October)
  // and 15 on 10-03 (800.00, nothing). 11, 12 and 14 were in collection before September.
  const auto run = Report("recovery");
  const ReportTable& t = run.table;
  ASSERT_EQ(t.rows.size(), 2u);
  const auto& sep = RowOf(t, "2026-09");
  EXPECT_EQ(IntAt(t, sep, "placed"), 50000);
  EXPECT_EQ(IntAt(t, sep, "collected"), 8000);
  EXPECT_EQ(RateAt(t, sep, "recovery_rate"), (Fraction{8000, 50000}));
  EXPECT_EQ(RateAt(t, sep, "mob_0"), (Fraction{0, 50000}));  // through September: paid and reversed
  EXPECT_EQ(RateAt(t, sep, "mob_1"), (Fraction{8000, 50000}));
  const auto& oct = RowOf(t, "2026-10");
  EXPECT_EQ(RateAt(t, oct, "mob_0"), (Fraction{0, 80000}));
  EXPECT_TRUE(std::holds_alternative<std::monostate>(oct.cells[t.ColumnIndex("mob_1")]));  // November: not yet
  EXPECT_EQ(IntAt(t, *t.totals, "placed"), 130000);
  EXPECT_EQ(CasesOf(Report("recovery", {{"cohort", "2026-09"}})), (std::vector<std::int64_t>{13}));
}

TEST_P(Reports, RecoveryByWhoHeldTheCases) {
  // Holdings in the period, collected between taking and letting go:
  //   zhangwei: 11 from 09-01 to 10-05 (placed 1,000.00 on its first span; 500.00 on 10-04)
  //             12 from 09-01 to its close (2,000.00; 2,050.00 on 10-09)          -> 3,000.00, 2,550.00
  //   lina:     11 from 10-05 (600.00; 100.00 on 10-20), 15 from 10-03 (800.00)  -> 1,400.00, 100.00
  //   wangfang: 13 (500.00; 80.00), 14 until 09-15 (3,000.00; nothing)           -> 3,500.00, 80.00
  //   wuhao:    14 from 09-15 (3,100.00; 310.00 on 10-01)                         -> 3,100.00, 310.00
  const auto run = Report("recovery", {{"by", "collector"}});
  const ReportTable& t = run.table;
  EXPECT_EQ(IntAt(t, RowOf(t, "zhangwei"), "placed"), 300000);
  EXPECT_EQ(IntAt(t, RowOf(t, "zhangwei"), "collected"), 255000);
  EXPECT_EQ(IntAt(t, RowOf(t, "lina"), "cases"), 2);
  EXPECT_EQ(IntAt(t, RowOf(t, "lina"), "collected"), 10000);
  EXPECT_EQ(IntAt(t, RowOf(t, "wangfang"), "placed"), 350000);
  EXPECT_EQ(RateAt(t, RowOf(t, "wuhao"), "recovery_rate"), (Fraction{31000, 310000}));
  EXPECT_EQ(IntAt(t, *t.totals, "collected"), 304000);
  // Team east is zhangwei and lina.
  const auto east = Report("recovery", {{"by", "collector"}, {"team", "east"}});
  EXPECT_EQ(east.table.rows.size(), 2u);
  EXPECT_EQ(IntAt(east.table, *east.table.totals, "collected"), 265000);
  // By agency: only 14's placement.
  const auto agencies = Report("recovery", {{"by", "agency"}});
  ASSERT_EQ(agencies.table.rows.size(), 1u);
  EXPECT_EQ(IntAt(agencies.table, RowOf(agencies.table, "鑫达催收"), "collected"), 31000);
  EXPECT_EQ(CasesOf(Report("recovery", {{"by", "collector"}, {"collector", "zhangwei"}})),
            (std::vector<std::int64_t>{11, 12}));
}

TEST_P(Reports, ContactsPromisesAndPlans) {
  const auto run = Report("promises");
  const ReportTable& t = run.table;
  // zhangwei: four calls made (no answer, RPC, promise, third party): three reached a person, two were with the
  // debtor; the blocked call is not an attempt. Two promises (700.00) made, both due in the period, one kept.
  const auto& z = RowOf(t, "zhangwei");
  EXPECT_EQ(IntAt(t, z, "attempts"), 4);
  EXPECT_EQ(RateAt(t, z, "contact_rate"), (Fraction{3, 4}));
  EXPECT_EQ(RateAt(t, z, "rpc_rate"), (Fraction{2, 4}));
  EXPECT_EQ(RateAt(t, z, "promise_rate"), (Fraction{2, 2}));
  EXPECT_EQ(IntAt(t, z, "promised"), 70000);
  EXPECT_EQ(RateAt(t, z, "kept_rate"), (Fraction{1, 2}));
  EXPECT_EQ(IntAt(t, z, "complaints"), 1);  // case 11's complaint came while zhangwei held it
  // lina: two calls (voicemail, promise), the SMS not counted; one promise due (kept); the other due in November.
  const auto& l = RowOf(t, "lina");
  EXPECT_EQ(IntAt(t, l, "attempts"), 2);
  EXPECT_EQ(IntAt(t, l, "right_party"), 1);
  EXPECT_EQ(IntAt(t, l, "promises"), 2);
  EXPECT_EQ(IntAt(t, l, "promises_due"), 1);
  EXPECT_EQ(IntAt(t, l, "complaints"), 1);
  // wangfang: a visit that met the debtor; a plan in force with 20.00 waived (the rejected one not counted); a
  // dispute of the amount.
  const auto& w = RowOf(t, "wangfang");
  EXPECT_EQ(RateAt(t, w, "rpc_rate"), (Fraction{1, 1}));
  EXPECT_EQ(IntAt(t, w, "plans_granted"), 1);
  EXPECT_EQ(IntAt(t, w, "waived"), 2000);
  EXPECT_EQ(IntAt(t, w, "disputes"), 1);
  EXPECT_EQ(IntAt(t, l, "plans_granted"), 1);
  EXPECT_EQ(IntAt(t, *t.totals, "waived"), 2300);
  EXPECT_EQ(IntAt(t, *t.totals, "attempts"), 7);
  EXPECT_EQ(RateAt(t, *t.totals, "kept_rate"), (Fraction{2, 3}));
  // By month: September is zhangwei's calls.
  const auto months = Report("promises", {{"by", "month"}});
  EXPECT_EQ(IntAt(months.table, RowOf(months.table, "2026-09"), "attempts"), 4);
}

TEST_P(Reports, WaiversByApproverAndComponent) {
  // zhaolei approved wangfang's 15.00 of penalty interest and 5.00 of late fee; lina waived 3.00 of other fees
  // within her authority (the approver is then herself). The rejected plan's 90.00 is not a waiver.
  auto session = db_.database().Acquire();
  store::SqlReportStore store(*session);
  const auto filter = app::ParseReportFilter({{"from", "2026-09-01"}, {"to", "2026-10-31"}});
  const auto run = app::RunReport(store, "waivers", *filter);
  ASSERT_TRUE(run.has_value()) << run.error().message;
  const ReportTable& t = run->table;
  ASSERT_EQ(t.rows.size(), 3u);
  EXPECT_EQ(IntAt(t, RowOf(t, "zhaolei", "penalty_interest"), "waived"), 1500);
  EXPECT_EQ(IntAt(t, RowOf(t, "zhaolei", "late_fee"), "waived"), 500);
  EXPECT_EQ(IntAt(t, RowOf(t, "lina", "other_fee"), "plans"), 1);
  EXPECT_EQ(IntAt(t, *t.totals, "plans"), 2);
  EXPECT_EQ(RateAt(t, RowOf(t, "zhaolei", "penalty_interest"), "share"), (Fraction{1500, 2300}));
  auto by = *filter;
  by.by = "component";
  const auto components = app::RunReport(store, "waivers", by);
  ASSERT_TRUE(components.has_value());
  EXPECT_EQ(IntAt(components->table, RowOf(components->table, "other_fee"), "waived"), 300);
  EXPECT_EQ(components->table.rows.size(), 3u);
}

// With every case in one currency the activity is read without joining the cases: the same counts.
TEST_P(Reports, ABookInOneCurrencyCountsTheSame) {
  const auto before = Report("promises");
  {
    auto session = db_.database().Acquire();
    for (const char* table : {"contact_attempts", "payments", "case_facts", "case_accounts"}) {
      session->Execute(std::string("DELETE FROM ") + table + " WHERE customer_id = 6");
    }
    session->Execute("DELETE FROM cases WHERE customer_id = 6");
  }
  const auto after = Report("promises");
  ASSERT_EQ(after.table.rows.size(), before.table.rows.size());
  for (std::size_t i = 0; i < after.table.rows.size(); ++i) EXPECT_EQ(after.table.rows[i].cells, before.table.rows[i].cells);
  EXPECT_EQ(IntAt(after.table, *after.table.totals, "attempts"), 7);
}

TEST_P(Reports, EntryRateOfTheActiveAccounts) {
  // Five CNY accounts, all active since 2025: one entered in September (3), one in October (5); the move of 3
  // from M1 to M2 and 1's first bucket are not entries.
  const auto run = Report("entries");
  const ReportTable& t = run.table;
  ASSERT_EQ(t.rows.size(), 2u);
  EXPECT_EQ(IntAt(t, RowOf(t, "2026-09"), "active"), 5);
  EXPECT_EQ(RateAt(t, RowOf(t, "2026-09"), "entry_rate"), (Fraction{1, 5}));
  EXPECT_EQ(RateAt(t, RowOf(t, "2026-10"), "entry_rate"), (Fraction{1, 5}));
  // By product: card 5 entered in October, of two active cards.
  const auto cards = Report("entries", {{"by", "product"}});
  EXPECT_EQ(RateAt(cards.table, RowOf(cards.table, "2026-10", "card"), "entry_rate"), (Fraction{1, 2}));
  EXPECT_EQ(RateAt(cards.table, RowOf(cards.table, "2026-10", "loan"), "entry_rate"), (Fraction{0, 3}));
}

TEST_P(Reports, DailyCollections) {
  // 61 days, the quiet ones included. 10-01: 310.00 on case 14 (the USD payment that day is not counted);
  // 09-20 and 09-22: 50.00 paid and reversed on case 13; 10-09: 2,050.00 on case 12. In all
  // 500 + 100 + 2,050 + 50 - 50 + 80 + 310 = 3,040.00 (08-25's 77.77 is before the period).
  const auto run = Report("collections");
  const ReportTable& t = run.table;
  ASSERT_EQ(t.rows.size(), 61u);
  EXPECT_EQ(IntAt(t, RowOf(t, "2026-10-01"), "collected"), 31000);
  EXPECT_EQ(IntAt(t, RowOf(t, "2026-09-22"), "collected"), -5000);
  EXPECT_EQ(IntAt(t, RowOf(t, "2026-09-01"), "payments"), 0);
  EXPECT_EQ(IntAt(t, *t.totals, "collected"), 304000);
  // A collector's: zhangwei held 11 and 12 until 10-05 and 12's close: 500.00 on 10-04 and 2,050.00 on 10-09.
  const auto mine = Report("collections", {{"collector", "zhangwei"}});
  EXPECT_EQ(IntAt(mine.table, *mine.table.totals, "collected"), 255000);
  EXPECT_EQ(CasesOf(Report("collections", {{"from", "2026-10-09"}, {"to", "2026-10-09"}})),
            (std::vector<std::int64_t>{12}));
}

TEST_P(Reports, ScorecardsWeighResultsAgainstQuality) {
  // Recovery: zhangwei 2,550 / 3,000 = 0.85 (the best), wuhao 0.1, lina 100 / 1,400, wangfang 80 / 3,500.
  // zhangwei: 50 × 1 + 25 × 1/2 kept + quality 25 × max(0, 1 − 10 × (1 hit + 3 × 1 complaint) / 4) = 0 -> 62.5
  // wuhao:    50 × 0.1 / 0.85 = 5.882 + 25 (no promises due) + 25 (no faults) -> 55.882
  // wangfang: 50 × (80 / 3,500) / 0.85 = 1.345 + 25 + 25 (a dispute is not a fault) -> 51.345
  // lina:     50 × (100 / 1,400) / 0.85 = 4.202 + 25 × 1/1 + 25 × max(0, 1 − 10 × (1 + 3) / 2) = 0 -> 29.202
  const auto run = Report("collectors");
  const ReportTable& t = run.table;
  ASSERT_EQ(t.rows.size(), 4u);
  std::vector<std::string> order;
  for (const auto& row : t.rows) order.push_back(std::get<std::string>(row.cells[0]));
  EXPECT_EQ(order, (std::vector<std::string>{"zhangwei", "wuhao", "wangfang", "lina"}));
  EXPECT_EQ(IntAt(t, RowOf(t, "zhangwei"), "score"), 62500);
  EXPECT_EQ(IntAt(t, RowOf(t, "wuhao"), "score"), 55882);
  EXPECT_EQ(IntAt(t, RowOf(t, "wangfang"), "score"), 51345);
  EXPECT_EQ(IntAt(t, RowOf(t, "lina"), "score"), 29202);
  EXPECT_EQ(std::get<std::string>(RowOf(t, "zhangwei").cells[t.ColumnIndex("name")]), "张伟");
  EXPECT_EQ(IntAt(t, RowOf(t, "zhangwei"), "compliance_hits"), 1);
}

TEST_P(Reports, ChampionAgainstChallengerWithItsInterval) {
  // early/champion: 11 (x 1,000, y 600: one holding across its owners) and 13 (500, 80): R1 = 680 / 1,500
  // early/challenger: 12 (2,000, 2,050) and 15 (800, 0): R2 = 2,050 / 2,800
  // Var(R) = Σ(y − R·x)² / (n (n − 1) x̄²); the interval is (R2 − R1) ± 1.959964 √(Var1 + Var2).
  const auto run = Report("strategies");
  const ReportTable& t = run.table;
  const auto& champion = RowOf(t, "early", "champion");
  const auto& challenger = RowOf(t, "early", "challenger");
  EXPECT_EQ(RateAt(t, champion, "recovery_rate"), (Fraction{68000, 150000}));
  EXPECT_EQ(RateAt(t, challenger, "recovery_rate"), (Fraction{205000, 280000}));
  const double r1 = 68000.0 / 150000;
  const double r2 = 205000.0 / 280000;
  const double v1 = (std::pow(60000 - r1 * 100000, 2) + std::pow(8000 - r1 * 50000, 2)) / (2 * 1 * 75000.0 * 75000);
  const double v2 = (std::pow(205000 - r2 * 200000, 2) + std::pow(0 - r2 * 80000, 2)) / (2 * 1 * 140000.0 * 140000);
  const double half = 1.959964 * std::sqrt(v1 + v2);
  EXPECT_NEAR(RateAt(t, challenger, "difference").value(), r2 - r1, 1e-6);
  EXPECT_NEAR(RateAt(t, challenger, "ci_low").value(), r2 - r1 - half, 2e-6);
  EXPECT_NEAR(RateAt(t, challenger, "ci_high").value(), r2 - r1 + half, 2e-6);
  EXPECT_TRUE(std::holds_alternative<std::monostate>(champion.cells[t.ColumnIndex("difference")]));
  // late has no challenger: no comparison.
  EXPECT_TRUE(std::holds_alternative<std::monostate>(
      RowOf(t, "late", "champion").cells[t.ColumnIndex("difference")]));
}

TEST_P(Reports, AgenciesPlacementsAndTheirWork) {
  const auto run = Report("agencies");
  const ReportTable& t = run.table;
  ASSERT_EQ(t.rows.size(), 1u);
  EXPECT_EQ(IntAt(t, t.rows[0], "placements"), 1);
  EXPECT_EQ(IntAt(t, t.rows[0], "placed"), 310000);
  EXPECT_EQ(RateAt(t, t.rows[0], "recovery_rate"), (Fraction{31000, 310000}));
  EXPECT_EQ(CasesOf(run), (std::vector<std::int64_t>{14}));
}

TEST_P(Reports, BadRequestsNameWhatIsWrong) {
  auto session = db_.database().Acquire();
  store::SqlReportStore store(*session);
  const auto filter = app::ParseReportFilter({{"from", "2026-09-01"}, {"to", "2026-10-31"}, {"by", "region"}});
  ASSERT_TRUE(filter.has_value());
  const auto unknown = app::RunReport(store, "profit", *filter);
  ASSERT_FALSE(unknown.has_value());
  EXPECT_EQ(unknown.error().code, ErrorCode::kNotFound);
  const auto grouping = app::RunReport(store, "collectors", *filter);
  ASSERT_FALSE(grouping.has_value());
  EXPECT_EQ(grouping.error().field, "by");
  EXPECT_EQ(app::ParseReportFilter({{"from", "2026-09-01"}}).error().field, "to");
  EXPECT_EQ(app::ParseReportFilter({{"from", "2026-09-31"}, {"to", "2026-10-31"}}).error().field, "from");
  EXPECT_EQ(app::ParseReportFilter({{"from", "2026-11-01"}, {"to", "2026-10-31"}}).error().field, "to");
  EXPECT_EQ(app::ParseReportFilter({{"from", "2026-09-01"}, {"to", "2026-10-31"}, {"colour", "red"}}).error().field,
            "colour");
  EXPECT_EQ(
      app::ParseReportFilter({{"from", "2026-09-01"}, {"to", "2026-10-31"}, {"strategy", "early/blue"}}).error().field,
      "strategy");
}

// One CSV record per line (the files here have no line breaks inside fields).
std::vector<std::vector<std::string>> ParseCsv(const std::string& text) {
  std::vector<std::vector<std::string>> records;
  std::istringstream lines(text);
  std::string line;
  while (std::getline(lines, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (records.empty() && line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);
    std::vector<std::string> fields(1);
    bool quoted = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
      const char c = line[i];
      if (quoted && c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        fields.back() += '"';
        ++i;
      } else if (c == '"') {
        quoted = !quoted;
      } else if (c == ',' && !quoted) {
        fields.emplace_back();
      } else {
        fields.back() += c;
      }
    }
    records.push_back(std::move(fields));
  }
  return records;
}

std::string Slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// The XLSX files, opened by a real spreadsheet program (LibreOffice, headless) and saved as CSV as shown, hold
// the figures the screen shows (the JSON's text, which the workbench displays), the totals row labelled. The
// figures are the same on both databases (above); the file is checked once, on SQLite.
class ReportFiles : public Reports {};

TEST_P(ReportFiles, XlsxOpenedInLibreOfficeShowsTheScreensFigures) {
  const fs::path dir = ScratchDir("arrears-reports");
  fs::remove_all(dir);
  fs::create_directories(dir / "csv");
  const std::vector<std::vector<std::string>> reports = {{"recovery", "--by", "collector"}, {"collectors"},
                                                        {"roll-rates"}};
  std::vector<std::string> convert = {"/usr/bin/soffice", "-env:UserInstallation=file://" + (dir / "profile").string(),
                                      "--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1",
                                      "--outdir", (dir / "csv").string()};
  std::vector<boost::json::object> screens;
  for (const auto& report : reports) {
    std::vector<std::string> args = {"report"};
    args.insert(args.end(), report.begin(), report.end());
    args.insert(args.end(), {"--db", db_.url(), "--from", "2026-09-01", "--to", "2026-10-31"});
    std::vector<std::string> xlsx = args;
    const std::string file = (dir / (report[0] + ".xlsx")).string();
    xlsx.insert(xlsx.end(), {"--format", "xlsx", "--out", file});
    const CommandResult written = RunArrears(xlsx);
    ASSERT_EQ(written.exit_status, 0) << written.err;
    convert.push_back(file);
    args.insert(args.end(), {"--format", "json"});
    const CommandResult json = RunArrears(args);
    ASSERT_EQ(json.exit_status, 0) << json.err;
    screens.push_back(boost::json::parse(json.out).as_object());
  }
  const CommandResult converted = RunProgram(convert, {"HOME=" + dir.string()});
  ASSERT_EQ(converted.exit_status, 0) << converted.err;
  for (std::size_t r = 0; r < reports.size(); ++r) {
    SCOPED_TRACE(reports[r][0]);
    const auto sheet = ParseCsv(Slurp(dir / "csv" / (reports[r][0] + ".csv")));
    const boost::json::object& screen = screens[r];
    const auto& columns = screen.at("columns").as_array();
    const auto& rows = screen.at("rows").as_array();
    const bool totals = !screen.at("totals").is_null();
    ASSERT_EQ(sheet.size(), 2 + rows.size() + (totals ? 1 : 0));
    EXPECT_NE(sheet[0][0].find(std::string(screen.at("title").at("zh-CN").as_string())), std::string::npos);
    for (std::size_t c = 0; c < columns.size(); ++c) {
      EXPECT_EQ(sheet[1].at(c), std::string(columns[c].at("label").at("zh-CN").as_string()));
    }
    const auto shown = [](std::string text) {  // the spreadsheet groups thousands; the screen's text does not
      std::erase(text, ',');
      return text;
    };
    for (std::size_t i = 0; i < rows.size() + (totals ? 1 : 0); ++i) {
      const auto& text = (i < rows.size() ? rows[i] : screen.at("totals")).at("text").as_object();
      for (std::size_t c = 0; c < columns.size(); ++c) {
        const std::string key(columns[c].at("key").as_string());
        const std::string expected = i == rows.size() && c == 0 ? "合计" : std::string(text.at(key).as_string());
        EXPECT_EQ(shown(sheet[2 + i].at(c)), expected) << "row " << i << " column " << key;
      }
    }
  }
  fs::remove_all(dir);
}

INSTANTIATE_TEST_SUITE_P(Backends, Reports, ::testing::Values(Backend::kSqlite, Backend::kPostgresql),
                         [](const auto& param_info) { return BackendName(param_info.param); });
INSTANTIATE_TEST_SUITE_P(Backends, ReportFiles, ::testing::Values(Backend::kSqlite),
                         [](const auto& param_info) { return BackendName(param_info.param); });

}  // namespace
}  // namespace arrears::testing
