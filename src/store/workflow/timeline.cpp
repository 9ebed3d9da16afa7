// SqlWorkflowStore: the case's timeline, its own events beside the payments
// on its accounts since it opened, in time order.
#include <algorithm>

#include "app/workflow/workflow_context.hpp"
#include "store/workflow/sql_workflow_store.hpp"

namespace arrears::store {

std::vector<app::TimelineEntry> SqlWorkflowStore::Timeline(const app::CaseRecord& record) {
  std::vector<app::TimelineEntry> entries;
  for (const Row& r : Query("SELECT at, kind, actor, summary FROM case_events WHERE customer_id = $1 AND case_id = $2 "
                            "ORDER BY seq",
                            {Int(record.customer.value), Int(record.id.value)})) {
    entries.push_back({r.Text(0), r.Text(1), r.Text(2), r.Text(3)});
  }
  for (const Row& r : Query(
           "SELECT p.paid_at, p.amount, p.currency, p.kind, p.channel, a.account_ref, p.payment_ref, p.value_date "
           "FROM payments p JOIN case_accounts ca ON ca.customer_id = p.customer_id AND ca.account_id = p.account_id "
           "JOIN accounts a ON a.customer_id = p.customer_id AND a.id = p.account_id "
           "WHERE ca.customer_id = $1 AND ca.case_id = $2 ORDER BY p.id",
           {Int(record.customer.value), Int(record.id.value)})) {
    const auto at = app::ParseRfc3339(r.Text(0));
    if (!at) continue;
    const std::string utc = app::FormatUtc(*at);
    const auto currency = ParseCurrency(r.Text(2)).value_or(Currency::kCNY);
    const bool reversal = r.Text(3) == "reversal";
    entries.push_back({utc, reversal ? "payment.reversal" : "payment", "import",
                       std::string(reversal ? "reversal of " : "payment of ") + FormatAmount(Money(r.Int(1), currency)) +
                           " " + std::string(CurrencyCode(currency)) + " on " + r.Text(5) + " by " + r.Text(4) +
                           " (" + r.Text(6) + ", value date " + r.Text(7) + ")"});
  }
  std::stable_sort(entries.begin(), entries.end(),
                   [](const app::TimelineEntry& a, const app::TimelineEntry& b) { return a.at < b.at; });
  return entries;
}

}  // namespace arrears::store
