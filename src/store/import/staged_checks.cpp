// The checks that need the database, on the staged rows of an import: keys
// repeated in the file, unknown or changed parents, reused payment
// references and reversals of nothing. Part of SqlImportStore.
#include <algorithm>

#include "store/import/import_entity.hpp"

namespace arrears::store {

std::vector<app::Rejection> SqlImportStore::CheckStaged() {
  EndStaging();
  const Entity& e = entity();
  std::vector<app::Rejection> rejections;
  const std::vector<SqlValue> entity_name = {Text(e.name)};
  // The same key twice in one file: every occurrence after the first.
  for (const Row& row : session_.Query(
           "SELECT s.line, s.source_ref, f.first_line FROM stage_rows s JOIN "
           "(SELECT source_ref, MIN(line) AS first_line FROM stage_rows GROUP BY source_ref HAVING COUNT(*) > 1) f "
           "ON f.source_ref = s.source_ref WHERE s.line > f.first_line")) {
    rejections.push_back({row.Int(0), e.ref_column,
                          "duplicate " + e.ref_column + " '" + row.Text(1) + "' (first at line " +
                              std::to_string(row.Int(2)) + ")"});
  }
  if (e.has_parent) {
    // The customer must exist (imported earlier).
    for (const Row& row : session_.Query(
             "SELECT s.line, s.customer_ref FROM stage_rows s LEFT JOIN source_keys p "
             "ON p.entity = 'customer' AND p.source_ref = s.customer_ref WHERE p.source_ref IS NULL")) {
      rejections.push_back({row.Int(0), "customer_ref", "unknown customer '" + row.Text(1) + "'"});
    }
    // A record never moves to another customer.
    for (const Row& row : session_.Query(
             "SELECT s.line, s.source_ref FROM stage_rows s JOIN source_keys p ON p.entity = 'customer' AND "
             "p.source_ref = s.customer_ref JOIN source_keys k ON k.entity = $1 AND k.source_ref = s.source_ref "
             "WHERE k.customer_id <> p.customer_id",
             entity_name)) {
      rejections.push_back({row.Int(0), "customer_ref",
                            e.ref_column + " '" + row.Text(1) + "' belongs to another customer"});
    }
  }
  if (batch_.kind == app::ImportKind::kPayments) {
    for (const Row& row : session_.Query(
             "SELECT s.line, s.account_ref, a.customer_id, p.customer_id, ac.currency, s.currency "
             "FROM stage_rows s LEFT JOIN source_keys a ON a.entity = 'account' AND a.source_ref = s.account_ref "
             "LEFT JOIN source_keys p ON p.entity = 'customer' AND p.source_ref = s.customer_ref "
             "LEFT JOIN accounts ac ON ac.customer_id = a.customer_id AND ac.id = a.entity_id "
             "WHERE a.source_ref IS NULL OR (p.source_ref IS NOT NULL AND a.customer_id <> p.customer_id) "
             "OR ac.currency <> s.currency")) {
      if (row.IsNull(2)) {
        rejections.push_back({row.Int(0), "account_ref", "unknown account '" + row.Text(1) + "'"});
      } else if (!row.IsNull(3) && row.Int(2) != row.Int(3)) {
        rejections.push_back({row.Int(0), "customer_ref", "account '" + row.Text(1) + "' is not this customer's"});
      } else {
        rejections.push_back({row.Int(0), "currency",
                              "the account is in " + row.Text(4) + ", the payment in " + row.Text(5)});
      }
    }
    // A reference is never reused for a different payment.
    for (const Row& row : session_.Query(
             "SELECT s.line, s.source_ref FROM stage_rows s JOIN source_keys k ON k.entity = 'payment' AND "
             "k.source_ref = s.source_ref WHERE k.row_hash <> s.row_hash")) {
      rejections.push_back({row.Int(0), "payment_ref",
                            "payment_ref '" + row.Text(1) + "' was already imported for a different payment"});
    }
    // A reversal names a payment that exists (imported before, or earlier in this file).
    for (const Row& row : session_.Query(
             "SELECT s.line, s.reverses_payment_ref FROM stage_rows s WHERE s.kind = 'reversal' AND NOT EXISTS "
             "(SELECT 1 FROM source_keys k WHERE k.entity = 'payment' AND k.source_ref = s.reverses_payment_ref) "
             "AND NOT EXISTS (SELECT 1 FROM stage_rows o WHERE o.source_ref = s.reverses_payment_ref AND o.line < s.line)")) {
      rejections.push_back({row.Int(0), "reverses_payment_ref", "no payment '" + row.Text(1) + "' to reverse"});
    }
  }
  std::sort(rejections.begin(), rejections.end(),
            [](const app::Rejection& a, const app::Rejection& b) { return a.line < b.line; });
  // One rejection per line: the first reason found.
  rejections.erase(std::unique(rejections.begin(), rejections.end(),
                               [](const app::Rejection& a, const app::Rejection& b) { return a.line == b.line; }),
                   rejections.end());
  return rejections;
}

}  // namespace arrears::store
