#include "store/sql_value.hpp"

#include <charconv>
#include <stdexcept>

namespace arrears::store {

std::int64_t Row::Int(std::size_t column) const {
  const SqlValue& value = values_.at(column);
  if (const auto* i = std::get_if<std::int64_t>(&value)) return *i;
  if (const auto* s = std::get_if<std::string>(&value)) {
    // PostgreSQL returns every value as text; parse integers here.
    std::int64_t parsed = 0;
    auto [end, ec] = std::from_chars(s->data(), s->data() + s->size(), parsed);
    if (ec == std::errc() && end == s->data() + s->size()) return parsed;
  }
  throw std::logic_error("column " + std::to_string(column) + " is not an integer");
}

const std::string& Row::Text(std::size_t column) const {
  const SqlValue& value = values_.at(column);
  if (const auto* s = std::get_if<std::string>(&value)) return *s;
  throw std::logic_error("column " + std::to_string(column) + " is not text");
}

std::optional<std::int64_t> Row::OptionalInt(std::size_t column) const {
  if (IsNull(column)) return std::nullopt;
  return Int(column);
}

std::optional<std::string> Row::OptionalText(std::size_t column) const {
  if (IsNull(column)) return std::nullopt;
  return Text(column);
}

std::string Row::AsText(std::size_t column) const {
  const SqlValue& value = values_.at(column);
  if (const auto* i = std::get_if<std::int64_t>(&value)) return std::to_string(*i);
  if (const auto* s = std::get_if<std::string>(&value)) return *s;
  return {};
}

}  // namespace arrears::store
