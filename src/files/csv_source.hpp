// CSV records (RFC 4180) from a decoded stream: the first record is the
// header; quoted fields may hold separators, quotes ("") and line breaks;
// blank lines are skipped. An unterminated quote or text after a closing
// quote stops the file with its line.
#pragma once

#include "app/import/import_file.hpp"
#include "files/decoded_stream.hpp"

namespace arrears::files {

class CsvSource final : public app::RecordSource {
 public:
  // Reads the header at once; throws app::FileFormatError for an empty file.
  explicit CsvSource(DecodedStream& stream);
  const app::Header& header() const override { return header_; }
  bool Next(app::SourceRecord& record) override;
  std::string FileDigest() override { return stream_.Sha256Hex(); }

 private:
  // One record's fields; false at the end of the file.
  bool ReadRecord(std::vector<std::string>& fields, std::int64_t& line);

  DecodedStream& stream_;
  app::Header header_;
};

}  // namespace arrears::files
