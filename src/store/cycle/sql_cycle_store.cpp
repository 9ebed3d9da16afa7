#include "store/cycle/sql_cycle_store.hpp"

#include <unordered_map>

#include "core/case_hold.hpp"
#include "core/contact_outcome.hpp"
#include "core/day_count.hpp"
#include "core/rate.hpp"
#include "store/audit_log.hpp"
#include "store/value_mapping.hpp"

namespace arrears::store {

namespace {


std::int32_t DateColumn(const Row& row, std::size_t column) {
  if (row.IsNull(column)) return app::kNoDate;
  // Dates are ISO text; an instant's first ten characters are its UTC date.
  const auto date = Date::Parse(std::string_view(row.Text(column)).substr(0, 10));
  return date ? static_cast<std::int32_t>(date->serial()) : app::kNoDate;
}

std::int8_t RatePeriodOf(const std::string& name) {
  for (RatePeriod period : {RatePeriod::kAnnual, RatePeriod::kMonthly, RatePeriod::kDaily, RatePeriod::kFlat}) {
    if (RatePeriodName(period) == name) return static_cast<std::int8_t>(period);
  }
  return static_cast<std::int8_t>(RatePeriod::kAnnual);
}

// The outcomes that are conversations with the debtor, for SQL's IN (...).
std::string ConversationOutcomes() {
  std::string list;
  for (int i = 0; i <= static_cast<int>(ContactOutcome::kVisitedNotMet); ++i) {
    const auto outcome = static_cast<ContactOutcome>(i);
    if (!IsDebtorConversation(outcome)) continue;
    list += (list.empty() ? "'" : ", '") + std::string(ContactOutcomeName(outcome)) + "'";
  }
  return list;
}

// The staging tables the day's chunks go through: each chunk is copied in (COPY on PostgreSQL, a prepared INSERT
// on SQLite), then merged by one or two set-based statements, all in the chunk's transaction.
constexpr const char* kStagingTables =
    "CREATE TEMP TABLE IF NOT EXISTS cycle_stage_moves (customer_id BIGINT, account_id BIGINT, from_bucket TEXT, "
    "to_bucket TEXT, days_past_due INTEGER);"
    "CREATE TEMP TABLE IF NOT EXISTS cycle_stage_placements (customer_id BIGINT, case_id BIGINT, segment TEXT, "
    "arm TEXT, treatment TEXT, treatment_since TEXT);"
    "CREATE TEMP TABLE IF NOT EXISTS cycle_stage_allocation (customer_id BIGINT, case_id BIGINT, kind TEXT, "
    "owner TEXT, assigned_on TEXT, notice_on TEXT, placed_agency TEXT, placed_on TEXT, placed_until TEXT, "
    "summary TEXT);"
    "CREATE TEMP TABLE IF NOT EXISTS cycle_stage_cases (customer_id BIGINT, case_id BIGINT);"
    "CREATE TEMP TABLE IF NOT EXISTS cycle_stage_facts (customer_id BIGINT, case_id BIGINT, bucket TEXT, "
    "overdue_since TEXT, days_past_due INTEGER, owed BIGINT, anchor_owed BIGINT, segment TEXT, arm TEXT, owner TEXT, "
    "agency TEXT)";

// Only the customers noted as changed (LoadChanges) when `changed_only`: a condition on the customer column.
std::string OnlyChanged(bool changed_only, const char* column) {
  return changed_only ? std::string(" AND ") + column + " IN (SELECT customer_id FROM changed_customers)" : std::string();
}

}  // namespace

app::WorkingSet SqlCycleStore::LoadWorkingSet(std::int64_t& generation) {
  Transaction transaction(session_);
  BeginSnapshotRead();
  app::WorkingSet set;
  LoadInto(set, false);
  generation = ClearNotes();
  transaction.Commit();
  return set;
}

std::optional<std::size_t> SqlCycleStore::LoadChanges(app::WorkingSet& set, std::int64_t& generation) {
  Transaction transaction(session_);
  BeginSnapshotRead();
  if (session_.Query("SELECT loads FROM change_tracking WHERE id = 1").at(0).Int(0) != generation) return std::nullopt;
  // The planner's estimate of the notes decides between index lookups per customer and a scan.
  if (session_.dialect() == Dialect::kPostgresql) session_.ExecuteScript("ANALYZE changed_customers");
  std::vector<std::int64_t> changed;
  for (const Row& r : session_.Query("SELECT DISTINCT customer_id FROM changed_customers ORDER BY customer_id")) {
    changed.push_back(r.Int(0));
  }
  // A few customers among many: their rows by index, customer by customer. (Left to itself the planner joins the
  // notes by hashing whole tables, about twice as slow for a day's changes.)
  if (session_.dialect() == Dialect::kPostgresql && changed.size() * 10 < set.cases.size()) {
    session_.ExecuteScript("SET LOCAL enable_hashjoin = off; SET LOCAL enable_mergejoin = off");
  }
  if (!changed.empty()) {
    app::WorkingSet fresh;
    fresh.text = std::move(set.text);  // interned in the set's own dictionary
    LoadInto(fresh, true);
    set.text = std::move(fresh.text);
    app::ReplaceCustomers(set, std::move(fresh), changed);
  }
  generation = ClearNotes();
  transaction.Commit();
  return changed.size();
}

void SqlCycleStore::BeginSnapshotRead() {
  // PostgreSQL: every statement of the read sees one snapshot, and the notes deleted are exactly those it saw (a
  // write committed meanwhile keeps its note). SQLite: the transaction holds the write lock, so nothing commits.
  if (session_.dialect() == Dialect::kPostgresql) session_.ExecuteScript("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
}

std::int64_t SqlCycleStore::ClearNotes() {
  session_.Execute("DELETE FROM changed_customers");
  session_.Execute("UPDATE change_tracking SET loads = loads + 1 WHERE id = 1");
  return session_.Query("SELECT loads FROM change_tracking WHERE id = 1").at(0).Int(0);
}

void SqlCycleStore::PauseNotes(bool paused) {
  const std::vector<SqlValue> params = {Int(paused ? 1 : 0)};
  session_.Execute("UPDATE change_tracking SET paused = $1 WHERE id = 1", params);
}

void SqlCycleStore::LoadInto(app::WorkingSet& set, bool changed_only) {
  app::CaseColumns& c = set.cases;
  std::unordered_map<std::int64_t, std::int32_t> case_rows;  // case id -> row
  // The two big reads stream their rows: nothing but the columns is held.
  session_.Stream(
      "SELECT c.customer_id, c.id, c.owner, c.currency, c.segment, c.arm, c.treatment_since, u.language, "
      "c.assigned_on, c.agency_notice_on, c.placed_on, c.placed_until, c.placed_agency, u.time_zone, f.valid_from, "
      "f.bucket, f.overdue_since, f.anchor_owed, f.segment, f.arm, f.owner, f.agency FROM cases c "
      "JOIN customers u ON u.id = c.customer_id LEFT JOIN case_facts f ON f.customer_id = c.customer_id AND "
      "f.case_id = c.id AND f.valid_to IS NULL WHERE c.closed_at IS NULL" + OnlyChanged(changed_only, "c.customer_id") +
          " ORDER BY c.customer_id, c.id",
      {}, [&](const Row& r) {
        case_rows.emplace(r.Int(1), static_cast<std::int32_t>(c.id.size()));
        c.customer.push_back(r.Int(0));
        c.id.push_back(r.Int(1));
        c.owner.push_back(r.IsNull(2) ? app::kNoIndex : set.text.Intern(r.Text(2)));
        c.currency.push_back(set.text.Intern(r.Text(3)));
        c.segment.push_back(r.IsNull(4) ? app::kNoIndex : set.text.Intern(r.Text(4)));
        c.arm.push_back(r.IsNull(5) ? -1 : (r.Text(5) == "challenger" ? 1 : 0));
        c.treatment_since.push_back(DateColumn(r, 6));
        c.language.push_back(set.text.Intern(r.Text(7)));
        c.assigned_on.push_back(DateColumn(r, 8));
        c.notice_on.push_back(DateColumn(r, 9));
        c.placed_on.push_back(DateColumn(r, 10));
        c.placed_until.push_back(DateColumn(r, 11));
        c.placed_agency.push_back(r.IsNull(12) ? app::kNoIndex : set.text.Intern(r.Text(12)));
        c.time_zone.push_back(set.text.Intern(r.Text(13)));
        const auto text = [&](std::size_t column) { return r.IsNull(column) ? app::kNoIndex : set.text.Intern(r.Text(column)); };
        c.fact_from.push_back(DateColumn(r, 14));
        c.fact_bucket.push_back(text(15));
        c.fact_overdue_since.push_back(DateColumn(r, 16));
        c.fact_anchor_owed.push_back(r.IsNull(17) ? 0 : r.Int(17));
        c.fact_segment.push_back(text(18));
        c.fact_arm.push_back(r.IsNull(19) ? -1 : (r.Text(19) == "challenger" ? 1 : 0));
        c.fact_owner.push_back(text(20));
        c.fact_agency.push_back(text(21));
      });
  const std::size_t cases = c.id.size();
  c.last_contact.assign(cases, app::kNoDate);
  c.last_contact_reached.assign(cases, 0);
  c.last_payment.assign(cases, app::kNoDate);
  c.promise.assign(cases, 0);
  c.broken_promises.assign(cases, 0);
  c.commitment_due.assign(cases, app::kNoDate);
  c.closed.assign(cases, 0);
  c.on_hold.assign(cases, 0);
  c.risk_score.assign(cases, -1);
  const auto row_of = [&](std::int64_t case_id) {
    const auto found = case_rows.find(case_id);
    return found == case_rows.end() ? app::kNoIndex : found->second;
  };
  constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  const auto at = [&](std::int64_t case_id) {
    const std::int32_t row = row_of(case_id);
    return row == app::kNoIndex ? kNone : static_cast<std::size_t>(row);
  };
  const std::string open = " JOIN cases c ON c.customer_id = x.customer_id AND c.id = x.case_id AND c.closed_at IS NULL";
  for (const Row& r : session_.Query("SELECT x.case_id, MAX(x.at), MAX(CASE WHEN x.outcome IN (" + ConversationOutcomes() +
                                     ") THEN x.at END) FROM contact_attempts x" + open +
                                     " WHERE x.made = 1 AND x.direction = 'outbound'" + OnlyChanged(changed_only, "x.customer_id") +
                                     " GROUP BY x.case_id")) {
    const std::size_t k = at(r.Int(0));
    if (k == kNone) continue;
    c.last_contact[k] = DateColumn(r, 1);
    c.last_contact_reached[k] = !r.IsNull(2) && r.Text(2) == r.Text(1) ? 1 : 0;
  }
  LoadPromiseFeatures(set, at, false, changed_only);
  for (const Row& r : session_.Query("SELECT x.case_id, x.kind FROM case_holds x" + open + " WHERE x.released_at IS NULL" +
                                     OnlyChanged(changed_only, "x.customer_id"))) {
    const std::size_t k = at(r.Int(0));
    const auto kind = ParseHoldKind(r.Text(1));
    if (k != kNone && kind && StopsContact(*kind)) c.on_hold[k] = 1;
  }
  // The last payment of each customer with an open case.
  for (const Row& r : session_.Query("SELECT c.id, MAX(p.value_date) FROM payments p JOIN cases c ON "
                                     "c.customer_id = p.customer_id AND c.closed_at IS NULL WHERE true" +
                                     OnlyChanged(changed_only, "p.customer_id") + " GROUP BY c.id")) {
    const std::size_t k = at(r.Int(0));
    if (k != kNone) c.last_payment[k] = DateColumn(r, 1);
  }

  // Accounts past due at their anchor or in an open case.
  app::AccountColumns& a = set.accounts;
  session_.Stream(
      "SELECT a.customer_id, a.id, a.oldest_unpaid_due_date, a.grace_days, a.balance_date, a.principal_not_due, "
      "a.principal_overdue + a.interest_overdue + a.penalty_interest + a.compound_interest + a.late_fee + "
      "a.installment_fee + a.other_fee, a.principal_overdue, a.interest_overdue, a.rate_billionths, a.rate_period, "
      "a.day_count, a.penalty_uplift_billionths, a.bucket, a.product_type, a.region, oc.case_id, a.days_past_due "
      "FROM accounts a "
      "LEFT JOIN (SELECT ca.customer_id, ca.account_id, ca.case_id FROM case_accounts ca JOIN cases c ON "
      "c.customer_id = ca.customer_id AND c.id = ca.case_id WHERE c.closed_at IS NULL) oc "
      "ON oc.customer_id = a.customer_id AND oc.account_id = a.id WHERE a.status <> 'closed' AND "
      "(a.oldest_unpaid_due_date IS NOT NULL OR oc.case_id IS NOT NULL)" + OnlyChanged(changed_only, "a.customer_id") +
          " ORDER BY a.customer_id, a.id",
      {}, [&](const Row& r) {
        a.customer.push_back(r.Int(0));
        a.id.push_back(r.Int(1));
        a.oldest_unpaid.push_back(DateColumn(r, 2));
        a.grace_days.push_back(static_cast<std::int16_t>(r.Int(3)));
        a.balance_date.push_back(DateColumn(r, 4));
        a.principal_not_due.push_back(r.Int(5));
        a.overdue.push_back(r.Int(6));
        a.overdue_principal.push_back(r.Int(7));
        a.overdue_interest.push_back(r.Int(8));
        a.rate_billionths.push_back(r.Int(9));
        a.rate_period.push_back(RatePeriodOf(r.Text(10)));
        const auto day_count = r.IsNull(11) ? std::nullopt : ParseDayCountConvention(r.Text(11));
        a.day_count.push_back(static_cast<std::int8_t>(day_count.value_or(DayCountConvention::kActual360)));
        // Loans: penalty interest at the contract rate + 50% unless the contract says otherwise (PBoC), and
        // compound interest on overdue interest. Cards: the daily rate, no uplift, no compounding between statements.
        const bool card = r.Text(14) == "card";
        a.penalty_uplift_billionths.push_back(r.IsNull(12) ? (card ? 0 : 500'000'000) : r.Int(12));
        a.compound.push_back(card ? 0 : 1);
        a.bucket.push_back(r.IsNull(13) ? app::kNoIndex : set.text.Intern(r.Text(13)));
        a.product.push_back(set.text.Intern(r.Text(14)));
        a.region.push_back(r.IsNull(15) ? app::kNoIndex : set.text.Intern(r.Text(15)));
        a.case_row.push_back(r.IsNull(16) ? app::kNoIndex : row_of(r.Int(16)));
        a.stored_dpd.push_back(static_cast<std::int32_t>(r.Int(17)));
      });
}

void SqlCycleStore::LoadPromiseFeatures(app::WorkingSet& set, const std::function<std::size_t(std::int64_t)>& row_of,
                                        bool staged, bool changed_only) {
  app::CaseColumns& c = set.cases;
  constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  const std::string only = staged ? " JOIN cycle_stage_cases s ON s.customer_id = x.customer_id AND s.case_id = x.case_id"
                                  : " JOIN cases o ON o.customer_id = x.customer_id AND o.id = x.case_id AND "
                                    "o.closed_at IS NULL";
  const auto due = [&](std::size_t k, std::int32_t date) {
    if (date != app::kNoDate && (c.commitment_due[k] == app::kNoDate || date < c.commitment_due[k])) {
      c.commitment_due[k] = date;
    }
  };
  session_.Stream("SELECT x.case_id, x.status, x.promised_on FROM promises x" + only + " WHERE true" +
                      OnlyChanged(changed_only, "x.customer_id") + " ORDER BY x.case_id, x.id",
                  {},
                  [&](const Row& r) {
                    const std::size_t k = row_of(r.Int(0));
                    if (k == kNone) return;
                    const std::string& status = r.Text(1);
                    c.promise[k] = status == "open" ? 1 : status == "broken" ? 3 : 2;  // the latest promise's, by id
                    if (status == "broken") ++c.broken_promises[k];
                    if (status == "open") due(k, DateColumn(r, 2));
                  });
  session_.Stream("SELECT x.case_id, MIN(i.due_on) FROM arrangements x JOIN arrangement_installments i ON "
                  "i.customer_id = x.customer_id AND i.arrangement_id = x.id" + only +
                      " WHERE x.status = 'active' AND i.status = 'open'" + OnlyChanged(changed_only, "x.customer_id") +
                      " GROUP BY x.case_id",
                  {}, [&](const Row& r) {
                    const std::size_t k = row_of(r.Int(0));
                    if (k != kNone) due(k, DateColumn(r, 1));
                  });
}

void SqlCycleStore::RefreshCases(app::WorkingSet& set, const std::vector<std::size_t>& rows) {
  if (rows.empty()) return;
  app::CaseColumns& c = set.cases;
  std::unordered_map<std::int64_t, std::size_t> index;
  static const std::vector<std::string> columns = {"customer_id", "case_id"};
  Stage("cycle_stage_cases", columns, [&](const auto& row) {
    for (std::size_t k : rows) {
      index.emplace(c.id[k], k);
      c.promise[k] = 0;
      c.broken_promises[k] = 0;
      c.commitment_due[k] = app::kNoDate;
      const SqlValue values[] = {Int(c.customer[k]), Int(c.id[k])};
      row(values);
    }
  });
  const auto row_of = [&](std::int64_t case_id) {
    const auto found = index.find(case_id);
    return found == index.end() ? static_cast<std::size_t>(-1) : found->second;
  };
  LoadPromiseFeatures(set, row_of, true, false);
  session_.Stream("SELECT x.id FROM cases x JOIN cycle_stage_cases s ON s.customer_id = x.customer_id AND "
                  "s.case_id = x.id WHERE x.closed_at IS NOT NULL",
                  {}, [&](const Row& r) {
                    const std::size_t k = row_of(r.Int(0));
                    if (k != static_cast<std::size_t>(-1)) c.closed[k] = 1;
                  });
}

std::vector<app::RecentContact> SqlCycleStore::ContactsSince(const std::string& since) {
  std::vector<app::RecentContact> contacts;
  const std::vector<SqlValue> params = {Text(since)};
  for (const Row& r : session_.Query(
           "SELECT t.customer_id, t.at, t.channel, t.party, t.direction, p.value_index, t.outcome, t.made FROM "
           "contact_attempts t LEFT JOIN contact_points p ON p.customer_id = t.customer_id AND p.id = t.contact_point_id "
           "WHERE t.at >= $1 AND t.made = 1 ORDER BY t.customer_id, t.at, t.id",
           params)) {
    contacts.push_back({r.Int(0), app::PastContact{r.Text(1), r.Text(2), r.Text(3), r.Text(4),
                                                   r.IsNull(5) ? "" : r.Text(5), r.IsNull(6) ? "" : r.Text(6),
                                                   r.Int(7) != 0}});
  }
  return contacts;
}

std::vector<app::HeldCase> SqlCycleStore::HoldsInForce() {
  std::vector<app::HeldCase> held;
  std::unordered_map<std::int64_t, std::size_t> index;
  for (const Row& r : session_.Query(
           "SELECT h.case_id, h.id, h.kind, h.reason, h.account_id, h.placed_by, h.placed_at, a.account_ref FROM "
           "case_holds h JOIN cases c ON c.customer_id = h.customer_id AND c.id = h.case_id AND c.closed_at IS NULL "
           "LEFT JOIN accounts a ON a.customer_id = h.customer_id AND a.id = h.account_id "
           "WHERE h.released_at IS NULL ORDER BY h.case_id, h.id")) {
    const auto kind = ParseHoldKind(r.Text(2));
    if (!kind) continue;
    auto [it, added] = index.emplace(r.Int(0), held.size());
    if (added) held.push_back({r.Int(0), {}, {}, {}});
    app::HeldCase& c = held[it->second];
    app::Hold hold;
    hold.id = r.Int(1);
    hold.kind = *kind;
    hold.reason = r.Text(3);
    if (!r.IsNull(4)) hold.account = AccountId{r.Int(4)};
    hold.placed_by = r.Text(5);
    hold.placed_at = r.Text(6);
    c.holds.push_back(std::move(hold));
    c.hold_accounts.push_back(r.IsNull(7) ? "" : r.Text(7));
  }
  if (held.empty()) return held;
  for (const Row& r : session_.Query(
           "SELECT ca.case_id, a.account_ref FROM case_accounts ca JOIN accounts a ON a.customer_id = ca.customer_id AND "
           "a.id = ca.account_id WHERE EXISTS (SELECT 1 FROM case_holds h WHERE h.customer_id = ca.customer_id AND "
           "h.case_id = ca.case_id AND h.released_at IS NULL) ORDER BY ca.case_id, a.id")) {
    const auto found = index.find(r.Int(0));
    if (found != index.end()) held[found->second].account_refs.push_back(r.Text(1));
  }
  return held;
}

std::optional<app::CycleRun> SqlCycleStore::FindRun(Date as_of) {
  const std::vector<SqlValue> params = {Text(as_of.ToString())};
  const auto rows = session_.Query("SELECT started_at, finished_at, summary FROM cycle_runs WHERE as_of = $1", params);
  if (rows.empty()) return std::nullopt;
  return app::CycleRun{as_of, rows[0].Text(0), rows[0].IsNull(1) ? "" : rows[0].Text(1),
                       rows[0].IsNull(2) ? "" : rows[0].Text(2)};
}

std::optional<Date> SqlCycleStore::LastFinishedRun() {
  const auto rows = session_.Query("SELECT MAX(as_of) FROM cycle_runs WHERE finished_at IS NOT NULL");
  if (rows.empty() || rows[0].IsNull(0)) return std::nullopt;
  auto date = Date::Parse(rows[0].Text(0));
  return date ? std::optional<Date>(*date) : std::nullopt;
}

std::vector<app::CycleRun> SqlCycleStore::RecentRuns(int limit) {
  std::vector<app::CycleRun> runs;
  const std::vector<SqlValue> params = {Int(limit)};
  for (const Row& r : session_.Query(
           "SELECT as_of, started_at, finished_at, summary FROM cycle_runs ORDER BY as_of DESC LIMIT $1", params)) {
    runs.push_back({*Date::Parse(r.Text(0)), r.Text(1), r.IsNull(2) ? "" : r.Text(2), r.IsNull(3) ? "" : r.Text(3)});
  }
  return runs;
}

void SqlCycleStore::StartRun(Date as_of, const std::string& now) {
  const std::vector<SqlValue> params = {Text(as_of.ToString()), Text(now)};
  session_.Execute("INSERT INTO cycle_runs (as_of, started_at) VALUES ($1, $2) ON CONFLICT (as_of) DO NOTHING", params);
}

void SqlCycleStore::FinishRun(Date as_of, const std::string& now, const std::string& summary) {
  Transaction transaction(session_);
  const std::vector<SqlValue> params = {Text(as_of.ToString()), Text(now), Text(summary)};
  session_.Execute("UPDATE cycle_runs SET finished_at = $2, summary = $3 WHERE as_of = $1", params);
  // One audit event per day run, as for an import batch: the counts, not every row.
  AuditWriter(session_, vault_).Append({kSystemChain, now, "system", "cycle.run", "cycle", as_of.serial(), std::nullopt,
                                        "as_of=" + as_of.ToString() + " " + summary});
  transaction.Commit();
}

void SqlCycleStore::Mark(Date as_of, const char* step, int chunk, std::size_t changes) {
  const std::vector<SqlValue> params = {Text(as_of.ToString()), Text(step), Int(chunk),
                                        Int(static_cast<std::int64_t>(changes))};
  session_.Execute("INSERT INTO cycle_chunks (as_of, step, chunk, changes) VALUES ($1, $2, $3, $4) "
                   "ON CONFLICT (as_of, step, chunk) DO UPDATE SET changes = cycle_chunks.changes + excluded.changes",
                   params);
}


void SqlCycleStore::Stage(const char* table, std::span<const std::string> columns,
                          const std::function<void(const std::function<void(std::span<const SqlValue>)>&)>& rows) {
  if (!staging_ready_) {
    session_.ExecuteScript(kStagingTables);
    staging_ready_ = true;
  }
  session_.Execute(std::string("DELETE FROM ") + table);
  rows([&](std::span<const SqlValue> values) { session_.BulkRow(table, columns, values); });
  session_.FinishBulk();
  // A temporary table has no statistics until analysed: without them PostgreSQL guesses its size and may join it
  // to a table of millions by reading all of them.
  if (session_.dialect() == Dialect::kPostgresql) session_.ExecuteScript(std::string("ANALYZE ") + table);
}

void SqlCycleStore::WriteBucketMoves(Date as_of, int chunk, std::span<const app::BucketMove> moves) {
  Transaction transaction(session_);
  PauseNotes(true);  // the working set holds what this chunk writes
  static const std::vector<std::string> columns = {"customer_id", "account_id", "from_bucket", "to_bucket",
                                                   "days_past_due"};
  Stage("cycle_stage_moves", columns, [&](const auto& row) {
    for (const app::BucketMove& m : moves) {
      const SqlValue values[] = {Int(m.customer), Int(m.account), TextOrNull(m.from_bucket), Text(m.to_bucket),
                                 Int(m.days_past_due)};
      row(values);
    }
  });
  const std::vector<SqlValue> day = {Text(as_of.ToString())};
  session_.Execute("INSERT INTO bucket_moves (customer_id, account_id, moved_on, from_bucket, to_bucket, days_past_due) "
                   "SELECT customer_id, account_id, $1, from_bucket, to_bucket, days_past_due FROM cycle_stage_moves "
                   "WHERE true ON CONFLICT (customer_id, account_id, moved_on) DO UPDATE SET "
                   "to_bucket = excluded.to_bucket, days_past_due = excluded.days_past_due",
                   day);
  session_.Execute("UPDATE accounts SET bucket = m.to_bucket FROM cycle_stage_moves m "
                   "WHERE accounts.customer_id = m.customer_id AND accounts.id = m.account_id");
  Mark(as_of, "buckets", chunk, moves.size());
  PauseNotes(false);
  transaction.Commit();
}

void SqlCycleStore::WritePlacements(Date as_of, int chunk, std::span<const app::CasePlacementChange> changes) {
  Transaction transaction(session_);
  PauseNotes(true);  // the working set holds what this chunk writes
  static const std::vector<std::string> columns = {"customer_id", "case_id", "segment", "arm", "treatment",
                                                   "treatment_since"};
  Stage("cycle_stage_placements", columns, [&](const auto& row) {
    for (const app::CasePlacementChange& c : changes) {
      const SqlValue values[] = {Int(c.customer),       Int(c.case_id),         TextOrNull(c.segment),
                                 TextOrNull(c.arm),     TextOrNull(c.treatment), DateOrNull(c.treatment_since)};
      row(values);
    }
  });
  session_.Execute("UPDATE cases SET segment = s.segment, arm = s.arm, treatment = s.treatment, "
                   "treatment_since = s.treatment_since FROM cycle_stage_placements s "
                   "WHERE cases.customer_id = s.customer_id AND cases.id = s.case_id");
  Mark(as_of, "strategy", chunk, changes.size());
  PauseNotes(false);
  transaction.Commit();
}

void SqlCycleStore::WriteAllocation(Date as_of, int chunk, std::span<const app::AllocationWrite> changes,
                                    const std::string& now) {
  Transaction transaction(session_);
  PauseNotes(true);  // the working set holds what this chunk writes
  static const std::vector<std::string> columns = {"customer_id", "case_id",   "kind",      "owner",        "assigned_on",
                                                   "notice_on",   "placed_agency", "placed_on", "placed_until", "summary"};
  std::string digest_text;
  Stage("cycle_stage_allocation", columns, [&](const auto& row) {
    for (const app::AllocationWrite& c : changes) {
      std::string summary;
      if (c.kind == "notice") {
        summary = "the debtor is told the case may be placed with an outside agency";
      } else if (c.kind == "place") {
        summary = "placed with agency " + c.to + " until " + (c.placed_until ? c.placed_until->ToString() : "");
      } else if (c.kind == "recall") {
        summary = "recalled from the agency" + (c.owner.empty() ? std::string() : ", assigned to " + c.owner);
      } else {
        summary = (c.kind == "rotate" ? "rotated to " : "assigned to ") + c.owner + " (team " + c.to + ")";
      }
      digest_text += std::to_string(c.case_id) + " " + c.kind + " " + c.previous_owner + ">" + c.owner + "\n";
      const SqlValue values[] = {Int(c.customer),           Int(c.case_id),            Text("case.allocation." + c.kind),
                                 TextOrNull(c.owner),       DateOrNull(c.assigned_on), DateOrNull(c.notice_on),
                                 TextOrNull(c.placed_agency), DateOrNull(c.placed_on), DateOrNull(c.placed_until),
                                 Text(summary)};
      row(values);
    }
  });
  const std::vector<SqlValue> at = {Text(now)};
  session_.Execute("UPDATE cases SET owner = s.owner, assigned_on = s.assigned_on, agency_notice_on = s.notice_on, "
                   "placed_agency = s.placed_agency, placed_on = s.placed_on, placed_until = s.placed_until, "
                   "updated_at = $1, version = cases.version + 1 FROM cycle_stage_allocation s "
                   "WHERE cases.customer_id = s.customer_id AND cases.id = s.case_id",
                   at);
  // On each case's timeline.
  session_.Execute("INSERT INTO case_events (customer_id, case_id, seq, at, actor, kind, summary) SELECT s.customer_id, "
                   "s.case_id, COALESCE((SELECT MAX(e.seq) FROM case_events e WHERE e.customer_id = s.customer_id AND "
                   "e.case_id = s.case_id), 0) + 1, $1, 'system', s.kind, s.summary FROM cycle_stage_allocation s",
                   at);
  // One audit event per chunk, as for an import batch: the counts and a keyed digest of every change in it.
  if (!changes.empty()) {
    AuditWriter(session_, vault_).Append({kSystemChain, now, "system", "cycle.allocation", "cycle", as_of.serial(),
                                          std::nullopt,
                                          "as_of=" + as_of.ToString() + " chunk=" + std::to_string(chunk) +
                                              " changes=" + std::to_string(changes.size()) + " digest=" +
                                              vault_.KeyedHash("cycle-allocation", digest_text)});
  }
  Mark(as_of, "allocate", chunk, changes.size());
  PauseNotes(false);
  transaction.Commit();
}

void SqlCycleStore::WriteFacts(Date as_of, int chunk, std::span<const app::CaseFact> facts) {
  Transaction transaction(session_);
  PauseNotes(true);  // the working set holds what this chunk writes
  static const std::vector<std::string> columns = {"customer_id", "case_id", "bucket",  "overdue_since",
                                                   "days_past_due", "owed",  "anchor_owed", "segment",
                                                   "arm",           "owner", "agency"};
  Stage("cycle_stage_facts", columns, [&](const auto& row) {
    for (const app::CaseFact& f : facts) {
      const SqlValue values[] = {Int(f.customer),         Int(f.case_id),        Text(f.bucket),
                                 DateOrNull(f.overdue_since), Int(f.days_past_due), Int(f.owed),
                                 Int(f.anchor_owed),      TextOrNull(f.segment), TextOrNull(f.arm),
                                 TextOrNull(f.owner),     TextOrNull(f.agency)};
      row(values);
    }
  });
  const std::vector<SqlValue> day = {Text(as_of.ToString())};
  // The span that held until yesterday ends today; today's (a rerun's) is replaced.
  session_.Execute("UPDATE case_facts SET valid_to = $1 FROM cycle_stage_facts s WHERE case_facts.customer_id = "
                   "s.customer_id AND case_facts.case_id = s.case_id AND case_facts.valid_to IS NULL AND "
                   "case_facts.valid_from < $1",
                   day);
  session_.Execute("INSERT INTO case_facts (customer_id, case_id, valid_from, bucket, overdue_since, days_past_due, "
                   "owed, anchor_owed, segment, arm, owner, agency) SELECT customer_id, case_id, $1, bucket, "
                   "overdue_since, days_past_due, owed, anchor_owed, segment, arm, owner, agency FROM "
                   "cycle_stage_facts WHERE true ON CONFLICT (customer_id, case_id, valid_from) DO UPDATE SET "
                   "valid_to = NULL, bucket = excluded.bucket, overdue_since = excluded.overdue_since, "
                   "days_past_due = excluded.days_past_due, owed = excluded.owed, anchor_owed = excluded.anchor_owed, "
                   "segment = excluded.segment, arm = excluded.arm, owner = excluded.owner, agency = excluded.agency",
                   day);
  Mark(as_of, "facts", chunk, facts.size());
  PauseNotes(false);
  transaction.Commit();
}

void SqlCycleStore::LoadStaff(std::vector<app::StaffMember>& collectors, std::vector<app::StaffMember>& agency_users) {
  for (const Row& r : session_.Query("SELECT login, role, COALESCE(team, ''), COALESCE(agency, '') FROM users "
                                     "WHERE disabled = 0 AND role IN ('collector', 'agency_user') ORDER BY login")) {
    if (r.Text(1) == "collector" && !r.Text(2).empty()) collectors.push_back({r.Text(0), r.Text(2), ""});
    if (r.Text(1) == "agency_user" && !r.Text(3).empty()) agency_users.push_back({r.Text(0), "", r.Text(3)});
  }
}

void SqlCycleStore::WriteQueue(Date as_of, int chunk, std::span<const app::QueueItem> items) {
  Transaction transaction(session_);
  // The queue is the day's: chunk 0 empties it (a rerun writes every chunk again from 0), and every chunk is
  // copied straight in (COPY on PostgreSQL), a hundred thousand rows a night without staging or conflict checks.
  if (chunk == 0) {
    session_.ExecuteScript(session_.dialect() == Dialect::kPostgresql ? "TRUNCATE queue_items" : "DELETE FROM queue_items");
  }
  static const std::vector<std::string> columns = {
      "customer_id", "case_id", "queue_date", "owner", "rank", "priority", "propensity_ppm", "owed", "currency",
      "days_past_due", "bucket", "segment", "arm", "action", "template", "contact_from"};
  const std::string day = as_of.ToString();
  for (const app::QueueItem& q : items) {
    const SqlValue values[] = {Int(q.customer),          Int(q.case_id),      Text(day),
                               TextOrNull(q.owner),      Int(q.rank),         Int(q.priority),
                               Int(q.propensity_ppm),    Int(q.owed),         Text(q.currency),
                               Int(q.days_past_due),     Text(q.bucket),      Text(q.segment),
                               Text(q.arm),              Text(q.action),      TextOrNull(q.template_id),
                               TextOrNull(q.contact_from)};
    session_.BulkRow("queue_items", columns, values);
  }
  session_.FinishBulk();
  Mark(as_of, "queue", chunk, items.size());
  transaction.Commit();
}

namespace {

constexpr std::string_view kQueueColumns =
    "q.customer_id, q.case_id, q.owner, q.rank, q.priority, q.propensity_ppm, q.owed, q.currency, q.days_past_due, "
    "q.bucket, q.segment, q.arm, q.action, q.template, q.contact_from";

app::QueueItem QueueItemFrom(const Row& r) {
  app::QueueItem q;
  q.customer = r.Int(0);
  q.case_id = r.Int(1);
  q.owner = r.IsNull(2) ? "" : r.Text(2);
  q.rank = static_cast<int>(r.Int(3));
  q.priority = r.Int(4);
  q.propensity_ppm = static_cast<int>(r.Int(5));
  q.owed = r.Int(6);
  q.currency = r.Text(7);
  q.days_past_due = static_cast<int>(r.Int(8));
  q.bucket = r.Text(9);
  q.segment = r.Text(10);
  q.arm = r.Text(11);
  q.action = r.Text(12);
  q.template_id = r.IsNull(13) ? "" : r.Text(13);
  q.contact_from = r.IsNull(14) ? "" : r.Text(14);
  return q;
}

}  // namespace

// A day's queue items ($1), one owner's ($2) or every owner's, of one team's owners ($3) or all.
constexpr std::string_view kQueueItems = " queue_items q LEFT JOIN users o ON o.login = q.owner ";
constexpr std::string_view kQueueOf = " q.queue_date = $1 AND ($2 = '' OR q.owner = $2) AND ($3 = '' OR o.team = $3)";

std::vector<app::QueueItem> SqlCycleStore::Queue(Date as_of, const std::string& owner, const std::string& team) {
  std::vector<app::QueueItem> items;
  const std::vector<SqlValue> params = {Text(as_of.ToString()), Text(owner), Text(team)};
  for (const Row& r : session_.Query("SELECT " + std::string(kQueueColumns) + " FROM" + std::string(kQueueItems) +
                                         "WHERE" + std::string(kQueueOf) + " ORDER BY COALESCE(q.owner, ''), q.rank",
                                     params)) {
    items.push_back(QueueItemFrom(r));
  }
  return items;
}

std::vector<app::CaseGlance> SqlCycleStore::Glances(Date as_of, const std::string& owner, const std::string& team) {
  std::vector<app::CaseGlance> glances;
  std::unordered_map<std::int64_t, std::size_t> index;
  const std::vector<SqlValue> params = {Text(as_of.ToString()), Text(owner), Text(team)};
  const std::string of_case = " WHERE x.customer_id = q.customer_id AND x.case_id = q.case_id";
  for (const Row& r : session_.Query(
           "SELECT q.case_id, u.name, c.stage, (SELECT COALESCE(SUM(a.principal_overdue + a.interest_overdue + "
           "a.penalty_interest + a.compound_interest + a.late_fee + a.installment_fee + a.other_fee), 0) FROM "
           "case_accounts x JOIN accounts a ON a.customer_id = x.customer_id AND a.id = x.account_id" + of_case +
               "), p.promised_on, p.amount FROM" + std::string(kQueueItems) +
               "JOIN customers u ON u.id = q.customer_id JOIN cases c ON c.customer_id = q.customer_id AND "
               "c.id = q.case_id LEFT JOIN promises p ON p.customer_id = q.customer_id AND p.id = (SELECT x.id FROM "
               "promises x" + of_case + " AND x.status = 'open' ORDER BY x.promised_on, x.id LIMIT 1) WHERE" +
               std::string(kQueueOf),
           params)) {
    index.emplace(r.Int(0), glances.size());
    glances.push_back({r.Int(0), r.Text(1), r.Text(2), r.Int(3), r.IsNull(4) ? "" : r.Text(4),
                       r.IsNull(5) ? 0 : r.Int(5), {}});
  }
  for (const Row& r : session_.Query("SELECT q.case_id, x.kind FROM" + std::string(kQueueItems) +
                                         "JOIN case_holds x ON x.customer_id = q.customer_id AND x.case_id = q.case_id "
                                         "WHERE x.released_at IS NULL AND" + std::string(kQueueOf) + " ORDER BY x.id",
                                     params)) {
    const auto it = index.find(r.Int(0));
    if (it != index.end()) glances[it->second].holds.push_back(r.Text(1));
  }
  return glances;
}

std::vector<app::DialerLine> SqlCycleStore::DialerList(Date as_of, const std::string& owner) {
  std::vector<app::DialerLine> lines;
  const std::vector<SqlValue> params = {Text(as_of.ToString()), Text(owner)};
  for (const Row& r : session_.Query(
           "SELECT " + std::string(kQueueColumns) +
               ", u.customer_ref, p.id, p.kind, p.value_cipher, u.time_zone FROM queue_items q "
               "JOIN customers u ON u.id = q.customer_id JOIN contact_points p ON p.customer_id = q.customer_id "
               "WHERE q.queue_date = $1 AND ($2 = '' OR q.owner = $2) AND q.action = 'call' AND "
               "q.contact_from IS NOT NULL AND p.kind IN ('mobile', 'landline') AND p.relation = 'self' AND "
               "p.status NOT IN ('invalid', 'wrong_party') ORDER BY COALESCE(q.owner, ''), q.rank, p.is_primary DESC, p.id",
           params)) {
    lines.push_back({QueueItemFrom(r), r.Text(15), r.Int(16), r.Text(17), r.Text(18), r.Text(19)});
  }
  return lines;
}

void SqlCycleStore::AuditExport(const std::string& actor, const std::string& now, const std::string& what) {
  Transaction transaction(session_);
  AuditWriter(session_, vault_).Append({kSystemChain, now, actor, "queue.export", "queue", 0, std::nullopt, what});
  transaction.Commit();
}

}  // namespace arrears::store
