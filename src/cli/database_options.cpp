#include "cli/database_options.hpp"

#include <CLI/CLI.hpp>

#include "cli/usage_error.hpp"
#include "store/migrations.hpp"
#include "store/open_database.hpp"

namespace arrears::cli {

void AddDatabaseOptions(CLI::App& command, DatabaseOptions& options) {
  command.add_option("--db", options.db, "database URL: sqlite:FILE or postgresql://user@host:port/db")
      ->envname("ARREARS_DB");
  command.add_option("--key-file", options.key_file, "data key file for personal data (or ARREARS_DATA_KEY)")
      ->envname("ARREARS_KEY_FILE");
}

std::unique_ptr<store::Database> OpenDatabaseOrFail(const DatabaseOptions& options) {
  return Require(store::OpenDatabase(options.db), "--db");
}

void RequireCurrentSchema(store::Session& session) {
  const auto migrations = store::EmbeddedMigrations(session.dialect());
  const int latest = migrations.empty() ? 0 : migrations.back().version;
  const int version = store::SchemaVersion(session);
  if (version < latest) {
    throw UsageError("--db: the database schema is at version " + std::to_string(version) + ", this arrears needs " +
                     std::to_string(latest) + ": run `arrears migrate` first");
  }
}

std::unique_ptr<store::SodiumVault> LoadVaultOrFail(const DatabaseOptions& options) {
  return Require(store::LoadVault(options.key_file, false, nullptr), "--key-file");
}

}  // namespace arrears::cli
