// SqlWorkflowStore: writing the workflow's records. Money as minor units,
// dates as ISO text, instants as UTC text; versioned rows refuse stale edits.
#include <sodium.h>

#include "store/sequences.hpp"
#include "store/value_mapping.hpp"
#include "store/versioned_update.hpp"
#include "store/workflow/sql_workflow_store.hpp"

namespace arrears::store {

namespace {


// The column holding the overdue part of a component.
const char* OverdueColumn(Component component) {
  switch (component) {
    case Component::kPrincipal: return "principal_overdue";
    case Component::kInterest: return "interest_overdue";
    case Component::kPenaltyInterest: return "penalty_interest";
    case Component::kCompoundInterest: return "compound_interest";
    case Component::kLateFee: return "late_fee";
    case Component::kInstallmentFee: return "installment_fee";
    case Component::kOtherFee: return "other_fee";
  }
  return "other_fee";
}

std::string Hex(const unsigned char* bytes, std::size_t size) {
  std::string hex(size * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), bytes, size);
  hex.pop_back();
  return hex;
}

}  // namespace

std::string EncodeShares(const std::array<std::int64_t, kComponentCount>& ppm) {
  std::string text;
  for (Component component : kAllComponents) {
    const std::int64_t value = ppm[static_cast<std::size_t>(component)];
    if (value != 0) text += (text.empty() ? "" : ",") + std::string(ComponentName(component)) + "=" + std::to_string(value);
  }
  return text;
}

std::array<std::int64_t, kComponentCount> DecodeShares(const std::string& text) {
  std::array<std::int64_t, kComponentCount> ppm{};
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t comma = std::min(text.find(',', start), text.size());
    const std::string part = text.substr(start, comma - start);
    const std::size_t equals = part.find('=');
    if (equals != std::string::npos) {
      if (const auto component = ParseComponent(part.substr(0, equals))) {
        ppm[static_cast<std::size_t>(*component)] = std::stoll(part.substr(equals + 1));
      }
    }
    start = comma + 1;
  }
  return ppm;
}

