// Ids come from the `sequences` table, reserved in blocks inside the caller's
// transaction: portable (no serial, no SQLite rowid), and Citus-friendly.
#pragma once

#include <cstdint>
#include <string_view>

#include "store/database.hpp"

namespace arrears::store {

// Reserves `count` consecutive ids of `sequence`; returns the first.
std::int64_t ReserveIds(Session& session, std::string_view sequence, std::int64_t count = 1);

}  // namespace arrears::store
