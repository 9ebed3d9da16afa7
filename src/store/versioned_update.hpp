// Optimistic concurrency: a record carries a version; an edit names the
// version it was based on and fails with a conflict when someone else has
// changed the record since (two collectors editing one contact point).
#pragma once

#include <span>
#include <string_view>

#include "core/result.hpp"
#include "store/database.hpp"

namespace arrears::store {

// Runs `update_sql`, which must end in "... WHERE <key> AND version = $N" and
// set "version = version + 1". Zero rows changed means the version moved on:
// an ErrorCode::kConflict naming `what`.
Status ExecuteVersioned(Session& session, std::string_view update_sql, std::span<const SqlValue> params,
                        std::string_view what);

}  // namespace arrears::store