app::OpenedCases SqlWorkflowStore::OpenCases(Date as_of, const std::string& now) {
  app::OpenedCases opened;
  const std::string overdue_exists =
      "EXISTS (SELECT 1 FROM accounts a WHERE a.customer_id = c.customer_id AND a.days_past_due > 0)";
  // A customer whose last case ended collection without the debt being paid (written off, recalled by the lender,
  // deceased, bankrupt) gets no case by itself: someone reopens it on purpose.
  const auto collection_ended = [](const char* customer) {
    return std::string("EXISTS (SELECT 1 FROM cases e WHERE e.customer_id = ") + customer +
           " AND e.close_reason IN ('written_off', 'recalled', 'deceased', 'bankrupt') AND NOT EXISTS (SELECT 1 FROM "
           "cases n WHERE n.customer_id = e.customer_id AND n.id > e.id))";
  };
  // A closed case still watched comes back when the customer falls behind again.
  for (const Row& r : Query("SELECT c.customer_id, c.id FROM cases c WHERE c.closed_at IS NOT NULL AND "
                            "c.monitor_until >= $1 AND NOT " + collection_ended("c.customer_id") + " AND " + overdue_exists +
                                " AND NOT EXISTS (SELECT 1 FROM cases o WHERE o.customer_id = c.customer_id AND "
                                "o.closed_at IS NULL) AND c.id = (SELECT MAX(l.id) FROM cases l WHERE "
                                "l.customer_id = c.customer_id) ORDER BY c.customer_id",
                            {Text(as_of.ToString())})) {
    Execute("UPDATE cases SET stage = 'new', closed_at = NULL, close_reason = NULL, monitor_until = NULL, "
            "stage_changed_at = $3, updated_at = $3, version = version + 1 WHERE customer_id = $1 AND id = $2",
            {Int(r.Int(0)), Int(r.Int(1)), Text(now)});
    app::CaseRecord record;
    record.customer = CustomerId{r.Int(0)};
    record.id = CaseId{r.Int(1)};
    AppendEvent(record, {"case.reopen", "reopened: the customer is past due again within the monitoring period",
                         "case", r.Int(1), "stage=closed", "stage=new"});
    ++opened.reopened;
  }
  // One case per customer with an overdue account and no open case, in the currency of the account furthest behind.
  const auto customers = Query(
      "SELECT a.customer_id, MIN(a.currency) FROM accounts a WHERE a.days_past_due > 0 AND NOT EXISTS "
      "(SELECT 1 FROM cases c WHERE c.customer_id = a.customer_id AND c.closed_at IS NULL) AND NOT " +
          collection_ended("a.customer_id") + " GROUP BY a.customer_id ORDER BY a.customer_id",
      {});
  // Written in bulk (COPY on PostgreSQL), a chunk at a time: the first night of a portfolio opens hundreds of
  // thousands. A new case's first event is its first (seq 1).
  static const std::vector<std::string> kCaseColumns = {"customer_id", "id",        "stage",     "currency",
                                                        "opened_at",   "stage_changed_at", "updated_at"};
  static const std::vector<std::string> kEventColumns = {"customer_id", "case_id", "seq",    "at",
                                                         "actor",       "kind",    "summary"};
  constexpr std::size_t kChunk = 5000;
  const std::vector<std::int64_t> ids = ReserveIds(session_, "case", static_cast<std::int64_t>(customers.size()));
  const std::string summary = "case opened: the customer is past due";
  for (std::size_t begin = 0; begin < customers.size(); begin += kChunk) {
    const std::size_t end = std::min(begin + kChunk, customers.size());
    std::vector<std::int64_t> chunk_customers;
    for (std::size_t i = begin; i < end; ++i) chunk_customers.push_back(customers[i].Int(0));
    audit_.LoadHeads(chunk_customers);
    for (std::size_t i = begin; i < end; ++i) {
      const Row& r = customers[i];
      const SqlValue values[] = {Int(r.Int(0)), Int(ids[i]), Text("new"), Text(r.Text(1)), Text(now), Text(now), Text(now)};
      session_.BulkRow("cases", kCaseColumns, values);
    }
    for (std::size_t i = begin; i < end; ++i) {
      const SqlValue values[] = {Int(customers[i].Int(0)), Int(ids[i]), Int(1), Text(now_), Text(actor_), Text("case.open"), Text(summary)};
      session_.BulkRow("case_events", kEventColumns, values);
    }
    for (std::size_t i = begin; i < end; ++i) {
      audit_.AppendBulk({customers[i].Int(0), now_, actor_, "case.open", "case", ids[i], std::nullopt, "stage=new"});
    }
    session_.FinishBulk();
    opened.opened += static_cast<std::int64_t>(end - begin);
  }
  opened.accounts_added = Execute(
      "INSERT INTO case_accounts (customer_id, case_id, account_id, added_at) SELECT c.customer_id, c.id, a.id, $1 "
      "FROM cases c JOIN accounts a ON a.customer_id = c.customer_id WHERE c.closed_at IS NULL AND "
      "a.days_past_due > 0 AND NOT EXISTS (SELECT 1 FROM case_accounts x WHERE x.customer_id = a.customer_id AND "
      "x.case_id = c.id AND x.account_id = a.id)",
      {Text(now)});
  // Thousands of new cases at once (the first cycle, a demo): fresh planner statistics for the case tables.
  if (opened.opened >= 10000 && session_.dialect() == Dialect::kPostgresql) {
    session_.ExecuteScript("ANALYZE cases, case_accounts, case_events, audit_events");
  }
  return opened;
}

Status SqlWorkflowStore::UpdateCase(const app::CaseRecord& before, const app::CaseRecord& after) {
  const std::vector<SqlValue> params = {
      Int(after.customer.value),
      Int(after.id.value),
      Int(before.version),
      Text(CaseStageName(after.stage)),
      TextOrNull(after.owner),
      Text(after.stage_changed_at),
      TextOrNull(after.closed_at),
      TextOrNull(after.close_reason),
      DateOrNull(after.monitor_until),
      TextOrNull(after.delinquency_reason),
      MoneyOrNull(after.monthly_income),
      MoneyOrNull(after.monthly_expenses),
      MoneyOrNull(after.other_debt_payments),
      MoneyOrNull(after.repayment_capacity),
      Text(now_)};
  return ExecuteVersioned(session_,
                          "UPDATE cases SET stage = $4, owner = $5, stage_changed_at = $6, closed_at = $7, "
                          "close_reason = $8, monitor_until = $9, delinquency_reason = $10, monthly_income = $11, "
                          "monthly_expenses = $12, other_debt_payments = $13, repayment_capacity = $14, "
                          "updated_at = $15, version = version + 1 WHERE customer_id = $1 AND id = $2 AND version = $3",
                          params, "case " + std::to_string(after.id.value));
}

