// One record of an import file as text, by column name, with its line: what
// a CSV or JSON-lines reader hands to validation.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace arrears::app {

class Header {
 public:
  Header() = default;
  explicit Header(std::vector<std::string> names);
  const std::vector<std::string>& names() const { return names_; }
  // Position of a column, or -1 when the file has no such column.
  int IndexOf(std::string_view name) const;

 private:
  std::vector<std::string> names_;
};

struct SourceRecord {
  std::int64_t line = 0;  // the line the record starts on (the header is line 1)
  const Header* header = nullptr;
  std::vector<std::string> values;

  // The trimmed value of `column`; empty when absent or blank.
  std::string_view Field(std::string_view column) const;
};

}  // namespace arrears::app
