#include "files/csv_source.hpp"

namespace arrears::files {

CsvSource::CsvSource(DecodedStream& stream) : stream_(stream) {
  std::vector<std::string> names;
  std::int64_t line = 0;
  if (!ReadRecord(names, line)) throw app::FileFormatError(1, "the file is empty: it needs a header line");
  for (std::string& name : names) {
    while (!name.empty() && (name.back() == ' ' || name.back() == '\r')) name.pop_back();
    while (!name.empty() && name.front() == ' ') name.erase(0, 1);
  }
  header_ = app::Header(std::move(names));
}

bool CsvSource::Next(app::SourceRecord& record) {
  record.header = &header_;
  return ReadRecord(record.values, record.line);
}

bool CsvSource::ReadRecord(std::vector<std::string>& fields, std::int64_t& line) {
  fields.clear();
  // Skip blank lines between records.
  int c = stream_.Peek();
  while (c == '\n' || c == '\r') {
    stream_.Get();
    c = stream_.Peek();
  }
  if (c < 0) return false;
  line = stream_.line();
  std::string field;
  for (;;) {
    c = stream_.Get();
    if (c == '"' && field.empty()) {
      // A quoted field: until the closing quote; "" is a quote.
      const std::int64_t opened = stream_.line();
      for (;;) {
        c = stream_.Get();
        if (c < 0) {
          throw app::FileFormatError(opened, "a quoted field opened on line " + std::to_string(opened) +
                                                 " is never closed (unbalanced quotes)");
        }
        if (c == '"') {
          if (stream_.Peek() == '"') {
            stream_.Get();
            field.push_back('"');
            continue;
          }
          break;
        }
        field.push_back(static_cast<char>(c));
      }
      c = stream_.Peek();
      if (c == '\r') {
        stream_.Get();
        c = stream_.Peek();
      }
      if (c != ',' && c != '\n' && c >= 0) {
        throw app::FileFormatError(stream_.line(), "unexpected text after a closing quote on line " +
                                                       std::to_string(stream_.line()));
      }
      continue;
    }
    if (c == ',') {
      fields.push_back(std::move(field));
      field.clear();
      continue;
    }
    if (c == '\n' || c < 0) {
      if (!field.empty() && field.back() == '\r') field.pop_back();
      fields.push_back(std::move(field));
      return true;
    }
    if (c == '"') {
      throw app::FileFormatError(stream_.line(), "a quote inside an unquoted field on line " +
                                                     std::to_string(stream_.line()) + " (quote the whole field)");
    }
    field.push_back(static_cast<char>(c));
  }
}

}  // namespace arrears::files
