// Domain values as SQL parameters, one way everywhere: money as minor units,
// dates as ISO text, and an absent value (or empty text) as NULL.
#pragma once

#include <optional>
#include <string>

#include "core/date.hpp"
#include "core/money.hpp"
#include "store/sql_value.hpp"

namespace arrears::store {

inline SqlValue MoneyOrNull(const std::optional<Money>& money) { return money ? Int(money->minor_units()) : Null(); }
inline SqlValue DateOrNull(const std::optional<Date>& date) { return date ? Text(date->ToString()) : Null(); }
inline SqlValue IntOrNull(const std::optional<int>& value) { return value ? Int(*value) : Null(); }
inline SqlValue TextOrNull(const std::string& text) { return text.empty() ? Null() : Text(text); }

}  // namespace arrears::store
