// The SQLite adapter: one sqlite3 connection with a cache of prepared
// statements. The file is opened in WAL mode with foreign keys on.
#pragma once

#include <memory>
#include <string>

#include "store/database.hpp"
#include "store/sqlite/writer_turn.hpp"

namespace arrears::store {

// Opens (creating if needed) the database file; ":memory:" for tests. Write
// transactions (Begin) take `writers`' turn first when one is given.
std::unique_ptr<Session> OpenSqliteSession(const std::string& path, std::shared_ptr<WriterTurn> writers = nullptr);

}  // namespace arrears::store
