// Posting imported payments: each through the core waterfall against the
// account's balances, with its allocations, in file order; a reversal puts
// back exactly what its payment took. Part of SqlImportStore.
//
// Set-wise, a page of file lines at a time: the page's rows are read with
// their accounts' balances in one query and its audit chain heads in another,
// the payments are posted in memory in file order, and the page is written in
// bulk (COPY on PostgreSQL): its payments, allocation lines, source keys and
// audit events, then every account it touched in one UPDATE from a staging
// table.
#include <array>
#include <map>

#include "core/waterfall.hpp"
#include "store/import/sql_import_store.hpp"
#include "store/sequences.hpp"

namespace arrears::store {

namespace {

// Account balance columns in the order the SELECT below reads them.
constexpr std::array<const char*, 8> kBalanceColumns = {"principal_not_due", "principal_overdue", "interest_overdue",
                                                       "penalty_interest",  "compound_interest", "late_fee",
                                                       "installment_fee",   "other_fee"};

struct AccountBalances {
  std::string product_type;
  Currency currency = Currency::kCNY;
  std::array<std::int64_t, kBalanceColumns.size()> amounts{};
  std::int64_t credit_balance = 0;
  std::optional<std::string> oldest_unpaid_due;
  std::string balance_date;
  int payments = 0;  // posted in this page: the version moves by as many