void SqlWorkflowStore::EndCaseFacts(const app::CaseRecord& record, Date until) {
  Execute("UPDATE case_facts SET valid_to = $3 WHERE customer_id = $1 AND case_id = $2 AND valid_to IS NULL",
          {Int(record.customer.value), Int(record.id.value), Text(until.ToString())});
}

std::int64_t SqlWorkflowStore::AddHold(const app::CaseRecord& record, const app::Hold& hold) {
  const std::int64_t id = ReserveId(session_, "case_hold");
  Execute("INSERT INTO case_holds (customer_id, id, case_id, kind, reason, account_id, placed_by, placed_at) "
          "VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
          {Int(record.customer.value), Int(id), Int(record.id.value), Text(HoldKindName(hold.kind)), Text(hold.reason),
           hold.account ? Int(hold.account->value) : Null(), Text(actor_), Text(now_)});
  return id;
}

void SqlWorkflowStore::ReleaseHold(const app::CaseRecord& record, std::int64_t hold_id, const std::string& reason) {
  Execute("UPDATE case_holds SET released_by = $3, released_at = $4, release_reason = $5 WHERE customer_id = $1 AND "
          "id = $2 AND released_at IS NULL",
          {Int(record.customer.value), Int(hold_id), Text(actor_), Text(now_), Text(reason)});
}

std::int64_t SqlWorkflowStore::AddContactAttempt(const app::CaseRecord& record, const app::ContactAttemptRow& row) {
  const std::int64_t id = ReserveId(session_, "contact_attempt");
  Execute("INSERT INTO contact_attempts (customer_id, id, case_id, at, actor, channel, direction, party, "
          "contact_point_id, number_masked, outcome, right_party_verified, notes, verdict, decision, made) "
          "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)",
          {Int(record.customer.value), Int(id), Int(record.id.value), Text(row.at), Text(actor_), Text(row.channel),
           Text(row.direction), Text(row.party), row.contact_point_id ? Int(*row.contact_point_id) : Null(),
           TextOrNull(row.number_masked), TextOrNull(row.outcome), Int(row.right_party_verified ? 1 : 0),
           TextOrNull(row.notes), Text(row.verdict), Text(row.decision), Int(row.made ? 1 : 0)});
  return id;
}

void SqlWorkflowStore::UpdateContactPoint(const app::ContactPoint& after) {
  Execute("UPDATE contact_points SET status = $3, source = $4, version = version + 1, updated_at = $5 WHERE "
          "customer_id = $1 AND id = $2",
          {Int(after.customer.value), Int(after.id), Text(after.status), Text(after.source), Text(now_)});
}

std::int64_t SqlWorkflowStore::AddContactPoint(const app::CaseRecord& record, const app::ContactPoint& point) {
  const std::int64_t id = ReserveId(session_, "contact");
  Execute("INSERT INTO contact_points (customer_id, id, contact_ref, kind, value_cipher, value_index, value_masked, "
          "relation, is_primary, status, source, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 0, $9, "
          "$10, $11, $11)",
          {Int(record.customer.value), Int(id), Text("agent-" + std::to_string(id)), Text(point.kind),
           Text(point.value_cipher), Text(point.value_index), Text(point.value_masked), Text(point.relation),
           Text(point.status), Text(point.source), Text(now_)});
  return id;
}

