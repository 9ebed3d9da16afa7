#include "store/idempotency.hpp"

#include <vector>

namespace arrears::store {

std::optional<StoredResponse> FindIdempotent(Session& session, std::int64_t user_id, const std::string& key) {
  const std::vector<SqlValue> params = {Int(user_id), Text(key)};
  const auto rows = session.Query(
      "SELECT request_hash, status, response FROM idempotency_keys WHERE user_id = $1 AND key = $2", params);
  if (rows.empty()) return std::nullopt;
  return StoredResponse{rows[0].Text(0), static_cast<int>(rows[0].Int(1)), rows[0].Text(2)};
}

void SaveIdempotent(Session& session, std::int64_t user_id, const std::string& key, const StoredResponse& response,
                    const std::string& now) {
  const std::vector<SqlValue> params = {Int(user_id), Text(key), Text(response.request_hash), Int(response.status),
                                        Text(response.body), Text(now)};
  session.Execute("INSERT INTO idempotency_keys (user_id, key, request_hash, status, response, created_at) VALUES "
                  "($1, $2, $3, $4, $5, $6)",
                  params);
}

}  // namespace arrears::store
