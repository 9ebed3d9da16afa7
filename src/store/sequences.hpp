// Ids are reserved inside the caller's transaction and are unique, not
// gapless. On PostgreSQL each kind of record has a native sequence
// (`id_case`, ...; migration 0009): nextval takes no lock a concurrent
// transaction waits on, so agents logging contacts at the same moment do not
// queue behind one counter row until each commits. On SQLite, where one
// writer runs at a time anyway, a block is taken from the `sequences` table.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "store/database.hpp"

namespace arrears::store {

// One id of `sequence` ("case", "contact_attempt", ...).
std::int64_t ReserveId(Session& session, std::string_view sequence);

// `count` ids of `sequence`, ascending; consecutive on SQLite, not always on PostgreSQL.
std::vector<std::int64_t> ReserveIds(Session& session, std::string_view sequence, std::int64_t count);

// The PostgreSQL sequence behind `sequence`, for SQL that numbers rows as it
// inserts them (nextval('id_customer')).
std::string PostgresqlSequence(std::string_view sequence);

// SQLite only: reserves `count` consecutive ids and returns the first, for SQL
// that numbers rows itself (first + ROW_NUMBER() - 1).
std::int64_t ReserveSqliteBlock(Session& session, std::string_view sequence, std::int64_t count);

}  // namespace arrears::store
