// The SQLite adapter: one sqlite3 connection with a cache of prepared
// statements. The file is opened in WAL mode with foreign keys on.
#pragma once

#include <memory>
#include <semaphore>
#include <string>

#include "store/database.hpp"

namespace arrears::store {

// SQLite has one writer at a time. The sessions of one process wait their
// turn on this (first come, first served) rather than in SQLite's busy
// handler, which sleeps and retries: under a call centre's load its retries
// made a contact's p99 ten times its median. Other processes writing to the
// same file are still waited for by the busy handler (10 s).
using WriterTurn = std::binary_semaphore;

// Opens (creating if needed) the database file; ":memory:" for tests. Write
// transactions (Begin) take `writers`' turn first when one is given.
std::unique_ptr<Session> OpenSqliteSession(const std::string& path, std::shared_ptr<WriterTurn> writers = nullptr);

}  // namespace arrears::store
