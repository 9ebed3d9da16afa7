#include "files/csv_field.hpp"

namespace arrears::files {

std::string CsvField(std::string_view text) {
  std::string field;
  if (!text.empty() && (text[0] == '=' || text[0] == '+' || text[0] == '@' || (text[0] == '-' && text.size() > 1 &&
                                                                                 !(text[1] >= '0' && text[1] <= '9')))) {
    field.push_back('\'');
  }
  field.append(text);
  if (field.find_first_of(",\"\n\r") == std::string::npos) return field;
  std::string quoted = "\"";
  for (char c : field) {
    if (c == '"') quoted.push_back('"');
    quoted.push_back(c);
  }
  return quoted + "\"";
}

}  // namespace arrears::files
