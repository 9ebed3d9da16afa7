// The audit log: append-only, hash-chained per customer (customer 0 is the
// system chain), written in the same transaction as the change it records
// (DESIGN.md, Data). Each event's hash is a keyed BLAKE2b over the previous
// hash and the event's fields, so an edited, deleted or inserted row breaks
// the chain at that point and `arrears audit verify` names it.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "app/ports/personal_data_vault.hpp"
#include "store/database.hpp"

namespace arrears::store {

inline constexpr std::int64_t kSystemChain = 0;

struct AuditEvent {
  std::int64_t customer_id = kSystemChain;
  std::string at;      // RFC 3339
  std::string actor;   // user login, or "import", "system"
  std::string action;  // "import.batch", "customer.update", ...
  std::string entity;  // "customer", "account", "import_batch", ...
  std::int64_t entity_id = 0;
  std::optional<std::string> before;  // personal data masked
  std::optional<std::string> after;
};

// Appends events inside the caller's transaction. Remembers each chain's head
// for the life of the writer (one transaction).
class AuditWriter {
 public:
  AuditWriter(Session& session, const app::PersonalDataVault& vault) : session_(session), vault_(vault) {}
  void Append(const AuditEvent& event);

  // For a page of a bulk write: the heads of these customers' chains in one
  // query (those known already are kept), then events appended as bulk rows
  // (COPY on PostgreSQL) until the caller's Session::FinishBulk.
  void LoadHeads(std::span<const std::int64_t> customers);
  void AppendBulk(const AuditEvent& event);

 private:
  // The event's row (customer_id, seq, ..., prev_hash, hash), advancing its chain's head.
  std::vector<SqlValue> Chain(const AuditEvent& event);

  struct Head {
    std::int64_t seq = 0;
    std::string hash;
  };
  Session& session_;
  const app::PersonalDataVault& vault_;
  std::map<std::int64_t, Head> heads_;
};

struct AuditVerification {
  std::int64_t chains = 0;
  std::int64_t events = 0;
  // The first event that does not match, if any.
  std::optional<std::int64_t> broken_customer_id;
  std::optional<std::int64_t> broken_seq;
  std::string reason;
};

// Reads every chain in order and checks sequence numbers, links and hashes.
AuditVerification VerifyAudit(Session& session, const app::PersonalDataVault& vault);

}  // namespace arrears::store
