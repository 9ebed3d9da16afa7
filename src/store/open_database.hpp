// Chooses the adapter by URL: `sqlite:var/arrears.db` (or `sqlite::memory:`),
// `postgresql://user@host:port/db` (also `postgres://`).
#pragma once

#include <memory>
#include <string_view>

#include "core/result.hpp"
#include "store/database.hpp"

namespace arrears::store {

// Opens a pool (and creates the SQLite file's folder if missing). A URL of no
// known kind is an error naming it; a database that cannot be reached throws
// DatabaseError(kUnavailable) at the first Acquire.
Result<std::unique_ptr<Database>> OpenDatabase(std::string_view url, std::size_t max_sessions = 8);

}  // namespace arrears::store
