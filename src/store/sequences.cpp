#include "store/sequences.hpp"

#include <stdexcept>

namespace arrears::store {

namespace {

// The names are the store's own constants; anything else is a programming error, not input.
std::string_view Checked(std::string_view sequence) {
  if (sequence.empty() || sequence.find_first_not_of("abcdefghijklmnopqrstuvwxyz_") != std::string_view::npos) {
    throw std::logic_error("not a sequence name: " + std::string(sequence));
  }
  return sequence;
}

}  // namespace

std::string PostgresqlSequence(std::string_view sequence) { return "id_" + std::string(Checked(sequence)); }

std::int64_t ReserveSqliteBlock(Session& session, std::string_view sequence, std::int64_t count) {
  const std::vector<SqlValue> name = {Text(Checked(sequence))};
  session.Execute("INSERT INTO sequences (name, next_value) VALUES ($1, 1) ON CONFLICT (name) DO NOTHING", name);
  const std::vector<SqlValue> reserve = {Text(sequence), Int(count)};
  return session.Query("UPDATE sequences SET next_value = next_value + $2 WHERE name = $1 RETURNING next_value - $2",
                       reserve)[0]
      .Int(0);
}

std::vector<std::int64_t> ReserveIds(Session& session, std::string_view sequence, std::int64_t count) {
  std::vector<std::int64_t> ids;
  if (count <= 0) return ids;
  ids.reserve(static_cast<std::size_t>(count));
  if (session.dialect() == Dialect::kSqlite) {
    const std::int64_t first = ReserveSqliteBlock(session, sequence, count);
    for (std::int64_t i = 0; i < count; ++i) ids.push_back(first + i);
    return ids;
  }
  const std::vector<SqlValue> params = {Text(PostgresqlSequence(sequence)), Int(count)};
  for (const Row& row : session.Query("SELECT nextval($1::regclass) FROM generate_series(1, $2::bigint) ORDER BY 1",
                                      params)) {
    ids.push_back(row.Int(0));
  }
  return ids;
}

std::int64_t ReserveId(Session& session, std::string_view sequence) {
  if (session.dialect() == Dialect::kSqlite) return ReserveSqliteBlock(session, sequence, 1);
  // Every contact, promise, ... takes one: a plain nextval, no series to build and sort.
  const std::vector<SqlValue> name = {Text(PostgresqlSequence(sequence))};
  return session.Query("SELECT nextval($1::regclass)", name)[0].Int(0);
}

}  // namespace arrears::store
