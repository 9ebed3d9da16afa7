#include "app/import/source_record.hpp"

namespace arrears::app {

Header::Header(std::vector<std::string> names) : names_(std::move(names)) {}

int Header::IndexOf(std::string_view name) const {
  // A header has a few dozen short names: a scan beats hashing (and allocates nothing).
  for (std::size_t i = 0; i < names_.size(); ++i) {
    if (names_[i] == name) return static_cast<int>(i);
  }
  return -1;
}

std::string_view SourceRecord::Field(std::string_view column) const {
  const int index = header->IndexOf(column);
  if (index < 0 || static_cast<std::size_t>(index) >= values.size()) return {};
  std::string_view value = values[static_cast<std::size_t>(index)];
  while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
  while (!value.empty() && (value.back() == ' ' || value.back() == '\t' || value.back() == '\r')) value.remove_suffix(1);
  return value;
}

}  // namespace arrears::app
