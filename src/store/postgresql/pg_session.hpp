// The PostgreSQL adapter: one libpq connection with a cache of prepared
// statements and COPY for bulk loads.
#pragma once

#include <memory>
#include <string>

#include "store/database.hpp"

namespace arrears::store {

// `conninfo` is a libpq URL: postgresql://user@host:port/db.
std::unique_ptr<Session> OpenPostgresqlSession(const std::string& conninfo);

}  // namespace arrears::store
