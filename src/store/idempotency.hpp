// Idempotency-Key: the first answer to a money-moving or committing request
// is kept with a hash of the request, and replayed when the same user sends
// the same key and body again (a double click, a retried network call).
#pragma once

#include <optional>
#include <string>

#include "store/database.hpp"

namespace arrears::store {

struct StoredResponse {
  std::string request_hash;
  int status = 0;
  std::string body;
};

std::optional<StoredResponse> FindIdempotent(Session& session, std::int64_t user_id, const std::string& key);
void SaveIdempotent(Session& session, std::int64_t user_id, const std::string& key, const StoredResponse& response,
                    const std::string& now);

}  // namespace arrears::store
