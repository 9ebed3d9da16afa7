#include "store/sequences.hpp"

#include <vector>

namespace arrears::store {

std::int64_t ReserveIds(Session& session, std::string_view sequence, std::int64_t count) {
  const std::vector<SqlValue> name = {Text(sequence)};
  session.Execute("INSERT INTO sequences (name, next_value) VALUES ($1, 1) ON CONFLICT (name) DO NOTHING", name);
  const std::vector<SqlValue> reserve = {Text(sequence), Int(count)};
  return session.Query("UPDATE sequences SET next_value = next_value + $2 WHERE name = $1 RETURNING next_value - $2",
                       reserve)[0]
      .Int(0);
}

}  // namespace arrears::store
