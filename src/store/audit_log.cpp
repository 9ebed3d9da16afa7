#include "store/audit_log.hpp"

#include <vector>

namespace arrears::store {

namespace {

const std::string kGenesis(64, '0');

std::string EventHash(const app::PersonalDataVault& vault, const std::string& prev_hash, std::int64_t customer_id,
                      std::int64_t seq, const std::string& at, const std::string& actor, const std::string& action,
                      const std::string& entity, std::int64_t entity_id, const std::optional<std::string>& before,
                      const std::optional<std::string>& after) {
  std::string text;
  const char separator = '\x1f';
  for (const std::string& part :
       {prev_hash, std::to_string(customer_id), std::to_string(seq), at, actor, action, entity,
        std::to_string(entity_id), before ? "1" + *before : std::string("0"), after ? "1" + *after : std::string("0")}) {
    text += part;
    text.push_back(separator);
  }
  return vault.KeyedHash("audit", text);
}

}  // namespace

std::vector<SqlValue> AuditWriter::Chain(const AuditEvent& event) {
  auto it = heads_.find(event.customer_id);
  if (it == heads_.end()) {
    const std::vector<SqlValue> key = {Int(event.customer_id)};
    const auto rows = session_.Query(
        "SELECT seq, hash FROM audit_events WHERE customer_id = $1 ORDER BY seq DESC LIMIT 1", key);
    Head head{0, kGenesis};
    if (!rows.empty()) head = Head{rows[0].Int(0), rows[0].Text(1)};
    it = heads_.emplace(event.customer_id, head).first;
  }
  Head& head = it->second;
  const std::int64_t seq = head.seq + 1;
  std::string hash = EventHash(vault_, head.hash, event.customer_id, seq, event.at, event.actor, event.action,
                               event.entity, event.entity_id, event.before, event.after);
  std::vector<SqlValue> row = {Int(event.customer_id), Int(seq),          Text(event.at),
                               Text(event.actor),      Text(event.action), Text(event.entity),
                               Int(event.entity_id),   OrNull(event.before), OrNull(event.after),
                               Text(head.hash),        Text(hash)};
  head = Head{seq, std::move(hash)};
  return row;
}

void AuditWriter::Append(const AuditEvent& event) {
  session_.Execute(
      "INSERT INTO audit_events (customer_id, seq, at, actor, action, entity, entity_id, before_data, after_data, "
      "prev_hash, hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
      Chain(event));
}

void AuditWriter::LoadHeads(std::span<const std::int64_t> customers) {
  // A fixed number of parameters (padded with -1, no customer's id), so the
  // statement is prepared once whatever the page.
  constexpr std::size_t kPerQuery = 500;
  static const std::string sql = [] {
    std::string list;
    for (std::size_t i = 1; i <= kPerQuery; ++i) list += (i > 1 ? ",$" : "$") + std::to_string(i);
    return "SELECT e.customer_id, e.seq, e.hash FROM audit_events e JOIN (SELECT customer_id, MAX(seq) AS seq FROM "
           "audit_events WHERE customer_id IN (" + list + ") GROUP BY customer_id) h "
           "ON h.customer_id = e.customer_id AND h.seq = e.seq";
  }();
  std::vector<SqlValue> params;
  auto flush = [&] {
    if (params.empty()) return;
    params.resize(kPerQuery, Int(-1));
    for (const Row& row : session_.Query(sql, params)) heads_[row.Int(0)] = Head{row.Int(1), row.Text(2)};
    params.clear();
  };
  for (std::int64_t customer : customers) {
    if (!heads_.emplace(customer, Head{0, kGenesis}).second) continue;
    params.push_back(Int(customer));
    if (params.size() == kPerQuery) flush();
  }
  flush();
}

void AuditWriter::AppendBulk(const AuditEvent& event) {
  static const std::vector<std::string> columns = {"customer_id", "seq",       "at",         "actor",
                                                   "action",      "entity",    "entity_id",  "before_data",
                                                   "after_data",  "prev_hash", "hash"};
  session_.BulkRow("audit_events", columns, Chain(event));
}

AuditVerification VerifyAudit(Session& session, const app::PersonalDataVault& vault) {
  AuditVerification result;
  constexpr std::int64_t kPage = 5000;
  std::int64_t last_customer = -1;
  std::int64_t last_seq = 0;
  std::string previous_hash = kGenesis;
  for (;;) {
    const std::vector<SqlValue> after = {Int(last_customer), Int(last_seq), Int(kPage)};
    const auto rows = session.Query(
        "SELECT customer_id, seq, at, actor, action, entity, entity_id, before_data, after_data, prev_hash, hash "
        "FROM audit_events WHERE customer_id > $1 OR (customer_id = $1 AND seq > $2) "
        "ORDER BY customer_id, seq LIMIT $3",
        after);
    for (const Row& row : rows) {
      const std::int64_t customer_id = row.Int(0);
      const std::int64_t seq = row.Int(1);
      if (customer_id != last_customer) {
        ++result.chains;
        last_seq = 0;
        previous_hash = kGenesis;
      }
      ++result.events;
      auto broken = [&](std::string reason) {
        result.broken_customer_id = customer_id;
        result.broken_seq = seq;
        result.reason = std::move(reason);
        return result;
      };
      if (seq != last_seq + 1) {
        return broken("event " + std::to_string(last_seq + 1) + " of the chain is missing");
      }
      if (row.Text(9) != previous_hash) return broken("its link to the previous event does not match");
      const std::string expected = EventHash(vault, previous_hash, customer_id, seq, row.Text(2), row.Text(3),
                                             row.Text(4), row.Text(5), row.Int(6), row.OptionalText(7),
                                             row.OptionalText(8));
      if (row.Text(10) != expected) return broken("its content does not match its hash (the row was altered)");
      previous_hash = row.Text(10);
      last_customer = customer_id;
      last_seq = seq;
    }
    if (static_cast<std::int64_t>(rows.size()) < kPage) break;
  }
  return result;
}

}  // namespace arrears::store
