// Values crossing the SQL boundary: NULL, a 64-bit integer or text. Money is
// stored as BIGINT minor units, dates as ISO text, flags as 0/1, so that one
// portable statement runs on SQLite and PostgreSQL alike.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace arrears::store {

using SqlValue = std::variant<std::monostate, std::int64_t, std::string>;

inline SqlValue Null() { return std::monostate{}; }
inline SqlValue Int(std::int64_t value) { return value; }
inline SqlValue Text(std::string_view value) { return std::string(value); }
template <class T>
SqlValue OrNull(const std::optional<T>& value) {
  return value ? SqlValue(*value) : SqlValue(std::monostate{});
}

// One result row; columns by position. Accessors throw std::logic_error on a
// type mismatch (a bug in the statement, not an outcome).
class Row {
 public:
  explicit Row(std::vector<SqlValue> values) : values_(std::move(values)) {}
  bool IsNull(std::size_t column) const { return std::holds_alternative<std::monostate>(values_.at(column)); }
  std::int64_t Int(std::size_t column) const;
  const std::string& Text(std::size_t column) const;
  std::optional<std::int64_t> OptionalInt(std::size_t column) const;
  std::optional<std::string> OptionalText(std::size_t column) const;
  // Any value as text: integers in decimal, NULL as "".
  std::string AsText(std::size_t column) const;
  std::size_t size() const { return values_.size(); }

 private:
  std::vector<SqlValue> values_;
};

}  // namespace arrears::store