std::int64_t SqlWorkflowStore::AddPromise(const app::CaseRecord& record, const app::PromiseRecord& promise,
                                          Date remind_on) {
  const std::int64_t id = ReserveId(session_, "promise");
  Execute("INSERT INTO promises (customer_id, id, case_id, amount, currency, promised_on, made_on, channel, status, "
          "paid, remind_on, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'open', 0, $9, $10, $11)",
          {Int(record.customer.value), Int(id), Int(record.id.value), Int(promise.terms.amount.minor_units()),
           Text(CurrencyCode(promise.terms.amount.currency())), Text(promise.terms.due.ToString()),
           Text(promise.terms.made_on.ToString()), Text(promise.channel), Text(remind_on.ToString()), Text(actor_),
           Text(now_)});
  return id;
}

void SqlWorkflowStore::UpdatePromise(const app::CaseRecord& record, const app::PromiseRecord& promise) {
  Execute("UPDATE promises SET status = $3, paid = $4, settled_at = $5 WHERE customer_id = $1 AND id = $2",
          {Int(record.customer.value), Int(promise.id), Text(PromiseStatusName(promise.status)),
           Int(promise.paid.minor_units()), promise.status == PromiseStatus::kOpen ? Null() : Text(now_)});
}

std::int64_t SqlWorkflowStore::AddArrangement(const app::CaseRecord& record, const app::ArrangementRecord& a) {
  const std::int64_t id = ReserveId(session_, "arrangement");
  const SqlValue customer = Int(record.customer.value);
  Execute("INSERT INTO arrangements (customer_id, id, case_id, kind, status, periods, deferral_days, currency, owed, "
          "waived, to_pay, waiver, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, "
          "$13, $14)",
          {customer, Int(id), Int(record.id.value), Text(ArrangementKindName(a.kind)), Text(a.status), Int(a.periods),
           Int(a.deferral_days), Text(CurrencyCode(a.owed.currency())), Int(a.owed.minor_units()),
           Int(a.waived.minor_units()), Int(a.to_pay.minor_units()),
           Text(EncodeShares(a.waiver_ppm) + "|" + EncodeShares(a.waived_by_component)), Text(actor_), Text(now_)});
  for (const app::InstallmentRecord& installment : a.installments) {
    Execute("INSERT INTO arrangement_installments (customer_id, arrangement_id, number, due_on, amount, paid, status) "
            "VALUES ($1, $2, $3, $4, $5, 0, 'open')",
            {customer, Int(id), Int(installment.number), Text(installment.due.ToString()),
             Int(installment.amount.minor_units())});
  }
  return id;
}

void SqlWorkflowStore::UpdateArrangement(const app::CaseRecord& record, const app::ArrangementRecord& a) {
  const SqlValue customer = Int(record.customer.value);
  Execute("UPDATE arrangements SET status = $3, broken = $4, decided_at = CASE WHEN decided_at IS NULL AND $3 <> "
          "'pending_approval' THEN $5 ELSE decided_at END, version = version + 1 WHERE customer_id = $1 AND id = $2",
          {customer, Int(a.id), Text(a.status), Int(a.broken), Text(now_)});
  for (const app::InstallmentRecord& installment : a.installments) {
    Execute("UPDATE arrangement_installments SET paid = $4, status = $5 WHERE customer_id = $1 AND arrangement_id = $2 "
            "AND number = $3",
            {customer, Int(a.id), Int(installment.number), Int(installment.paid.minor_units()),
             Text(PromiseStatusName(installment.status))});
  }
}

std::int64_t SqlWorkflowStore::AddApproval(const app::ApprovalRecord& approval) {
  const std::int64_t id = ReserveId(session_, "approval");
  Execute("INSERT INTO approvals (customer_id, id, case_id, subject, subject_id, reasons, status, requested_by, "
          "requested_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
          {Int(approval.customer.value), Int(id), Int(approval.case_id.value), Text(approval.subject),
           Int(approval.subject_id), Text(approval.reasons), Text(approval.status), Text(approval.requested_by),
           Text(approval.requested_at), Text(approval.expires_at)});
  return id;
}

void SqlWorkflowStore::UpdateApproval(const app::ApprovalRecord& approval) {
  Execute("UPDATE approvals SET status = $3, decided_by = $4, decided_at = $5, decision_reason = $6 WHERE "
          "customer_id = $1 AND id = $2",
          {Int(approval.customer.value), Int(approval.id), Text(approval.status), TextOrNull(approval.decided_by),
           Text(now_), TextOrNull(approval.decision_reason)});
}