  std::string Text() const {
    std::string text;
    for (std::size_t i = 0; i < amounts.size(); ++i) {
      text += std::string(kBalanceColumns[i]) + "=" + FormatAmount(Money(amounts[i], currency)) + "; ";
    }
    return text + "credit_balance=" + FormatAmount(Money(credit_balance, currency));
  }
};

// The balance column a component is paid from (principal: overdue or not).
std::size_t ColumnOf(Component component, bool overdue) {
  switch (component) {
    case Component::kPrincipal: return overdue ? 1 : 0;
    case Component::kInterest: return 2;
    case Component::kPenaltyInterest: return 3;
    case Component::kCompoundInterest: return 4;
    case Component::kLateFee: return 5;
    case Component::kInstallmentFee: return 6;
    case Component::kOtherFee: return 7;
  }
  return 7;
}

// One allocation line: the component, overdue or not, and the signed amount.
struct Line {
  std::string component;
  bool overdue = false;
  std::int64_t amount = 0;
};

// A payment as a later reversal needs it.
struct Original {
  std::int64_t id = 0;
  std::int64_t account_id = 0;
  std::int64_t amount = 0;
  std::int64_t credit = 0;
  bool reversed = false;
  std::vector<Line> lines;
};

using AccountKey = std::pair<std::int64_t, std::int64_t>;  // (customer_id, account id)

// The page: its staged rows from line $1 on, each with its account's
// balances as stored (the first row of each account in the page is where its
// balances are taken from; the rows after it see what the page posted).
constexpr const char* kPageRows =
    "SELECT s.line, s.source_ref, s.row_hash, NULL, a.customer_id, a.entity_id, s.paid_at, "
    "s.value_date, s.amount, s.currency, s.channel, s.kind, s.reverses_payment_ref, s.installment_number, "
    "t.product_type, t.currency, t.principal_not_due, t.principal_overdue, t.interest_overdue, t.penalty_interest, "
    "t.compound_interest, t.late_fee, t.installment_fee, t.other_fee, t.credit_balance, t.oldest_unpaid_due_date, "
    "t.balance_date "
    "FROM (SELECT * FROM stage_rows WHERE line > $1 ORDER BY line LIMIT $2) s "
    "JOIN source_keys a ON a.entity = 'account' AND a.source_ref = s.account_ref "
    "JOIN accounts t ON t.customer_id = a.customer_id AND t.id = a.entity_id ORDER BY s.line";
constexpr int kBalancesFrom = 14;

std::map<AccountKey, AccountBalances> PageAccounts(const std::vector<Row>& rows) {
  std::map<AccountKey, AccountBalances> accounts;
  for (const Row& row : rows) {
    auto [it, added] = accounts.try_emplace({row.Int(4), row.Int(5)});
    if (!added) continue;
    AccountBalances& account = it->second;
    account.product_type = row.Text(kBalancesFrom);
    account.currency = ParseCurrency(row.Text(kBalancesFrom + 1)).value_or(Currency::kCNY);
    for (std::size_t i = 0; i < account.amounts.size(); ++i) account.amounts[i] = row.Int(kBalancesFrom + 2 + i);
    account.credit_balance = row.Int(kBalancesFrom + 10);
    account.oldest_unpaid_due = row.OptionalText(kBalancesFrom + 11);
    account.balance_date = row.Text(kBalancesFrom + 12);
  }
  return accounts;
}

// A payment posted by an earlier import (or an earlier page), by its reference.
std::optional<Original> LoadOriginal(Session& session, const std::string& payment_ref) {
  const std::vector<SqlValue> ref = {Text(payment_ref)};
  const auto rows = session.Query(
      "SELECT p.id, p.amount, p.credit_balance, p.account_id, p.customer_id, "
      "(SELECT COUNT(*) FROM payments r WHERE r.customer_id = p.customer_id AND r.reverses_payment_id = p.id) "
      "FROM source_keys k JOIN payments p ON p.customer_id = k.customer_id AND p.id = k.entity_id "
      "WHERE k.entity = 'payment' AND k.source_ref = $1",
      ref);
  if (rows.empty()) return std::nullopt;
  Original original{rows[0].Int(0), rows[0].Int(3), rows[0].Int(1), rows[0].Int(2), rows[0].Int(5) > 0, {}};
  const std::vector<SqlValue> key = {Int(rows[0].Int(4)), Int(original.id)};
  for (const Row& allocation : session.Query(
           "SELECT component, overdue, amount FROM payment_allocations WHERE customer_id = $1 AND payment_id = $2 "
           "ORDER BY line",
           key)) {
    original.lines.push_back({allocation.Text(0), allocation.Int(1) != 0, allocation.Int(2)});
  }
  return original;
}

// The touched accounts' new balances, in one statement from a staging table.
void SaveAccounts(Session& session, const std::map<AccountKey, AccountBalances>& accounts, const std::string& now) {
  static const std::vector<std::string> columns = {
      "customer_id",      "id",       "principal_not_due", "principal_overdue", "interest_overdue",
      "penalty_interest", "compound_interest", "late_fee",  "installment_fee",   "other_fee",
      "credit_balance",   "overdue_left",      "payments"};
  for (const auto& [key, account] : accounts) {
    if (account.payments == 0) continue;
    bool overdue_left = false;
    for (std::size_t i = 1; i < account.amounts.size(); ++i) overdue_left = overdue_left || account.amounts[i] > 0;
    std::vector<SqlValue> values = {Int(key.first), Int(key.second)};
    for (std::int64_t amount : account.amounts) values.push_back(Int(amount));
    values.push_back(Int(account.credit_balance));
    values.push_back(Int(overdue_left ? 1 : 0));
    values.push_back(Int(account.payments));
    session.BulkRow("stage_balances", columns, values);
  }
  session.FinishBulk();
  // Paying every overdue amount cures the account; partial payments leave the
  // days past due for the daily cycle to recompute from the schedule.
  // A page's accounts among many: each by its key. (Left to itself, PostgreSQL
  // hashes the whole accounts table for every page: 20 of the 40 seconds of
  // 316,000 payments on 130,000 accounts.)
  const bool postgresql = session.dialect() == Dialect::kPostgresql;
  if (postgresql) session.ExecuteScript("SET LOCAL enable_hashjoin = off; SET LOCAL enable_mergejoin = off");
  const std::vector<SqlValue> at = {Text(now)};
  session.Execute(
      "UPDATE accounts SET principal_not_due = b.principal_not_due, principal_overdue = b.principal_overdue, "
      "interest_overdue = b.interest_overdue, penalty_interest = b.penalty_interest, "
      "compound_interest = b.compound_interest, late_fee = b.late_fee, installment_fee = b.installment_fee, "
      "other_fee = b.other_fee, credit_balance = b.credit_balance, "
      "days_past_due = CASE WHEN b.overdue_left = 0 THEN 0 ELSE accounts.days_past_due END, "
      "oldest_unpaid_due_date = CASE WHEN b.overdue_left = 0 THEN NULL ELSE accounts.oldest_unpaid_due_date END, "
      "version = accounts.version + b.payments, updated_at = $1 "
      "FROM stage_balances b WHERE accounts.customer_id = b.customer_id AND accounts.id = b.id",
      at);
  if (postgresql) session.ExecuteScript("SET LOCAL enable_hashjoin = on; SET LOCAL enable_mergejoin = on");
  session.ExecuteScript("DELETE FROM stage_balances");
}

}  // namespace

app::MergeCounts SqlImportStore::PostPayments(std::vector<app::Rejection>& rejections) {
  app::MergeCounts counts;
  counts.unchanged = session_.Query(
      "SELECT COUNT(*) FROM stage_rows s JOIN source_keys k ON k.entity = 'payment' AND k.source_ref = s.source_ref "
      "WHERE k.row_hash = s.row_hash")[0].Int(0);
  // Payments posted before (the same file again) are set aside once, here:
  // checking each page against the payment keys this import keeps adding
  // would grow with every page.
  session_.Execute(
      "DELETE FROM stage_rows WHERE EXISTS (SELECT 1 FROM source_keys k WHERE k.entity = 'payment' AND "
      "k.source_ref = stage_rows.source_ref)");
  // A page's accounts with their new balances (SaveAccounts), dropped with the other staging tables.
  session_.ExecuteScript(std::string("CREATE TEMP TABLE stage_balances (customer_id BIGINT NOT NULL, id BIGINT NOT "
                                     "NULL, principal_not_due BIGINT, principal_overdue BIGINT, interest_overdue "
                                     "BIGINT, penalty_interest BIGINT, compound_interest BIGINT, late_fee BIGINT, "
                                     "installment_fee BIGINT, other_fee BIGINT, credit_balance BIGINT, overdue_left "
                                     "INTEGER, payments INTEGER)") +
                         (session_.dialect() == Dialect::kPostgresql ? " ON COMMIT DROP" : ""));
  static const std::vector<std::string> kPaymentColumns = {
      "customer_id", "id",   "account_id",         "payment_ref",         "paid_at",        "value_date",
      "amount",      "currency", "channel",        "kind",                "installment_number",
      "reverses_payment_id", "credit_balance",     "created_at",          "batch_id"};
  static const std::vector<std::string> kAllocationColumns = {"customer_id", "payment_id", "line",  "account_id",
                                                              "component",   "overdue",    "amount"};
  static const std::vector<std::string> kKeyColumns = {"entity", "source_ref", "customer_id", "entity_id", "row_hash"};
  std::int64_t last_line = 0;
  constexpr std::int64_t kPage = 2000;
  for (;;) {
    // The page is a range of the line index; every staged payment's account
    // exists (the staged checks dropped the others).
    const std::vector<SqlValue> page = {Int(last_line), Int(kPage)};
    const auto rows = session_.Query(kPageRows, page);
    if (rows.empty()) break;
    std::map<AccountKey, AccountBalances> accounts = PageAccounts(rows);
    {
      std::vector<std::int64_t> customers;
      for (const auto& [key, account] : accounts) customers.push_back(key.first);
      audit_->LoadHeads(customers);
    }
    // The page's payment ids in one statement, not one per payment.
    const std::vector<std::int64_t> payment_ids = ReserveIds(session_, "payment", static_cast<std::int64_t>(rows.size()));
    auto next_payment_id = payment_ids.begin();
    std::map<std::string, Original> posted;  // by reference: this page's payments and the originals it reversed
    std::vector<std::vector<SqlValue>> payments, allocations, keys;
    std::vector<AuditEvent> events;
    for (const Row& row : rows) {
      last_line = row.Int(0);
      const std::int64_t customer_id = row.Int(4);
      const std::int64_t account_id = row.Int(5);
      AccountBalances& account = accounts.at({customer_id, account_id});
      const std::string before = account.Text();
      const bool reversal = row.Text(11) == "reversal";
      const Money amount(row.Int(8), account.currency);
      std::vector<Line> lines;
      std::optional<std::int64_t> reverses;
      std::int64_t credit = 0;
      if (reversal) {
        // Known to this page (posted in it, or read for an earlier reversal in it), else as stored.
        Original* original = nullptr;
        if (auto it = posted.find(row.Text(12)); it != posted.end()) {
          original = &it->second;
        } else if (auto stored = LoadOriginal(session_, row.Text(12))) {
          original = &posted.emplace(row.Text(12), std::move(*stored)).first->second;
        }
        if (!original || original->account_id != account_id || original->amount != amount.minor_units() ||
            original->reversed) {
          rejections.push_back({row.Int(0), "reverses_payment_ref",
                                !original || original->account_id != account_id
                                    ? "payment '" + row.Text(12) + "' is not on this account"
                                : original->reversed ? "payment '" + row.Text(12) + "' is already reversed"
                                                     : "a reversal must be for the payment's whole amount"});
          continue;
        }
        original->reversed = true;
        reverses = original->id;
        for (const Line& line : original->lines) {
          const auto component = ParseComponent(line.component).value_or(Component::kOtherFee);
          account.amounts[ColumnOf(component, line.overdue)] += line.amount;
          lines.push_back({line.component, line.overdue, -line.amount});
        }
        credit = -original->credit;
        account.credit_balance += credit;
      } else {
        const Date due = *Date::Parse(account.oldest_unpaid_due.value_or(account.balance_date));
        std::vector<DueItem> items;
        for (Component component : kAllComponents) {
          const std::int64_t owed = account.amounts[ColumnOf(component, true)];
          if (owed > 0) items.push_back({AccountId{account_id}, 0, due, component, Money(owed, account.currency)});
        }
        if (account.product_type == "card" && account.amounts[0] > 0) {
          // A card repayment beyond the overdue amount lowers the balance not yet due.
          items.push_back({AccountId{account_id}, 1, due.AddDays(36500), Component::kPrincipal,
                           Money(account.amounts[0], account.currency)});
        }
        const PaymentAllocation allocation = AllocatePayment(amount, items, Waterfall{});
        for (const AllocationLine& line : allocation.lines) {
          const DueItem& item = items[line.item];
          const bool overdue = item.installment == 0;
          account.amounts[ColumnOf(item.component, overdue)] -= line.amount.minor_units();
          lines.push_back({std::string(ComponentName(item.component)), overdue, line.amount.minor_units()});
        }
        credit = allocation.credit_balance.minor_units();
        account.credit_balance += credit;
      }
      ++account.payments;
      const std::int64_t payment_id = *next_payment_id++;
      payments.push_back({Int(customer_id), Int(payment_id), Int(account_id), Text(row.Text(1)), Text(row.Text(6)),
                          Text(row.Text(7)), Int(row.Int(8)), Text(row.Text(9)), Text(row.Text(10)),
                          Text(row.Text(11)), row.IsNull(13) ? Null() : Int(row.Int(13)),
                          reverses ? Int(*reverses) : Null(), Int(credit), Text(batch_.now), Int(batch_id_)});
      int number = 0;
      for (const Line& line : lines) {
        allocations.push_back({Int(customer_id), Int(payment_id), Int(++number), Int(account_id), Text(line.component),
                               Int(line.overdue ? 1 : 0), Int(line.amount)});
      }
      keys.push_back({Text("payment"), Text(row.Text(1)), Int(customer_id), Int(payment_id), Text(row.Text(2))});
      events.push_back({customer_id, batch_.now, batch_.actor, reversal ? "payment.reverse" : "payment.post", "account",
                        account_id, before, account.Text()});
      posted[row.Text(1)] = {payment_id, account_id, amount.minor_units(), credit, false, std::move(lines)};
      ++counts.inserted;
    }
    for (const auto& values : payments) session_.BulkRow("payments", kPaymentColumns, values);
    for (const auto& values : allocations) session_.BulkRow("payment_allocations", kAllocationColumns, values);
    for (const auto& values : keys) session_.BulkRow("source_keys", kKeyColumns, values);
    for (const AuditEvent& event : events) audit_->AppendBulk(event);
    session_.FinishBulk();
    SaveAccounts(session_, accounts, batch_.now);
  }
  return counts;
}

}  // namespace arrears::store
