// The SQLite adapter: one sqlite3 connection with a cache of prepared
// statements. The file is opened in WAL mode with foreign keys on.
#pragma once

#include <memory>
#include <string>

#include "store/database.hpp"

namespace arrears::store {

// Opens (creating if needed) the database file; ":memory:" for tests.
std::unique_ptr<Session> OpenSqliteSession(const std::string& path);

}  // namespace arrears::store
