// Posting imported payments: each through the core waterfall against the
// account's balances, with its allocations, in file order; a reversal puts
// back exactly what its payment took. Part of SqlImportStore.
#include <array>

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

AccountBalances LoadAccount(Session& session, std::int64_t customer_id, std::int64_t account_id) {
  const std::vector<SqlValue> key = {Int(customer_id), Int(account_id)};
  const auto rows = session.Query(
      "SELECT product_type, currency, principal_not_due, principal_overdue, interest_overdue, penalty_interest, "
      "compound_interest, late_fee, installment_fee, other_fee, credit_balance, oldest_unpaid_due_date, balance_date "
      "FROM accounts WHERE customer_id = $1 AND id = $2",
      key);
  const Row& row = rows.at(0);
  AccountBalances account;
  account.product_type = row.Text(0);
  account.currency = ParseCurrency(row.Text(1)).value_or(Currency::kCNY);
  for (std::size_t i = 0; i < account.amounts.size(); ++i) account.amounts[i] = row.Int(2 + i);
  account.credit_balance = row.Int(10);
  account.oldest_unpaid_due = row.OptionalText(11);
  account.balance_date = row.Text(12);
  return account;
}

void SaveAccount(Session& session, std::int64_t customer_id, std::int64_t account_id, const AccountBalances& account,
                 const std::string& now) {
  bool overdue_left = false;
  for (std::size_t i = 1; i < account.amounts.size(); ++i) overdue_left = overdue_left || account.amounts[i] > 0;
  std::vector<SqlValue> values;
  for (std::int64_t amount : account.amounts) values.push_back(Int(amount));
  values.push_back(Int(account.credit_balance));
  values.push_back(Int(overdue_left ? 1 : 0));
  values.push_back(Text(now));
  values.push_back(Int(customer_id));
  values.push_back(Int(account_id));
  // Paying every overdue amount cures the account; partial payments leave the
  // days past due for the daily cycle to recompute from the schedule.
  session.Execute(
      "UPDATE accounts SET principal_not_due = $1, principal_overdue = $2, interest_overdue = $3, "
      "penalty_interest = $4, compound_interest = $5, late_fee = $6, installment_fee = $7, other_fee = $8, "
      "credit_balance = $9, days_past_due = CASE WHEN $10 = 0 THEN 0 ELSE days_past_due END, "
      "oldest_unpaid_due_date = CASE WHEN $10 = 0 THEN NULL ELSE oldest_unpaid_due_date END, "
      "version = version + 1, updated_at = $11 WHERE customer_id = $12 AND id = $13",
      values);
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
  std::int64_t last_line = 0;
  constexpr std::int64_t kPage = 2000;
  for (;;) {
    const std::vector<SqlValue> page = {Int(last_line), Int(kPage)};
    // The page is a range of the line index; every staged payment's account
    // exists (the staged checks dropped the others).
    const auto rows = session_.Query(
        "SELECT s.line, s.source_ref, s.row_hash, NULL, a.customer_id, a.entity_id, s.paid_at, "
        "s.value_date, s.amount, s.currency, s.channel, s.kind, s.reverses_payment_ref, s.installment_number "
        "FROM (SELECT * FROM stage_rows WHERE line > $1 ORDER BY line LIMIT $2) s "
        "JOIN source_keys a ON a.entity = 'account' AND a.source_ref = s.account_ref ORDER BY s.line",
        page);
    if (rows.empty()) break;
    // The page's payment ids in one reservation: one update of the sequence row
    // per payment would leave a chain of row versions every later update walks.
    std::int64_t next_payment_id = ReserveIds(session_, "payment", static_cast<std::int64_t>(rows.size()));
    for (const Row& row : rows) {
      last_line = row.Int(0);
      const std::int64_t customer_id = row.Int(4);
      const std::int64_t account_id = row.Int(5);
      AccountBalances account = LoadAccount(session_, customer_id, account_id);
      const std::string before = account.Text();
      const bool reversal = row.Text(11) == "reversal";
      const Money amount(row.Int(8), account.currency);
      // (component column, overdue flag, signed amount) of each allocation line.
      struct Line {
        std::string component;
        bool overdue;
        std::int64_t amount;
      };
      std::vector<Line> lines;
      std::optional<std::int64_t> reverses;
      std::int64_t credit = 0;
      if (reversal) {
        const std::vector<SqlValue> original_ref = {Text(row.Text(12))};
        const auto original = session_.Query(
            "SELECT p.id, p.amount, p.credit_balance, p.account_id, "
            "(SELECT COUNT(*) FROM payments r WHERE r.customer_id = p.customer_id AND r.reverses_payment_id = p.id) "
            "FROM source_keys k JOIN payments p ON p.customer_id = k.customer_id AND p.id = k.entity_id "
            "WHERE k.entity = 'payment' AND k.source_ref = $1",
            original_ref);
        if (original.empty() || original[0].Int(3) != account_id || original[0].Int(1) != amount.minor_units() ||
            original[0].Int(4) > 0) {
          rejections.push_back({row.Int(0), "reverses_payment_ref",
                                original.empty() || original[0].Int(3) != account_id
                                    ? "payment '" + row.Text(12) + "' is not on this account"
                                    : original[0].Int(4) > 0 ? "payment '" + row.Text(12) + "' is already reversed"
                                                             : "a reversal must be for the payment's whole amount"});
          continue;
        }
        reverses = original[0].Int(0);
        const std::vector<SqlValue> original_key = {Int(customer_id), Int(*reverses)};
        for (const Row& allocation : session_.Query(
                 "SELECT component, overdue, amount FROM payment_allocations WHERE customer_id = $1 AND "
                 "payment_id = $2 ORDER BY line",
                 original_key)) {
          const auto component = ParseComponent(allocation.Text(0)).value_or(Component::kOtherFee);
          account.amounts[ColumnOf(component, allocation.Int(1) != 0)] += allocation.Int(2);
          lines.push_back({allocation.Text(0), allocation.Int(1) != 0, -allocation.Int(2)});
        }
        credit = -original[0].Int(2);
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
      const std::int64_t payment_id = next_payment_id++;
      const std::vector<SqlValue> payment = {
          Int(customer_id), Int(payment_id),  Int(account_id), Text(row.Text(1)),  Text(row.Text(6)),
          Text(row.Text(7)), Int(row.Int(8)), Text(row.Text(9)), Text(row.Text(10)), Text(row.Text(11)),
          row.IsNull(13) ? Null() : Int(row.Int(13)), reverses ? Int(*reverses) : Null(), Int(credit),
          Text(batch_.now), Int(batch_id_)};
      session_.Execute(
          "INSERT INTO payments (customer_id, id, account_id, payment_ref, paid_at, value_date, amount, currency, "
          "channel, kind, installment_number, reverses_payment_id, credit_balance, created_at, batch_id) "
          "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)",
          payment);
      int number = 0;
      for (const Line& line : lines) {
        const std::vector<SqlValue> allocation = {Int(customer_id), Int(payment_id), Int(++number), Int(account_id),
                                                  Text(line.component), Int(line.overdue ? 1 : 0), Int(line.amount)};
        session_.Execute(
            "INSERT INTO payment_allocations (customer_id, payment_id, line, account_id, component, overdue, amount) "
            "VALUES ($1, $2, $3, $4, $5, $6, $7)",
            allocation);
      }
      SaveAccount(session_, customer_id, account_id, account, batch_.now);
      const std::vector<SqlValue> key = {Text(row.Text(1)), Int(customer_id), Int(payment_id), Text(row.Text(2))};
      session_.Execute(
          "INSERT INTO source_keys (entity, source_ref, customer_id, entity_id, row_hash) "
          "VALUES ('payment', $1, $2, $3, $4)",
          key);
      audit_->Append({customer_id, batch_.now, batch_.actor, reversal ? "payment.reverse" : "payment.post", "account",
                      account_id, before, account.Text()});
      ++counts.inserted;
    }
  }
  return counts;
}

}  // namespace arrears::store
