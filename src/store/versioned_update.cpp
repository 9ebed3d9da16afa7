#include "store/versioned_update.hpp"

#include <string>

namespace arrears::store {

Status ExecuteVersioned(Session& session, std::string_view update_sql, std::span<const SqlValue> params,
                        std::string_view what) {
  if (session.Execute(update_sql, params) == 1) return Ok{};
  return Fail(Error{ErrorCode::kConflict,
                    std::string(what) + " was changed by someone else after you opened it; reload and try again",
                    "version"});
}

}  // namespace arrears::store
