#include "app/reports/report_table.hpp"

#include <stdexcept>

namespace arrears::app {

std::size_t ReportTable::ColumnIndex(const std::string& key) const {
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (columns[i].key == key) return i;
  }
  throw std::out_of_range("report " + name + " has no column " + key);
}

}  // namespace arrears::app
