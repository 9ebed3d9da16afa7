// Schema migrations: the SQL files of migrations/sqlite/ and
// migrations/postgresql/, compiled into the binary, applied in version order,
// each in its own transaction, recorded in schema_migrations with a checksum
// so that an edited, already-applied migration is detected.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "store/database.hpp"

namespace arrears::store {

struct Migration {
  int version;
  std::string_view name;  // the file name, e.g. "0001_foundation.sql"
  std::string_view sql;
};

std::span<const Migration> EmbeddedMigrations(Dialect dialect);

struct MigrationReport {
  int version_before = 0;
  int version_after = 0;
  std::vector<std::string> applied;  // file names
};

// Brings the schema to the latest version. `now` is the RFC 3339 time to
// record. Throws DatabaseError on failure (the failing migration is rolled
// back) and std::runtime_error when an applied migration was changed.
MigrationReport Migrate(Session& session, const std::string& now);

// The schema version, 0 for an empty database.
int SchemaVersion(Session& session);

}  // namespace arrears::store
