#include "store/reports/sql_report_store.hpp"

#include <map>
#include <unordered_map>

#include "core/component.hpp"
#include "core/contact_outcome.hpp"
#include "store/workflow/sql_workflow_store.hpp"

namespace arrears::store {

namespace {

Date DateOf(const std::string& text) { return *Date::Parse(text); }

// "'a', 'b'": the outcomes that satisfy `test`, for an IN list (names from the core, never from input).
std::string OutcomeList(bool (*test)(ContactOutcome)) {
  std::string list;
  for (ContactOutcome outcome : AllContactOutcomes()) {
    if (test(outcome)) list += (list.empty() ? "'" : ", '") + std::string(ContactOutcomeName(outcome)) + "'";
  }
  return list;
}

// The owner of a case on the day a timestamp column falls on (the span then in force), else its owner now.
std::string OwnerOn(const std::string& table, const std::string& at) {
  const std::string day = "substr(" + table + "." + at + ", 1, 10)";
  return " LEFT JOIN case_facts cf ON cf.customer_id = " + table + ".customer_id AND cf.case_id = " + table +
         ".case_id AND cf.valid_from <= " + day + " AND (cf.valid_to IS NULL OR cf.valid_to > " + day + ") ";
}

}  // namespace

void SqlReportStore::Spans(const std::string& currency, Date from, Date to, bool with_accounts,
                           const std::function<void(app::FactSpan&&)>& each) {
  std::unordered_map<std::string, std::string> teams;  // a few hundred workers: looked up here, not joined per span
  for (const Row& r : session_.Query("SELECT login, team FROM users WHERE team IS NOT NULL")) {
    teams.emplace(r.Text(0), r.Text(1));
  }
  const std::vector<SqlValue> params = {Text(currency), Text(from.ToString()), Text(to.ToString())};
  // CROSS JOIN keeps SQLite walking case_facts in its key's order (no sort of a million spans); PostgreSQL plans
  // it as the inner join it is.
  const std::string accounts =
      with_accounts ? ", COALESCE(a.product_type, ''), COALESCE(a.region, '') FROM case_facts f CROSS JOIN cases c "
                      "LEFT JOIN accounts a ON a.customer_id = f.customer_id AND a.id = (SELECT MIN(x.account_id) FROM "
                      "case_accounts x WHERE x.customer_id = f.customer_id AND x.case_id = f.case_id) "
                    : " FROM case_facts f CROSS JOIN cases c ";
  session_.Stream(
      "SELECT f.customer_id, f.case_id, f.valid_from, f.valid_to, f.bucket, f.owed, COALESCE(f.segment, ''), "
      "COALESCE(f.arm, ''), COALESCE(f.owner, ''), COALESCE(f.agency, ''), COALESCE(c.close_reason, '')" +
          accounts +
          "WHERE c.customer_id = f.customer_id AND c.id = f.case_id AND c.currency = $1 AND f.valid_from <= $3 AND "
          "(f.valid_to IS NULL OR f.valid_to > $2) ORDER BY f.customer_id, f.case_id, f.valid_from",
      params, [&](const Row& r) {
        app::FactSpan span;
        span.customer_id = r.Int(0);
        span.case_id = r.Int(1);
        span.from = DateOf(r.Text(2));
        if (!r.IsNull(3)) span.until = DateOf(r.Text(3));
        span.bucket = r.Text(4);
        span.owed = r.Int(5);
        span.segment = r.Text(6);
        span.arm = r.Text(7);
        span.owner = r.Text(8);
        span.agency = r.Text(9);
        span.close_reason = r.Text(10);
        if (with_accounts) {
          span.product = r.Text(11);
          span.region = r.Text(12);
        }
        if (const auto team = teams.find(span.owner); team != teams.end()) span.team = team->second;
        each(std::move(span));
      });
}

std::vector<app::PeriodPayment> SqlReportStore::Payments(const std::string& currency, Date from, Date to) {
  std::vector<app::PeriodPayment> payments;
  const std::vector<SqlValue> params = {Text(currency), Text(from.ToString()), Text(to.ToString())};
  session_.Stream(
      "SELECT x.customer_id, x.case_id, p.value_date, CASE WHEN p.kind = 'reversal' THEN -p.amount ELSE p.amount END "
      "FROM payments p JOIN case_accounts x ON x.customer_id = p.customer_id AND x.account_id = p.account_id "
      "WHERE p.currency = $1 AND p.value_date >= $2 AND p.value_date <= $3 "
      "ORDER BY x.customer_id, x.case_id, p.value_date",
      params, [&](const Row& r) { payments.push_back({r.Int(0), r.Int(1), DateOf(r.Text(2)), r.Int(3)}); });
  return payments;
}

std::vector<app::ActivityCounts> SqlReportStore::Activity(const std::string& currency_code, Date from, Date to) {
  // Timestamps are UTC text; a day runs from its date to the next one's.
  const std::vector<SqlValue> params = {Text(currency_code), Text(from.ToString()), Text(to.AddDays(1).ToString())};
  // Promises are dated (days, not moments): their period is [from, to].
  const std::vector<SqlValue> dated = {Text(currency_code), Text(from.ToString()), Text(to.ToString())};
  std::map<std::pair<std::string, std::string>, app::ActivityCounts> counts;
  const auto at = [&](const Row& r) -> app::ActivityCounts& {
    app::ActivityCounts& c = counts[{r.Text(0), r.Text(1)}];
    c.actor = r.Text(0);
    c.month = r.Text(1);
    return c;
  };
  const std::string of_case = " JOIN cases c ON c.customer_id = t.customer_id AND c.id = t.case_id ";
  // Where every case is in the report's currency (the usual book), the large tables are read without the join.
  const std::vector<SqlValue> currency = {Text(currency_code)};
  const bool one_currency = session_.Query("SELECT 1 FROM cases WHERE currency <> $1 LIMIT 1", currency).empty();
  const std::string in_currency = one_currency ? " " : of_case;
  const std::string currency_holds = one_currency ? "$1 <> ''" : "c.currency = $1";
  const std::string made = "t.made = 1 AND t.channel IN ('call', 'visit')";
  for (const Row& r : session_.Query(
           "SELECT t.actor, substr(t.at, 1, 7), SUM(CASE WHEN " + made + " THEN 1 ELSE 0 END), SUM(CASE WHEN " + made +
               " AND t.outcome IN (" + OutcomeList(&ReachedAPerson) + ") THEN 1 ELSE 0 END), SUM(CASE WHEN " + made +
               " AND t.outcome IN (" + OutcomeList(&IsDebtorConversation) +
               ") THEN 1 ELSE 0 END), SUM(CASE WHEN t.verdict IN ('warn', 'block') THEN 1 ELSE 0 END) "
               "FROM contact_attempts t" + in_currency + "WHERE " + currency_holds + " AND t.at >= $2 AND t.at < $3 GROUP BY t.actor, substr(t.at, 1, 7)",
           params)) {
    app::ActivityCounts& c = at(r);
    c.attempts += r.Int(2);
    c.reached += r.Int(3);
    c.right_party += r.Int(4);
    c.compliance_hits += r.Int(5);
  }
  for (const Row& r : session_.Query(
           "SELECT t.created_by, substr(t.made_on, 1, 7), COUNT(*), SUM(t.amount) FROM promises t" + in_currency +
               "WHERE " + currency_holds + " AND t.made_on >= $2 AND t.made_on <= $3 GROUP BY t.created_by, "
               "substr(t.made_on, 1, 7)",
           dated)) {
    app::ActivityCounts& c = at(r);
    c.promises += r.Int(2);
    c.promised += r.Int(3);
  }
  for (const Row& r : session_.Query(
           "SELECT t.created_by, substr(t.promised_on, 1, 7), SUM(CASE WHEN t.status = 'kept' THEN 1 ELSE 0 END), "
           "SUM(CASE WHEN t.status = 'partly_kept' THEN 1 ELSE 0 END), SUM(CASE WHEN t.status = 'broken' THEN 1 ELSE 0 "
           "END) FROM promises t" + in_currency + "WHERE " + currency_holds + " AND t.promised_on >= $2 AND t.promised_on <= $3 AND t.status IN ('kept', "
               "'partly_kept', 'broken') GROUP BY t.created_by, substr(t.promised_on, 1, 7)",
           dated)) {
    app::ActivityCounts& c = at(r);
    c.kept += r.Int(2);
    c.partly_kept += r.Int(3);
    c.broken += r.Int(4);
    c.promises_due += r.Int(2) + r.Int(3) + r.Int(4);
  }
  for (const Row& r : session_.Query(
           "SELECT t.created_by, substr(t.decided_at, 1, 7), COUNT(*), SUM(CASE WHEN t.status = 'completed' THEN 1 "
           "ELSE 0 END), SUM(CASE WHEN t.status = 'failed' THEN 1 ELSE 0 END), SUM(t.waived) FROM arrangements t" +
               of_case +
               "WHERE c.currency = $1 AND t.decided_at >= $2 AND t.decided_at < $3 AND t.status NOT IN "
               "('rejected', 'pending_approval') GROUP BY t.created_by, substr(t.decided_at, 1, 7)",
           params)) {
    app::ActivityCounts& c = at(r);
    c.plans_granted += r.Int(2);
    c.plans_completed += r.Int(3);
    c.plans_failed += r.Int(4);
    c.waived += r.Int(5);
  }
  // Disputes and complaints count against whoever owned the case when they were raised.
  for (const Row& r : session_.Query(
           "SELECT COALESCE(cf.owner, c.owner, ''), substr(t.opened_at, 1, 7), SUM(CASE WHEN t.kind = "
           "'service_complaint' THEN 0 ELSE 1 END), SUM(CASE WHEN t.kind = 'service_complaint' THEN 1 ELSE 0 END) "
           "FROM disputes t" + of_case + OwnerOn("t", "opened_at") +
               "WHERE c.currency = $1 AND t.opened_at >= $2 AND t.opened_at < $3 GROUP BY COALESCE(cf.owner, "
               "c.owner, ''), substr(t.opened_at, 1, 7)",
           params)) {
    app::ActivityCounts& c = at(r);
    c.disputes += r.Int(2);
    c.complaints += r.Int(3);
  }
  for (const Row& r : session_.Query(
           "SELECT COALESCE(cf.owner, c.owner, ''), substr(t.placed_at, 1, 7), COUNT(*) FROM case_holds t" + of_case +
               OwnerOn("t", "placed_at") +
               "WHERE c.currency = $1 AND t.kind = 'complaint' AND t.placed_at >= $2 AND t.placed_at < $3 "
               "GROUP BY COALESCE(cf.owner, c.owner, ''), substr(t.placed_at, 1, 7)",
           params)) {
    at(r).complaints += r.Int(2);
  }
  std::map<std::string, std::pair<std::string, std::string>> workers;  // login -> team, agency
  for (const Row& r : session_.Query("SELECT login, COALESCE(team, ''), COALESCE(agency, '') FROM users")) {
    workers[r.Text(0)] = {r.Text(1), r.Text(2)};
  }
  std::vector<app::ActivityCounts> out;
  for (auto& [key, c] : counts) {
    if (const auto w = workers.find(c.actor); w != workers.end()) std::tie(c.team, c.agency) = w->second;
    out.push_back(std::move(c));
  }
  return out;
}

std::vector<app::WaiverGrant> SqlReportStore::Waivers(const std::string& currency, Date from, Date to) {
  std::vector<app::WaiverGrant> grants;
  const std::vector<SqlValue> params = {Text(currency), Text(from.ToString()), Text(to.AddDays(1).ToString())};
  for (const Row& r : session_.Query(
           "SELECT COALESCE(p.decided_by, t.created_by), t.created_by, t.waiver FROM arrangements t "
           "JOIN cases c ON c.customer_id = t.customer_id AND c.id = t.case_id "
           "LEFT JOIN approvals p ON p.customer_id = t.customer_id AND p.subject = 'arrangement' AND p.subject_id = t.id "
           "AND p.status = 'approved' "
           "WHERE c.currency = $1 AND t.decided_at >= $2 AND t.decided_at < $3 AND t.waived > 0 AND t.status NOT IN "
           "('rejected', 'pending_approval') ORDER BY t.customer_id, t.id",
           params)) {
    // The waiver column holds the shares and, after '|', the amounts waived per component.
    const std::string& waiver = r.Text(2);
    const auto bar = waiver.find('|');
    const auto amounts = DecodeShares(bar == std::string::npos ? std::string() : waiver.substr(bar + 1));
    app::WaiverGrant grant{r.Text(0), r.Text(1), {}};
    for (Component component : kAllComponents) {
      const std::int64_t amount = amounts[static_cast<std::size_t>(component)];
      if (amount != 0) grant.by_component.emplace_back(ComponentName(component), amount);
    }
    grants.push_back(std::move(grant));
  }
  return grants;
}

std::vector<app::AccountCount> SqlReportStore::Entries(const std::string& currency, Date from, Date to) {
  std::vector<app::AccountCount> counts;
  const std::vector<SqlValue> params = {Text(currency), Text(from.ToString()), Text(to.ToString())};
  // The first night records every past-due account's first bucket: those are not entries.
  for (const Row& r : session_.Query(
           "SELECT substr(m.moved_on, 1, 7), a.product_type, COALESCE(a.region, ''), COUNT(*) FROM bucket_moves m "
           "JOIN accounts a ON a.customer_id = m.customer_id AND a.id = m.account_id "
           "WHERE a.currency = $1 AND m.moved_on >= $2 AND m.moved_on <= $3 AND m.to_bucket <> 'M0' AND "
           "(m.from_bucket = 'M0' OR (m.from_bucket IS NULL AND m.moved_on > (SELECT MIN(as_of) FROM cycle_runs))) "
           "GROUP BY substr(m.moved_on, 1, 7), a.product_type, COALESCE(a.region, '')",
           params)) {
    counts.push_back({r.Text(0), r.Text(1), r.Text(2), r.Int(3)});
  }
  return counts;
}

std::vector<app::AccountCount> SqlReportStore::ActiveAccounts(const std::string& currency, Date day) {
  std::vector<app::AccountCount> counts;
  const std::vector<SqlValue> params = {Text(currency), Text(day.ToString())};
  for (const Row& r : session_.Query(
           "SELECT product_type, COALESCE(region, ''), COUNT(*) FROM accounts WHERE currency = $1 AND opened_on < $2 "
           "AND status = 'active' GROUP BY product_type, COALESCE(region, '')",
           params)) {
    counts.push_back({std::string(), r.Text(0), r.Text(1), r.Int(2)});
  }
  return counts;
}

std::vector<std::pair<std::string, std::string>> SqlReportStore::WorkerNames() {
  std::vector<std::pair<std::string, std::string>> names;
  for (const Row& r : session_.Query("SELECT login, display_name FROM users ORDER BY login")) {
    names.emplace_back(r.Text(0), r.Text(1));
  }
  return names;
}

}  // namespace arrears::store
