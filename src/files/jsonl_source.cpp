#include "files/jsonl_source.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

namespace arrears::files {

JsonLinesSource::JsonLinesSource(DecodedStream& stream, std::vector<std::string> columns)
    : stream_(stream), header_(std::move(columns)) {}

bool JsonLinesSource::Next(app::SourceRecord& record) {
  for (;;) {
    line_.clear();
    const std::int64_t number = stream_.line();
    int c = stream_.Get();
    if (c < 0) return false;
    while (c >= 0 && c != '\n') {
      line_.push_back(static_cast<char>(c));
      c = stream_.Get();
    }
    if (line_.find_first_not_of(" \t\r") == std::string::npos) continue;  // blank line
    boost::system::error_code error;
    const boost::json::value value = boost::json::parse(line_, error);
    if (error || !value.is_object()) {
      throw app::FileFormatError(number, "line " + std::to_string(number) + " is not a JSON object" +
                                             (error ? " (" + error.message() + ")" : std::string()));
    }
    record.header = &header_;
    record.line = number;
    record.values.assign(header_.names().size(), std::string());
    for (const auto& [key, field] : value.as_object()) {
      const int index = header_.IndexOf(key);
      if (index < 0) {
        throw app::FileFormatError(number, "line " + std::to_string(number) + ": unknown field '" + std::string(key) + "'");
      }
      std::string& target = record.values[static_cast<std::size_t>(index)];
      if (field.is_string()) {
        target = std::string(field.as_string());
      } else if (field.is_int64()) {
        target = std::to_string(field.as_int64());
      } else if (field.is_uint64()) {
        target = std::to_string(field.as_uint64());
      } else if (field.is_bool()) {
        target = field.as_bool() ? "true" : "false";
      } else if (field.is_null()) {
        target.clear();
      } else {
        // Doubles are refused: an amount must be written as a decimal string.
        throw app::FileFormatError(number, "line " + std::to_string(number) + ": field '" + std::string(key) +
                                               "' must be a string (amounts as \"1234.56\")");
      }
    }
    return true;
  }
}

}  // namespace arrears::files
