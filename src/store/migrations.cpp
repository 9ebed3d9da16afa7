#include "store/migrations.hpp"

#include <cstdio>
#include <stdexcept>

namespace arrears::store {

namespace {

std::string Checksum(std::string_view text) {
  std::uint64_t hash = 1469598103934665603ULL;  // FNV-1a 64
  for (char c : text) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 1099511628211ULL;
  }
  char buffer[17];
  std::snprintf(buffer, sizeof buffer, "%016llx", static_cast<unsigned long long>(hash));
  return buffer;
}

constexpr std::string_view kCreateTable =
    "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
    "checksum TEXT NOT NULL, applied_at TEXT NOT NULL)";

}  // namespace

int SchemaVersion(Session& session) {
  session.ExecuteScript(kCreateTable);
  const auto rows = session.Query("SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
  return static_cast<int>(rows.at(0).Int(0));
}

MigrationReport Migrate(Session& session, const std::string& now) {
  MigrationReport report;
  report.version_before = SchemaVersion(session);
  for (const Migration& migration : EmbeddedMigrations(session.dialect())) {
    const std::vector<SqlValue> key = {Int(migration.version)};
    const auto applied = session.Query("SELECT checksum FROM schema_migrations WHERE version = $1", key);
    if (!applied.empty()) {
      if (applied[0].Text(0) != Checksum(migration.sql)) {
        throw std::runtime_error("migration " + std::string(migration.name) +
                                 " was changed after it was applied; add a new migration instead");
      }
      continue;
    }
    Transaction transaction(session);
    session.ExecuteScript(migration.sql);
    const std::vector<SqlValue> row = {Int(migration.version), Text(migration.name), Text(Checksum(migration.sql)),
                                       Text(now)};
    session.Execute("INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES ($1, $2, $3, $4)",
                    row);
    transaction.Commit();
    report.applied.emplace_back(migration.name);
  }
  report.version_after = SchemaVersion(session);
  return report;
}

}  // namespace arrears::store
