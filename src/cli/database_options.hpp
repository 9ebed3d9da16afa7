// What every data command shares: --db URL (default sqlite:var/arrears.db),
// --key-file (default var/arrears.key, or ARREARS_DATA_KEY), and opening
// them with errors that name the option.
#pragma once

#include <memory>
#include <string>

#include "store/crypto/sodium_vault.hpp"
#include "store/database.hpp"

namespace CLI {
class App;
}

namespace arrears::cli {

struct DatabaseOptions {
  std::string db = "sqlite:var/arrears.db";
  std::string key_file = "var/arrears.key";
};

void AddDatabaseOptions(CLI::App& command, DatabaseOptions& options);

// The database pool; UsageError for a malformed URL.
std::unique_ptr<store::Database> OpenDatabaseOrFail(const DatabaseOptions& options);
// Fails unless the schema is at the latest version ("run arrears migrate").
void RequireCurrentSchema(store::Session& session);
// The data key; UsageError when it is missing or malformed.
std::unique_ptr<store::SodiumVault> LoadVaultOrFail(const DatabaseOptions& options);

}  // namespace arrears::cli