std::int64_t SqlWorkflowStore::AddDispute(const app::CaseRecord& record, const app::DisputeRecord& d) {
  const std::int64_t id = ReserveId(session_, "dispute");
  Execute("INSERT INTO disputes (customer_id, id, case_id, account_id, kind, description, component, amount, status, "
          "hold_id, opened_by, opened_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
          {Int(record.customer.value), Int(id), Int(record.id.value), Int(d.account.value), Text(d.kind),
           Text(d.description), d.component ? Text(ComponentName(*d.component)) : Null(), MoneyOrNull(d.amount),
           Text(d.status), Int(d.hold_id), Text(actor_), Text(now_)});
  return id;
}

void SqlWorkflowStore::UpdateDispute(const app::CaseRecord& record, const app::DisputeRecord& d) {
  Execute("UPDATE disputes SET status = $3, resolved_by = $4, resolved_at = $5, resolution_reason = $6 WHERE "
          "customer_id = $1 AND id = $2",
          {Int(record.customer.value), Int(d.id), Text(d.status), Text(actor_), Text(now_), Text(d.resolution_reason)});
}

void SqlWorkflowStore::ReduceOverdue(const app::CaseRecord& record, AccountId account, Component component,
                                     Money amount) {
  const std::string column = OverdueColumn(component);
  Execute("UPDATE accounts SET " + column + " = " + column + " - $3, version = version + 1, updated_at = $4 WHERE "
          "customer_id = $1 AND id = $2",
          {Int(record.customer.value), Int(account.value), Int(amount.minor_units()), Text(now_)});
}

std::int64_t SqlWorkflowStore::AddLetterRequest(const app::CaseRecord& record, const std::string& kind) {
  const std::int64_t id = ReserveId(session_, "letter_request");
  Execute("INSERT INTO letter_requests (customer_id, id, case_id, kind, status, requested_by, requested_at) VALUES "
          "($1, $2, $3, $4, 'requested', $5, $6)",
          {Int(record.customer.value), Int(id), Int(record.id.value), Text(kind), Text(actor_), Text(now_)});
  return id;
}

std::int64_t SqlWorkflowStore::AddFieldVisit(const app::CaseRecord& record, const app::FieldVisit& visit) {
  const std::int64_t id = ReserveId(session_, "field_visit");
  std::string names;
  for (const std::string& name : visit.collectors) names += (names.empty() ? "" : ",") + name;
  Execute("INSERT INTO field_visits (customer_id, id, case_id, planned_for, collectors, status, scheduled_by, "
          "scheduled_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
          {Int(record.customer.value), Int(id), Int(record.id.value), Text(visit.planned_for.ToString()), Text(names),
           Text(visit.status), Text(actor_), Text(now_)});
  return id;
}

void SqlWorkflowStore::UpdateFieldVisit(const app::CaseRecord& record, const app::FieldVisit& visit) {
  Execute("UPDATE field_visits SET status = $3, outcome = $4, result = $5, visited_at = $6 WHERE customer_id = $1 AND "
          "id = $2",
          {Int(record.customer.value), Int(visit.id), Text(visit.status), TextOrNull(visit.outcome),
           TextOrNull(visit.result), Text(now_)});
}

std::int64_t SqlWorkflowStore::AddLegalMatter(const app::CaseRecord& record, const app::LegalMatter& matter) {
  const std::int64_t id = ReserveId(session_, "legal_matter");
  Execute("INSERT INTO legal_matters (customer_id, id, case_id, status, currency, transferred_by, transferred_at) "
          "VALUES ($1, $2, $3, $4, $5, $6, $7)",
          {Int(record.customer.value), Int(id), Int(record.id.value), Text(matter.status),
           Text(CurrencyCode(record.currency)), Text(actor_), Text(now_)});
  return id;
}

