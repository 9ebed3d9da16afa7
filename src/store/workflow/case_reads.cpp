// SqlWorkflowStore: reading a case and what hangs off it.
#include <algorithm>

#include "store/workflow/sql_workflow_store.hpp"

#include "store/customer_lookup.hpp"

namespace arrears::store {

namespace {

Currency CurrencyOf(const std::string& code) { return ParseCurrency(code).value_or(Currency::kCNY); }
std::optional<Date> OptionalDate(const Row& row, std::size_t column) {
  if (row.IsNull(column)) return std::nullopt;
  auto date = Date::Parse(row.Text(column));
  return date ? std::optional<Date>(*date) : std::nullopt;
}
std::optional<Money> OptionalMoney(const Row& row, std::size_t column, Currency currency) {
  if (row.IsNull(column)) return std::nullopt;
  return Money(row.Int(column), currency);
}
std::string TextOr(const Row& row, std::size_t column) { return row.IsNull(column) ? "" : row.Text(column); }

}  // namespace

SqlWorkflowStore::SqlWorkflowStore(Session& session, const app::PersonalDataVault& vault, std::string actor,
                                   std::string now)
    : session_(session), vault_(vault), actor_(std::move(actor)), now_(std::move(now)), audit_(session, vault) {}

std::vector<Row> SqlWorkflowStore::Query(std::string_view sql, std::initializer_list<SqlValue> params) {
  const std::vector<SqlValue> values(params);
  return session_.Query(sql, values);
}

std::int64_t SqlWorkflowStore::Execute(std::string_view sql, std::initializer_list<SqlValue> params) {
  const std::vector<SqlValue> values(params);
  return session_.Execute(sql, values);
}

std::optional<app::CaseRecord> SqlWorkflowStore::LoadCase(CaseId id) {
  const auto rows = Query(
      "SELECT c.customer_id, c.id, c.version, c.stage, c.owner, c.currency, c.opened_at, c.stage_changed_at, "
      "c.closed_at, c.close_reason, c.monitor_until, c.delinquency_reason, c.monthly_income, c.monthly_expenses, "
      "c.other_debt_payments, c.repayment_capacity, u.customer_ref, u.name, u.id_number_masked, u.id_number_cipher, "
      "u.time_zone, u.language, o.team, o.agency, "
      // Which of the case's child tables have rows: most cases have no holds, disputes, legal matters or visits,
      // and a read skipped is a round trip saved on every case view.
      "CASE WHEN EXISTS (SELECT 1 FROM case_holds x WHERE x.customer_id = c.customer_id AND x.case_id = c.id AND "
      "x.released_at IS NULL) THEN 1 ELSE 0 END, "
      "CASE WHEN EXISTS (SELECT 1 FROM promises x WHERE x.customer_id = c.customer_id AND x.case_id = c.id) "
      "THEN 1 ELSE 0 END, "
      "CASE WHEN EXISTS (SELECT 1 FROM arrangements x WHERE x.customer_id = c.customer_id AND x.case_id = c.id) "
      "THEN 1 ELSE 0 END, "
      "CASE WHEN EXISTS (SELECT 1 FROM disputes x WHERE x.customer_id = c.customer_id AND x.case_id = c.id) "
      "THEN 1 ELSE 0 END, "
      "CASE WHEN EXISTS (SELECT 1 FROM legal_matters x WHERE x.customer_id = c.customer_id AND x.case_id = c.id) "
      "THEN 1 ELSE 0 END, "
      "CASE WHEN EXISTS (SELECT 1 FROM field_visits x WHERE x.customer_id = c.customer_id AND x.case_id = c.id) "
      "THEN 1 ELSE 0 END, u.gender "
      "FROM cases c JOIN customers u ON u.id = c.customer_id LEFT JOIN users o ON o.login = c.owner WHERE c.id = $1",
      {Int(id.value)});
  if (rows.empty()) return std::nullopt;
  const Row& r = rows[0];
  app::CaseRecord record;
  record.customer = CustomerId{r.Int(0)};
  record.id = CaseId{r.Int(1)};
  record.version = r.Int(2);
  record.stage = ParseCaseStage(r.Text(3)).value_or(CaseStage::kNew);
  record.owner = TextOr(r, 4);
  record.currency = CurrencyOf(r.Text(5));
  record.opened_at = r.Text(6);
  record.stage_changed_at = r.Text(7);
  record.closed_at = TextOr(r, 8);
  record.close_reason = TextOr(r, 9);
  record.monitor_until = OptionalDate(r, 10);
  record.delinquency_reason = TextOr(r, 11);
  record.monthly_income = OptionalMoney(r, 12, record.currency);
  record.monthly_expenses = OptionalMoney(r, 13, record.currency);
  record.other_debt_payments = OptionalMoney(r, 14, record.currency);
  record.repayment_capacity = OptionalMoney(r, 15, record.currency);
  record.customer_ref = r.Text(16);
  record.customer_name = r.Text(17);
  record.id_number_masked = r.Text(18);
  record.id_number_cipher = r.Text(19);
  record.time_zone = r.Text(20);
  record.language = r.Text(21);
  record.owner_team = TextOr(r, 22);
  record.owner_agency = TextOr(r, 23);
  record.gender = TextOr(r, 30);
  const bool has_holds = r.Int(24) != 0;
  const bool has_promises = r.Int(25) != 0;
  const bool has_arrangements = r.Int(26) != 0;
  const bool has_disputes = r.Int(27) != 0;
  const bool has_legal_matters = r.Int(28) != 0;
  const bool has_field_visits = r.Int(29) != 0;
  const SqlValue customer = Int(record.customer.value);
  const SqlValue case_id = Int(record.id.value);

  for (const Row& a : Query(
           "SELECT a.id, a.account_ref, a.product_type, a.currency, a.principal_not_due, a.principal_overdue, "
           "a.interest_overdue, a.penalty_interest, a.compound_interest, a.late_fee, a.installment_fee, a.other_fee, "
           "a.days_past_due, a.status FROM case_accounts ca JOIN accounts a ON a.customer_id = ca.customer_id AND "
           "a.id = ca.account_id WHERE ca.customer_id = $1 AND ca.case_id = $2 ORDER BY a.id",
           {customer, case_id})) {
    app::CaseAccount account;
    account.id = AccountId{a.Int(0)};
    account.account_ref = a.Text(1);
    account.product_type = a.Text(2);
    const Currency currency = CurrencyOf(a.Text(3));
    account.balance = Balance(currency);
    account.balance.AddNotDue(Component::kPrincipal, Money(a.Int(4), currency));
    const Component overdue[] = {Component::kPrincipal,       Component::kInterest, Component::kPenaltyInterest,
                                 Component::kCompoundInterest, Component::kLateFee,  Component::kInstallmentFee,
                                 Component::kOtherFee};
    for (std::size_t i = 0; i < std::size(overdue); ++i) {
      account.balance.AddOverdue(overdue[i], Money(a.Int(5 + i), currency));
    }
    account.days_past_due = static_cast<int>(a.Int(12));
    account.status = a.Text(13);
    record.accounts.push_back(std::move(account));
  }
  if (has_holds) {
    for (const Row& h : Query("SELECT id, kind, reason, account_id, placed_by, placed_at FROM case_holds WHERE "
                              "customer_id = $1 AND case_id = $2 AND released_at IS NULL ORDER BY id",
                              {customer, case_id})) {
      app::Hold hold;
      hold.id = h.Int(0);
      hold.kind = ParseHoldKind(h.Text(1)).value_or(HoldKind::kDispute);
      hold.reason = h.Text(2);
      if (!h.IsNull(3)) hold.account = AccountId{h.Int(3)};
      hold.placed_by = h.Text(4);
      hold.placed_at = h.Text(5);
      record.holds.push_back(std::move(hold));
    }
  }
  if (has_promises) {
    for (const Row& p : Query("SELECT id, amount, currency, promised_on, made_on, channel, status, paid, created_by "
                              "FROM promises WHERE customer_id = $1 AND case_id = $2 ORDER BY id",
                              {customer, case_id})) {
      const Currency currency = CurrencyOf(p.Text(2));
      app::PromiseRecord promise;
      promise.id = p.Int(0);
      promise.terms = {Money(p.Int(1), currency), *Date::Parse(p.Text(4)), *Date::Parse(p.Text(3))};
      promise.channel = p.Text(5);
      promise.status = ParsePromiseStatus(p.Text(6)).value_or(PromiseStatus::kOpen);
      promise.paid = Money(p.Int(7), currency);
      promise.created_by = p.Text(8);
      record.promises.push_back(std::move(promise));
    }
  }
  if (has_arrangements) LoadArrangements(record);
  if (has_disputes) {
    for (const Row& d : Query(
             "SELECT d.id, d.account_id, a.account_ref, d.kind, d.description, d.component, d.amount, d.status, "
             "d.hold_id, d.opened_by, d.opened_at, d.resolution_reason FROM disputes d JOIN accounts a ON "
             "a.customer_id = d.customer_id AND a.id = d.account_id WHERE d.customer_id = $1 AND d.case_id = $2 "
             "ORDER BY d.id",
             {customer, case_id})) {
      app::DisputeRecord dispute;
      dispute.id = d.Int(0);
      dispute.account = AccountId{d.Int(1)};
      dispute.account_ref = d.Text(2);
      dispute.kind = d.Text(3);
      dispute.description = d.Text(4);
      if (!d.IsNull(5)) dispute.component = ParseComponent(d.Text(5));
      dispute.amount = OptionalMoney(d, 6, record.currency);
      dispute.status = d.Text(7);
      dispute.hold_id = d.Int(8);
      dispute.opened_by = d.Text(9);
      dispute.opened_at = d.Text(10);
      dispute.resolution_reason = TextOr(d, 11);
      record.disputes.push_back(std::move(dispute));
    }
  }
  if (has_legal_matters) {
    for (const Row& m : Query(
             "SELECT id, version, status, court, court_case_number, filed_on, next_hearing_on, judgment_amount, "
             "judgment_on, enforcement, assets_frozen, costs, transferred_by, transferred_at FROM legal_matters WHERE "
             "customer_id = $1 AND case_id = $2 ORDER BY id",
             {customer, case_id})) {
      app::LegalMatter matter;
      matter.id = m.Int(0);
      matter.version = m.Int(1);
      matter.status = m.Text(2);
      matter.court = TextOr(m, 3);
      matter.court_case_number = TextOr(m, 4);
      matter.filed_on = OptionalDate(m, 5);
      matter.next_hearing_on = OptionalDate(m, 6);
      matter.judgment_amount = OptionalMoney(m, 7, record.currency);
      matter.judgment_on = OptionalDate(m, 8);
      matter.enforcement = TextOr(m, 9);
      matter.assets_frozen = m.Int(10) != 0;
      matter.costs = Money(m.Int(11), record.currency);
      matter.transferred_by = m.Text(12);
      matter.transferred_at = m.Text(13);
      record.legal_matters.push_back(std::move(matter));
    }
  }
  if (has_field_visits) {
    for (const Row& v : Query("SELECT id, planned_for, collectors, status, outcome, result FROM field_visits WHERE "
                              "customer_id = $1 AND case_id = $2 ORDER BY id",
                              {customer, case_id})) {
      app::FieldVisit visit;
      visit.id = v.Int(0);
      visit.planned_for = *Date::Parse(v.Text(1));
      const std::string& names = v.Text(2);
      for (std::size_t start = 0; start <= names.size();) {
        const std::size_t comma = std::min(names.find(',', start), names.size());
        if (comma > start) visit.collectors.push_back(names.substr(start, comma - start));
        start = comma + 1;
      }
      visit.status = v.Text(3);
      visit.outcome = TextOr(v, 4);
      visit.result = TextOr(v, 5);
      record.field_visits.push_back(std::move(visit));
    }
  }
  record.contact_points = ContactPoints(record.customer);
  return record;
}

void SqlWorkflowStore::LoadArrangements(app::CaseRecord& record) {
  const SqlValue customer = Int(record.customer.value);
  for (const Row& a : Query(
           "SELECT id, version, kind, status, periods, deferral_days, currency, owed, waived, to_pay, waiver, broken, "
           "created_by, created_at FROM arrangements WHERE customer_id = $1 AND case_id = $2 ORDER BY id",
           {customer, Int(record.id.value)})) {
    const Currency currency = CurrencyOf(a.Text(6));
    app::ArrangementRecord arrangement;
    arrangement.id = a.Int(0);
    arrangement.version = a.Int(1);
    arrangement.kind = ParseArrangementKind(a.Text(2)).value_or(ArrangementKind::kInstallment);
    arrangement.status = a.Text(3);
    arrangement.periods = static_cast<int>(a.Int(4));
    arrangement.deferral_days = static_cast<int>(a.Int(5));
    arrangement.owed = Money(a.Int(7), currency);
    arrangement.waived = Money(a.Int(8), currency);
    arrangement.to_pay = Money(a.Int(9), currency);
    // "shares|amounts": the agreed shares and the amounts they came to.
    const std::string& waiver = a.Text(10);
    const std::size_t bar = waiver.find('|');
    arrangement.waiver_ppm = DecodeShares(waiver.substr(0, bar));
    if (bar != std::string::npos) arrangement.waived_by_component = DecodeShares(waiver.substr(bar + 1));
    std::string text;
    for (Component component : kAllComponents) {
      const std::int64_t share = arrangement.waiver_ppm[static_cast<std::size_t>(component)];
      if (share > 0) text += (text.empty() ? "" : "; ") + std::string(ComponentName(component)) + "=" + FormatShare(share);
    }
    arrangement.waiver = text;
    arrangement.broken = static_cast<int>(a.Int(11));
    arrangement.created_by = a.Text(12);
    arrangement.created_at = a.Text(13);
    record.arrangements.push_back(std::move(arrangement));
  }
  if (record.arrangements.empty()) return;
  // Every arrangement's installments in one read, in arrangement order.
  std::size_t at = 0;
  for (const Row& i : Query("SELECT i.arrangement_id, i.number, i.due_on, i.amount, i.paid, i.status FROM "
                            "arrangement_installments i JOIN arrangements a ON a.customer_id = i.customer_id AND "
                            "a.id = i.arrangement_id WHERE a.customer_id = $1 AND a.case_id = $2 "
                            "ORDER BY i.arrangement_id, i.number",
                            {customer, Int(record.id.value)})) {
    while (at < record.arrangements.size() && record.arrangements[at].id != i.Int(0)) ++at;
    if (at == record.arrangements.size()) break;
    app::ArrangementRecord& arrangement = record.arrangements[at];
    const Currency currency = arrangement.owed.currency();
    arrangement.installments.push_back({static_cast<int>(i.Int(1)), *Date::Parse(i.Text(2)),
                                        Money(i.Int(3), currency), Money(i.Int(4), currency),
                                        ParsePromiseStatus(i.Text(5)).value_or(PromiseStatus::kOpen)});
  }
}

std::optional<CaseId> SqlWorkflowStore::CaseOfCustomer(const std::string& customer_ref) {
  const auto rows = Query(
      "SELECT c.id FROM source_keys k JOIN cases c ON c.customer_id = k.customer_id WHERE k.entity = 'customer' AND "
      "k.source_ref = $1 ORDER BY CASE WHEN c.closed_at IS NULL THEN 0 ELSE 1 END, c.id DESC",
      {Text(customer_ref)});
  if (rows.empty()) return std::nullopt;
  return CaseId{rows[0].Int(0)};
}

std::vector<app::CustomerMatch> SqlWorkflowStore::FindCustomers(const std::string& kind, const std::string& value) {
  std::vector<app::CustomerMatch> matches = store::FindCustomers(session_, vault_, kind, value);
  for (app::CustomerMatch& match : matches) match.case_id = CaseOfCustomer(match.customer_ref);
  return matches;
}

std::vector<app::CaseSummary> SqlWorkflowStore::ListCases(const app::CaseQuery& q) {
  std::vector<app::CaseSummary> cases;
  if (q.scope_none) return cases;
  // The statement holds only the conditions this query has, so that the
  // planner sees its shape: a collector's page walks cases_owner (owner, id)
  // in order, a supervisor's walks cases_id, and only the page's fifty rows
  // are joined and summed. (One statement with NULL-switched conditions gets a
  // generic plan on PostgreSQL that reads every case in scope, then sorts.)
  std::vector<SqlValue> params = {Int(q.after_id)};
  const auto param = [&params](SqlValue value) {
    params.push_back(std::move(value));
    return "$" + std::to_string(params.size());
  };
  std::string where = "c.id > $1";
  if (q.open_only) where += " AND c.closed_at IS NULL";
  if (q.stage) where += " AND c.stage = " + param(Text(CaseStageName(*q.stage)));
  if (!q.owner.empty()) where += " AND c.owner = " + param(Text(q.owner));
  std::vector<std::string> scope;
  if (!q.scope_owner.empty()) scope.push_back("c.owner = " + param(Text(q.scope_owner)));
  if (!q.scope_team.empty()) {
    scope.push_back("c.owner IN (SELECT login FROM users WHERE team = " + param(Text(q.scope_team)) + ")");
  }
  if (!q.scope_agency.empty()) {
    scope.push_back("c.owner IN (SELECT login FROM users WHERE agency = " + param(Text(q.scope_agency)) + ")");
  }
  if (!scope.empty()) {
    where += " AND (";
    for (std::size_t i = 0; i < scope.size(); ++i) where += (i ? " OR " : "") + scope[i];
    where += ")";
  }
  const std::string limit = param(Int(q.limit));
  const std::string overdue_of_case =
      " FROM case_accounts ca JOIN accounts a ON a.customer_id = ca.customer_id AND a.id = ca.account_id "
      "WHERE ca.customer_id = c.customer_id AND ca.case_id = c.id)";
  const auto rows = session_.Query(
      "SELECT c.id, u.customer_ref, u.name, c.stage, c.owner, c.currency, "
      "(SELECT COALESCE(SUM(a.principal_overdue + a.interest_overdue + a.penalty_interest + a.compound_interest + "
      "a.late_fee + a.installment_fee + a.other_fee), 0)" + overdue_of_case + ", "
      "(SELECT COALESCE(MAX(a.days_past_due), 0)" + overdue_of_case + ", c.opened_at "
      "FROM (SELECT * FROM cases c WHERE " + where + " ORDER BY c.id LIMIT " + limit + ") c "
      "JOIN customers u ON u.id = c.customer_id ORDER BY c.id",
      params);
  for (const Row& r : rows) {
    app::CaseSummary summary;
    summary.id = CaseId{r.Int(0)};
    summary.customer_ref = r.Text(1);
    summary.customer_name = r.Text(2);
    summary.stage = ParseCaseStage(r.Text(3)).value_or(CaseStage::kNew);
    summary.owner = TextOr(r, 4);
    summary.overdue = Money(r.Int(6), CurrencyOf(r.Text(5)));
    summary.days_past_due = static_cast<int>(r.Int(7));
    summary.opened_at = r.Text(8);
    cases.push_back(std::move(summary));
  }
  return cases;
}

std::vector<app::ContactPoint> SqlWorkflowStore::ContactPoints(CustomerId customer) {
  std::vector<app::ContactPoint> points;
  for (const Row& r : Query("SELECT id, kind, value_cipher, value_masked, value_index, relation, status, source FROM "
                            "contact_points WHERE customer_id = $1 ORDER BY is_primary DESC, id",
                            {Int(customer.value)})) {
    points.push_back({r.Int(0), customer, r.Text(1), r.Text(2), r.Text(3), r.Text(4), r.Text(5), r.Text(6), r.Text(7)});
  }
  return points;
}

std::vector<app::PastContact> SqlWorkflowStore::ContactsSince(CustomerId customer, const std::string& since) {
  std::vector<app::PastContact> contacts;
  for (const Row& r : Query(
           "SELECT t.at, t.channel, t.party, t.direction, p.value_index, t.outcome, t.made FROM contact_attempts t "
           "LEFT JOIN contact_points p ON p.customer_id = t.customer_id AND p.id = t.contact_point_id "
           "WHERE t.customer_id = $1 AND t.at >= $2 ORDER BY t.at, t.id",
           {Int(customer.value), Text(since)})) {
    contacts.push_back({r.Text(0), r.Text(1), r.Text(2), r.Text(3), TextOr(r, 4), TextOr(r, 5), r.Int(6) != 0});
  }
  return contacts;
}

std::vector<app::CasePayment> SqlWorkflowStore::Payments(const app::CaseRecord& record) {
  std::vector<app::CasePayment> payments;
  for (const Row& r : Query(
           "SELECT p.value_date, p.amount, p.currency, p.kind, p.id, a.account_ref, p.payment_ref, p.paid_at, "
           "p.channel FROM payments p JOIN case_accounts ca ON ca.customer_id = p.customer_id AND "
           "ca.account_id = p.account_id JOIN accounts a ON a.customer_id = p.customer_id AND a.id = p.account_id "
           "WHERE ca.customer_id = $1 AND ca.case_id = $2 ORDER BY p.value_date, p.id",
           {Int(record.customer.value), Int(record.id.value)})) {
    const Money amount(r.Int(1), CurrencyOf(r.Text(2)));
    payments.push_back({*Date::Parse(r.Text(0)),
                        r.Text(3) == "reversal" ? Money(-amount.minor_units(), amount.currency()) : amount, r.Int(4),
                        r.Text(5), r.Text(6), r.Text(7), r.Text(8), r.Text(3)});
  }
  return payments;
}

namespace {

app::ApprovalRecord ApprovalFrom(const Row& r) {
  app::ApprovalRecord a;
  a.customer = CustomerId{r.Int(0)};
  a.id = r.Int(1);
  a.case_id = CaseId{r.Int(2)};
  a.subject = r.Text(3);
  a.subject_id = r.Int(4);
  a.reasons = r.Text(5);
  a.status = r.Text(6);
  a.requested_by = r.Text(7);
  a.requested_at = r.Text(8);
  a.expires_at = r.Text(9);
  a.decided_by = r.IsNull(10) ? "" : r.Text(10);
  a.decision_reason = r.IsNull(11) ? "" : r.Text(11);
  return a;
}

constexpr std::string_view kApprovalColumns =
    "SELECT customer_id, id, case_id, subject, subject_id, reasons, status, requested_by, requested_at, expires_at, "
    "decided_by, decision_reason FROM approvals ";

}  // namespace

std::optional<app::ApprovalRecord> SqlWorkflowStore::LoadApproval(std::int64_t id) {
  const auto rows = Query(std::string(kApprovalColumns) + "WHERE id = $1", {Int(id)});
  if (rows.empty()) return std::nullopt;
  return ApprovalFrom(rows[0]);
}

std::vector<app::ApprovalRecord> SqlWorkflowStore::PendingApprovals() {
  std::vector<app::ApprovalRecord> approvals;
  for (const Row& r : Query(std::string(kApprovalColumns) + "WHERE status = 'pending' ORDER BY requested_at, id", {})) {
    approvals.push_back(ApprovalFrom(r));
  }
  return approvals;
}

std::vector<app::DocumentInfo> SqlWorkflowStore::Documents(const app::CaseRecord& record) {
  std::vector<app::DocumentInfo> documents;
  for (const Row& r : Query("SELECT id, kind, file_name, media_type, size_bytes, sha256, uploaded_by, uploaded_at FROM "
                            "documents WHERE customer_id = $1 AND case_id = $2 ORDER BY id",
                            {Int(record.customer.value), Int(record.id.value)})) {
    documents.push_back({r.Int(0), r.Text(1), r.Text(2), r.Text(3), r.Int(4), r.Text(5), r.Text(6), r.Text(7)});
  }
  return documents;
}

std::vector<CaseId> SqlWorkflowStore::CasesWithOpenCommitments() {
  std::vector<CaseId> ids;
  for (const Row& r : Query(
           "SELECT c.id FROM cases c WHERE c.closed_at IS NULL AND ("
           "EXISTS (SELECT 1 FROM promises p WHERE p.customer_id = c.customer_id AND p.case_id = c.id AND "
           "p.status = 'open') OR "
           "EXISTS (SELECT 1 FROM arrangements a WHERE a.customer_id = c.customer_id AND a.case_id = c.id AND "
           "a.status = 'active') OR "
           "NOT EXISTS (SELECT 1 FROM case_accounts ca JOIN accounts x ON x.customer_id = ca.customer_id AND "
           "x.id = ca.account_id WHERE ca.customer_id = c.customer_id AND ca.case_id = c.id AND "
           "(x.principal_overdue + x.interest_overdue + x.penalty_interest + x.compound_interest + x.late_fee + "
           "x.installment_fee + x.other_fee) > 0)) ORDER BY c.id",
           {})) {
    ids.push_back(CaseId{r.Int(0)});
  }
  return ids;
}

std::vector<CaseId> OpenCasesPaidInBatch(Session& session, std::int64_t batch_id) {
  std::vector<CaseId> ids;
  const std::vector<SqlValue> batch = {Int(batch_id)};
  for (const Row& r : session.Query(
           "SELECT DISTINCT c.id FROM payments p JOIN case_accounts ca ON ca.customer_id = p.customer_id AND "
           "ca.account_id = p.account_id JOIN cases c ON c.customer_id = ca.customer_id AND c.id = ca.case_id "
           "WHERE p.batch_id = $1 AND c.closed_at IS NULL ORDER BY c.id",
           batch)) {
    ids.push_back(CaseId{r.Int(0)});
  }
  return ids;
}

std::vector<CaseId> SqlWorkflowStore::CasesPaidInBatch(std::int64_t batch_id) {
  return OpenCasesPaidInBatch(session_, batch_id);
}

}  // namespace arrears::store
