// JSON-lines records: one object per line with the CSV file's column names
// as keys. Strings are taken as they are, numbers as their text, booleans as
// true/false, null as absent. A line that is not a JSON object, or a key the
// file kind does not have, stops the file with its line.
#pragma once

#include <string>
#include <vector>

#include "app/import/import_file.hpp"
#include "files/decoded_stream.hpp"

namespace arrears::files {

class JsonLinesSource final : public app::RecordSource {
 public:
  JsonLinesSource(DecodedStream& stream, std::vector<std::string> columns);
  const app::Header& header() const override { return header_; }
  bool Next(app::SourceRecord& record) override;
  std::string FileDigest() override { return stream_.Sha256Hex(); }

 private:
  DecodedStream& stream_;
  app::Header header_;
  std::string line_;
};

}  // namespace arrears::files