void SqlWorkflowStore::UpdateLegalMatter(const app::CaseRecord& record, const app::LegalMatter& m) {
  Execute("UPDATE legal_matters SET status = $3, court = $4, court_case_number = $5, filed_on = $6, "
          "next_hearing_on = $7, judgment_amount = $8, judgment_on = $9, enforcement = $10, assets_frozen = $11, "
          "costs = $12, returned_at = CASE WHEN $3 = 'returned' THEN $13 ELSE returned_at END, version = version + 1 "
          "WHERE customer_id = $1 AND id = $2",
          {Int(record.customer.value), Int(m.id), Text(m.status), TextOrNull(m.court), TextOrNull(m.court_case_number),
           DateOrNull(m.filed_on), DateOrNull(m.next_hearing_on), MoneyOrNull(m.judgment_amount),
           DateOrNull(m.judgment_on), TextOrNull(m.enforcement), Int(m.assets_frozen ? 1 : 0),
           Int(m.costs.minor_units()), Text(now_)});
}

std::int64_t SqlWorkflowStore::AddDocument(const app::CaseRecord& record, const app::Document& document) {
  const std::int64_t id = ReserveId(session_, "document");
  const auto* bytes = reinterpret_cast<const unsigned char*>(document.content.data());
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, bytes, document.content.size());
  std::string base64(sodium_base64_ENCODED_LEN(document.content.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(base64.data(), base64.size(), bytes, document.content.size(), sodium_base64_VARIANT_ORIGINAL);
  base64.resize(std::char_traits<char>::length(base64.c_str()));
  Execute("INSERT INTO documents (customer_id, id, case_id, kind, file_name, media_type, size_bytes, sha256, "
          "content_base64, uploaded_by, uploaded_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
          {Int(record.customer.value), Int(id), Int(record.id.value), Text(document.info.kind),
           Text(document.info.file_name), Text(document.info.media_type), Int(document.info.size_bytes),
           Text(Hex(digest, sizeof digest)), Text(base64), Text(actor_), Text(now_)});
  return id;
}

std::optional<app::Document> SqlWorkflowStore::LoadDocument(const app::CaseRecord& record, std::int64_t id) {
  const auto rows = Query("SELECT id, kind, file_name, media_type, size_bytes, sha256, uploaded_by, uploaded_at, "
                          "content_base64 FROM documents WHERE customer_id = $1 AND case_id = $2 AND id = $3",
                          {Int(record.customer.value), Int(record.id.value), Int(id)});
  if (rows.empty()) return std::nullopt;
  const Row& r = rows[0];
  app::Document document;
  document.info = {r.Int(0), r.Text(1), r.Text(2), r.Text(3), r.Int(4), r.Text(5), r.Text(6), r.Text(7)};
  const std::string& base64 = r.Text(8);
  document.content.resize(base64.size());
  std::size_t length = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(document.content.data()), document.content.size(),
                        base64.data(), base64.size(), nullptr, &length, nullptr, sodium_base64_VARIANT_ORIGINAL) != 0) {
    throw DatabaseError(DatabaseError::Kind::kOther, "document " + std::to_string(id) + " is not valid base64");
  }
  document.content.resize(length);
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(document.content.data()), length);
  if (Hex(digest, sizeof digest) != document.info.sha256) {
    throw DatabaseError(DatabaseError::Kind::kOther,
                        "document " + std::to_string(id) + " does not match its SHA-256: it was altered");
  }
  return document;
}

void SqlWorkflowStore::AppendEvent(const app::CaseRecord& record, const app::CaseEvent& event) {
  const SqlValue customer = Int(record.customer.value);
  const SqlValue case_id = Int(record.id.value);
  Execute("INSERT INTO case_events (customer_id, case_id, seq, at, actor, kind, summary) SELECT $1, $2, "
          "COALESCE(MAX(seq), 0) + 1, $3, $4, $5, $6 FROM case_events WHERE customer_id = $1 AND case_id = $2",
          {customer, case_id, Text(now_), Text(actor_), Text(event.kind), Text(event.summary)});
  audit_.Append({record.customer.value, now_, actor_, event.kind, event.entity, event.entity_id, event.before,
                 event.after ? event.after : std::optional<std::string>(event.summary)});
}

void SqlWorkflowStore::AppendSystemEvent(const app::CaseEvent& event) {
  audit_.Append({kSystemChain, now_, actor_, event.kind, event.entity, event.entity_id, event.before,
                 event.after ? event.after : std::optional<std::string>(event.summary)});
}

}  // namespace arrears::store
