#include "store/import/sql_import_store.hpp"

#include "store/import/import_entity.hpp"
#include "store/sequences.hpp"
#include "store/value_mapping.hpp"

#include <algorithm>
#include <map>

#include "core/masking.hpp"
#include "core/waterfall.hpp"

namespace arrears::store {

namespace {

constexpr const char* kDropStaging =
    "DROP TABLE IF EXISTS stage_rows; DROP TABLE IF EXISTS stage_new; DROP TABLE IF EXISTS stage_dropped; "
    "DROP TABLE IF EXISTS stage_balances";

const std::vector<ImportColumn> kCustomerColumns = {
    {"name", "TEXT"},           {"id_type", "TEXT"},          {"id_number_cipher", "TEXT"},
    {"id_number_index", "TEXT"}, {"id_number_masked", "TEXT"}, {"birth_date", "TEXT"},
    {"gender", "TEXT"},         {"jurisdiction", "TEXT"},     {"time_zone", "TEXT"},
    {"language", "TEXT"},       {"province", "TEXT"},         {"city", "TEXT"},
    {"address_cipher", "TEXT"}, {"address_masked", "TEXT"},   {"employer", "TEXT"}};
const std::vector<ImportColumn> kContactColumns = {
    {"kind", "TEXT"},     {"value_cipher", "TEXT"}, {"value_index", "TEXT"}, {"value_masked", "TEXT"},
    {"relation", "TEXT"}, {"contact_name", "TEXT"}, {"is_primary", "SMALLINT"}, {"status", "TEXT"},
    {"source", "TEXT"}};
const std::vector<ImportColumn> kAccountColumns = {
    {"product_type", "TEXT"},         {"product_code", "TEXT"},
    {"currency", "TEXT"},             {"opened_on", "TEXT"},
    {"credit_limit", "BIGINT"},       {"original_principal", "BIGINT"},
    {"term_months", "INTEGER"},       {"repayment_method", "TEXT"},
    {"rate_billionths", "BIGINT"},    {"rate_period", "TEXT"},
    {"day_count", "TEXT"},            {"penalty_uplift_billionths", "BIGINT"},
    {"first_due_date", "TEXT"},       {"statement_day", "INTEGER"},
    {"due_day", "INTEGER"},           {"grace_days", "INTEGER"},
    {"balance_date", "TEXT"},         {"principal_not_due", "BIGINT"},
    {"principal_overdue", "BIGINT"},  {"interest_overdue", "BIGINT"},
    {"penalty_interest", "BIGINT"},   {"compound_interest", "BIGINT"},
    {"late_fee", "BIGINT"},           {"installment_fee", "BIGINT"},
    {"other_fee", "BIGINT"},          {"minimum_due", "BIGINT"},
    {"oldest_unpaid_due_date", "TEXT"}, {"days_past_due", "INTEGER"},
    {"status", "TEXT"},               {"region", "TEXT"}};
const std::vector<ImportColumn> kPaymentColumns = {
    {"account_ref", "TEXT"}, {"paid_at", "TEXT"}, {"value_date", "TEXT"}, {"amount", "BIGINT"},
    {"currency", "TEXT"},    {"channel", "TEXT"}, {"kind", "TEXT"},       {"reverses_payment_ref", "TEXT"},
    {"installment_number", "INTEGER"}};


std::string MaskedContact(const app::ContactRow& row) {
  if (row.kind == "email") return MaskEmail(row.value);
  if (row.kind == "address") return MaskAddress(row.value);
  return MaskPhone(row.value);
}

std::string StageColumns(const std::vector<ImportColumn>& data, bool has_parent) {
  std::string sql = "line BIGINT NOT NULL, source_ref TEXT NOT NULL, row_hash TEXT NOT NULL";
  if (has_parent) sql += ", customer_ref TEXT NOT NULL";
  for (const ImportColumn& column : data) sql += std::string(", ") + column.name + " " + column.type;
  return sql;
}

std::vector<std::string> StageColumnNames(const std::vector<ImportColumn>& data, bool has_parent) {
  std::vector<std::string> names = {"line", "source_ref", "row_hash"};
  if (has_parent) names.emplace_back("customer_ref");
  for (const ImportColumn& column : data) names.emplace_back(column.name);
  return names;
}

}  // namespace

SqlImportStore::~SqlImportStore() {
  if (open_) {
    try {
      Abort();
    } catch (...) {  // NOLINT: the destructor runs on an error path already
    }
  }
}

const SqlImportStore::Entity& SqlImportStore::entity() const {
  static const Entity kCustomers{"customer", "customers", "customer_ref", false, kCustomerColumns};
  static const Entity kContacts{"contact", "contact_points", "contact_ref", true, kContactColumns};
  static const Entity kAccounts{"account", "accounts", "account_ref", true, kAccountColumns};
  static const Entity kPayments{"payment", "payments", "payment_ref", true, kPaymentColumns};
  switch (batch_.kind) {
    case app::ImportKind::kCustomers: return kCustomers;
    case app::ImportKind::kContacts: return kContacts;
    case app::ImportKind::kAccounts: return kAccounts;
    case app::ImportKind::kPayments: return kPayments;
  }
  return kCustomers;
}

void SqlImportStore::Begin(const app::BatchInfo& batch) {
  batch_ = batch;
  session_.Begin();
  open_ = true;
  batch_id_ = ReserveId(session_, "import_batch");
  staging_ended_ = false;
  audit_.emplace(session_, vault_);
  const Entity& e = entity();
  const std::string temp = "CREATE TEMP TABLE ";
  const std::string on_commit = session_.dialect() == Dialect::kPostgresql ? " ON COMMIT DROP" : "";
  session_.ExecuteScript(kDropStaging);
  session_.ExecuteScript(temp + "stage_rows (" + StageColumns(e.data, e.has_parent) + ")" + on_commit);
  session_.ExecuteScript(temp + "stage_new (line BIGINT PRIMARY KEY, id BIGINT NOT NULL, customer_id BIGINT NOT NULL)" +
                         on_commit);
  session_.ExecuteScript(temp + "stage_dropped (line BIGINT PRIMARY KEY)" + on_commit);
}

void SqlImportStore::Bulk(std::vector<SqlValue> values) {
  static thread_local std::map<std::string, std::vector<std::string>> names_by_entity;
  const Entity& e = entity();
  auto& names = names_by_entity[e.name];
  if (names.empty()) names = StageColumnNames(e.data, e.has_parent);
  session_.BulkRow("stage_rows", names, values);
}

void SqlImportStore::Stage(const app::CustomerRow& row, const app::StagedRow& staged) {
  Bulk({Int(staged.line), Text(row.customer_ref), Text(staged.row_hash), Text(row.name),
        Text(row.id_type), Text(vault_.Seal(row.id_number)), Text(vault_.BlindIndex("id_number", row.id_number)),
        Text(MaskIdNumber(row.id_number)), DateOrNull(row.birth_date), Text(row.gender), Text(row.jurisdiction),
        Text(row.time_zone), Text(row.language), TextOrNull(row.province), TextOrNull(row.city),
        row.address.empty() ? Null() : Text(vault_.Seal(row.address)),
        row.address.empty() ? Null() : Text(MaskAddress(row.address)), TextOrNull(row.employer)});
}

void SqlImportStore::Stage(const app::ContactRow& row, const app::StagedRow& staged) {
  Bulk({Int(staged.line), Text(row.contact_ref), Text(staged.row_hash),
        Text(row.customer_ref), Text(row.kind), Text(vault_.Seal(row.value)), Text(vault_.BlindIndex(row.kind, row.value)),
        Text(MaskedContact(row)), Text(row.relation), TextOrNull(row.contact_name), Int(row.is_primary ? 1 : 0),
        Text(row.status), Text(row.source)});
}

void SqlImportStore::Stage(const app::AccountRow& row, const app::StagedRow& staged) {
  Bulk({Int(staged.line), Text(row.account_ref), Text(staged.row_hash),
        Text(row.customer_ref), Text(row.product_type), Text(row.product_code), Text(CurrencyCode(row.currency)),
        Text(row.opened_on.ToString()), MoneyOrNull(row.credit_limit), MoneyOrNull(row.original_principal),
        IntOrNull(row.term_months), Text(row.repayment_method), Int(row.interest_rate.billionths()),
        Text(RatePeriodName(row.interest_rate.period())),
        row.day_count ? Text(DayCountName(*row.day_count)) : Null(),
        row.penalty_uplift ? Int(row.penalty_uplift->billionths()) : Null(), DateOrNull(row.first_due_date),
        IntOrNull(row.statement_day), Int(row.due_day), Int(row.grace_days), Text(row.balance_date.ToString()),
        Int(row.principal_not_due.minor_units()), Int(row.principal_overdue.minor_units()),
        Int(row.interest_overdue.minor_units()), Int(row.penalty_interest.minor_units()),
        Int(row.compound_interest.minor_units()), Int(row.late_fee.minor_units()),
        Int(row.installment_fee.minor_units()), Int(row.other_fee.minor_units()), MoneyOrNull(row.minimum_due),
        DateOrNull(row.oldest_unpaid_due_date), Int(row.days_past_due), Text(row.status), TextOrNull(row.region)});
}

void SqlImportStore::Stage(const app::PaymentRow& row, const app::StagedRow& staged) {
  Bulk({Int(staged.line), Text(row.payment_ref), Text(staged.row_hash),
        Text(row.customer_ref), Text(row.account_ref), Text(row.paid_at), Text(row.value_date.ToString()),
        Int(row.amount.minor_units()), Text(CurrencyCode(row.amount.currency())), Text(row.channel), Text(row.kind),
        TextOrNull(row.reverses_payment_ref), IntOrNull(row.installment_number)});
}

void SqlImportStore::EndStaging() {
  if (staging_ended_) return;
  session_.FinishBulk();
  session_.ExecuteScript("CREATE INDEX stage_rows_ref ON stage_rows (source_ref)");
  // Payments are posted a page of lines at a time, in file order: each page is
  // an index range, not a sort of the whole file.
  session_.ExecuteScript("CREATE INDEX stage_rows_line ON stage_rows (line)");
  // Temporary tables are never auto-analysed; the planner needs the join keys' statistics.
  if (session_.dialect() == Dialect::kPostgresql) {
    session_.ExecuteScript(entity().has_parent ? "ANALYZE stage_rows (line, source_ref, customer_ref)"
                                               : "ANALYZE stage_rows (line, source_ref)");
  }
  staging_ended_ = true;
}

void SqlImportStore::Drop(std::span<const std::int64_t> lines) {
  for (std::int64_t line : lines) {
    const std::vector<SqlValue> key = {Int(line)};
    session_.Execute("INSERT INTO stage_dropped (line) VALUES ($1) ON CONFLICT (line) DO NOTHING", key);
  }
  session_.Execute("DELETE FROM stage_rows WHERE line IN (SELECT line FROM stage_dropped)");
}

app::MergeCounts SqlImportStore::Merge(std::vector<app::Rejection>& rejections) {
  EndStaging();
  if (batch_.kind == app::ImportKind::kPayments) return PostPayments(rejections);
  return MergeRecords();
}

app::MergeCounts SqlImportStore::MergeRecords() {
  const Entity& e = entity();
  const std::vector<SqlValue> entity_name = {Text(e.name)};
  app::MergeCounts counts;
  // One pass tells new, unchanged and changed rows apart.
  const Row classes = session_.Query(
      "SELECT COALESCE(SUM(CASE WHEN k.source_ref IS NULL THEN 1 ELSE 0 END), 0), "
      "COALESCE(SUM(CASE WHEN k.row_hash = s.row_hash THEN 1 ELSE 0 END), 0), "
      "COALESCE(SUM(CASE WHEN k.row_hash <> s.row_hash THEN 1 ELSE 0 END), 0) "
      "FROM stage_rows s LEFT JOIN source_keys k ON k.entity = $1 AND k.source_ref = s.source_ref",
      entity_name)[0];
  const std::int64_t new_rows = classes.Int(0);
  counts.unchanged = classes.Int(1);
  const std::int64_t changed_rows = classes.Int(2);
  if (new_rows > 0) {
    // New rows are numbered in file order: from the sequence as they are
    // inserted on PostgreSQL, from one reserved block on SQLite.
    const std::string new_lines =
        "SELECT s.line" + std::string(e.has_parent ? ", p.entity_id AS customer_id" : "") + " FROM stage_rows s" +
        (e.has_parent ? " JOIN source_keys p ON p.entity = 'customer' AND p.source_ref = s.customer_ref" : "") +
        " LEFT JOIN source_keys k ON k.entity = $1 AND k.source_ref = s.source_ref WHERE k.source_ref IS NULL";
    std::vector<SqlValue> numbering = {Text(e.name)};
    std::string id = "nextval('" + PostgresqlSequence(e.name) + "')";
    if (session_.dialect() == Dialect::kSqlite) {
      numbering.push_back(Int(ReserveSqliteBlock(session_, e.name, new_rows)));
      id = "$2 + ROW_NUMBER() OVER (ORDER BY n.line) - 1";
    }
    session_.Execute("INSERT INTO stage_new (line, id, customer_id) SELECT line, id, " +
                         std::string(e.has_parent ? "customer_id" : "id") + " FROM (SELECT n.*, " + id +
                         " AS id FROM (" + new_lines + " ORDER BY s.line) n) numbered",
                     numbering);
    std::string columns = e.has_parent ? "customer_id, id" : "id";
    std::string values = e.has_parent ? "n.customer_id, n.id" : "n.id";
    columns += ", " + e.ref_column;
    values += ", s.source_ref";
    for (const ImportColumn& column : e.data) {
      columns += std::string(", ") + column.name;
      values += std::string(", s.") + column.name;
    }
    const std::vector<SqlValue> now = {Text(batch_.now)};
    counts.inserted = session_.Execute("INSERT INTO " + e.table + " (" + columns + ", created_at, updated_at) SELECT " +
                                           values + ", $1, $1 FROM stage_rows s JOIN stage_new n ON n.line = s.line",
                                       now);
    session_.Execute(
        "INSERT INTO source_keys (entity, source_ref, customer_id, entity_id, row_hash) "
        "SELECT $1, s.source_ref, n.customer_id, n.id, s.row_hash FROM stage_rows s JOIN stage_new n ON n.line = s.line",
        entity_name);
  }

  // Changed records: one audit event each, then the update.
  if (changed_rows == 0) return counts;
  // The before and after images: the stored columns, personal data only in
  // its masked form (sealed values and blind indexes are left out).
  std::vector<const ImportColumn*> shown;
  std::string selected;
  for (const ImportColumn& column : e.data) {
    const std::string_view name = column.name;
    if (name.ends_with("_cipher") || name.ends_with("_index")) continue;
    shown.push_back(&column);
    selected += std::string(", t.") + column.name + ", s." + column.name;
  }
  const std::string target_match =
      e.has_parent ? "t.customer_id = k.customer_id AND t.id = k.entity_id" : "t.id = k.entity_id";
  const auto changed = session_.Query(
      "SELECT k.customer_id, k.entity_id" + selected + " FROM stage_rows s JOIN source_keys k ON k.entity = $1 AND "
      "k.source_ref = s.source_ref JOIN " + e.table + " t ON " + target_match +
      " WHERE k.row_hash <> s.row_hash ORDER BY s.line",
      entity_name);
  {
    auto image = [&](const Row& row, std::size_t offset) {
      std::string text;
      for (std::size_t i = 0; i < shown.size(); ++i) {
        if (!text.empty()) text += "; ";
        const std::size_t column = 2 + 2 * i + offset;
        text += std::string(shown[i]->name) + "=" + row.AsText(column);
      }
      return text;
    };
    for (const Row& row : changed) {
      audit_->Append({row.Int(0), batch_.now, batch_.actor, e.name + ".update", e.name, row.Int(1), image(row, 0),
                      image(row, 1)});
    }
    std::string assignments;
    for (const ImportColumn& column : e.data) {
      assignments += std::string(column.name) + " = s." + column.name + ", ";
    }
    const std::string key_match = e.has_parent ? e.table + ".customer_id = k.customer_id AND " + e.table + ".id = k.entity_id"
                                               : e.table + ".id = k.entity_id";
    const std::vector<SqlValue> params = {Text(e.name), Text(batch_.now)};
    counts.updated = session_.Execute("UPDATE " + e.table + " SET " + assignments + "version = " + e.table +
                                          ".version + 1, updated_at = $2 FROM stage_rows s JOIN source_keys k ON "
                                          "k.entity = $1 AND k.source_ref = s.source_ref WHERE " + key_match +
                                          " AND k.row_hash <> s.row_hash",
                                      params);
    session_.Execute(
        "UPDATE source_keys SET row_hash = s.row_hash FROM stage_rows s "
        "WHERE source_keys.entity = $1 AND source_keys.source_ref = s.source_ref AND source_keys.row_hash <> s.row_hash",
        entity_name);
  }
  return counts;
}

void SqlImportStore::Abort() {
  if (!open_) return;
  open_ = false;
  audit_.reset();
  if (!staging_ended_) {
    try {
      session_.FinishBulk();
    } catch (...) {  // NOLINT: the rollback below discards the half-sent COPY anyway
    }
  }
  session_.Rollback();
  if (session_.dialect() == Dialect::kSqlite) {
    session_.ExecuteScript(kDropStaging);
  }
}

namespace {
constexpr std::int64_t kAnalyzeAfterRows = 10000;
}

std::int64_t SqlImportStore::Commit(const app::MergeCounts& counts, std::int64_t read,
                                    std::span<const app::Rejection> rejections, const std::string& file_sha256) {
  const std::int64_t batch_id = batch_id_;
  const std::vector<SqlValue> batch = {Int(batch_id),
                                       Text(app::ImportKindName(batch_.kind)),
                                       Text(batch_.file_name),
                                       Text(file_sha256),
                                       Text(batch_.format),
                                       Text(batch_.encoding),
                                       Int(batch_.partial ? 1 : 0),
                                       Text(batch_.actor),
                                       Text(batch_.now),
                                       Int(read),
                                       Int(counts.inserted),
                                       Int(counts.updated),
                                       Int(counts.unchanged),
                                       Int(static_cast<std::int64_t>(rejections.size()))};
  session_.Execute(
      "INSERT INTO import_batches (id, kind, file_name, file_hash, format, encoding, partial, actor, started_at, "
      "finished_at, rows_read, rows_inserted, rows_updated, rows_unchanged, rows_rejected) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9, $10, $11, $12, $13, $14)",
      batch);
  std::int64_t seq = 0;
  for (const app::Rejection& rejection : rejections) {
    const std::vector<SqlValue> error = {Int(batch_id), Int(++seq), Int(rejection.line), TextOrNull(rejection.column),
                                         Text(rejection.message)};
    session_.Execute("INSERT INTO import_errors (batch_id, seq, line, column_name, message) VALUES ($1, $2, $3, $4, $5)",
                     error);
  }
  const std::string summary = "kind=" + std::string(app::ImportKindName(batch_.kind)) + "; file=" + batch_.file_name +
                              "; sha256=" + file_sha256 + "; read=" + std::to_string(read) +
                              "; inserted=" + std::to_string(counts.inserted) + "; updated=" +
                              std::to_string(counts.updated) + "; unchanged=" + std::to_string(counts.unchanged) +
                              "; rejected=" + std::to_string(rejections.size());
  audit_->Append({kSystemChain, batch_.now, batch_.actor, "import.batch", "import_batch", batch_id, std::nullopt, summary});
  session_.Commit();
  open_ = false;
  audit_.reset();
  if (session_.dialect() == Dialect::kSqlite) {
    session_.ExecuteScript(kDropStaging);
  }
  // A large load changes the tables' shape: the planner's statistics are
  // refreshed now rather than whenever autovacuum comes by, so the first
  // queries after an import do not run on plans made for empty tables.
  // Only the tables this kind of file wrote: an empty table analysed now
  // would be planned as empty until autovacuum noticed it had grown.
  if (counts.inserted + counts.updated >= kAnalyzeAfterRows) {
    const char* tables = "customers, source_keys, audit_events";
    switch (batch_.kind) {
      case app::ImportKind::kCustomers: break;
      case app::ImportKind::kContacts: tables = "contact_points, source_keys"; break;
      case app::ImportKind::kAccounts: tables = "accounts, source_keys, audit_events"; break;
      case app::ImportKind::kPayments: tables = "payments, payment_allocations, accounts, source_keys, audit_events"; break;
    }
    session_.ExecuteScript(session_.dialect() == Dialect::kPostgresql ? std::string("ANALYZE ") + tables
                                                                      : std::string("PRAGMA optimize"));
  }
  return batch_id;
}

}  // namespace arrears::store
