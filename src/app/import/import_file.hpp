// The import use case: read a file's records, validate every field, stage the
// valid rows, let the store check and apply them in one transaction. By
// default the file is one unit (any rejected row rejects the file); with
// `partial` the valid rows are applied and the others reported.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>

#include "app/import/source_record.hpp"
#include "app/ports/import_store.hpp"
#include "app/ports/personal_data_vault.hpp"

namespace arrears::app {

// A fault that makes the rest of the file unreadable (an unterminated quote,
// bytes that are not valid in the file's encoding): nothing is applied.
class FileFormatError : public std::runtime_error {
 public:
  FileFormatError(std::int64_t line, const std::string& message) : std::runtime_error(message), line_(line) {}
  std::int64_t line() const { return line_; }

 private:
  std::int64_t line_;
};

// Records of one file, in order. Next() throws FileFormatError.
class RecordSource {
 public:
  virtual ~RecordSource() = default;
  virtual const Header& header() const = 0;
  virtual bool Next(SourceRecord& record) = 0;
  // Hex SHA-256 of the file's bytes, once Next() has returned false.
  virtual std::string FileDigest() = 0;
};

struct ImportSummary {
  std::int64_t read = 0;
  std::int64_t inserted = 0;
  std::int64_t updated = 0;
  std::int64_t unchanged = 0;
  std::int64_t rejected = 0;
  bool applied = false;             // false: the database is as it was
  std::optional<std::int64_t> batch_id;
};

struct ImportCallbacks {
  std::function<void(const Rejection&)> on_rejection;     // each rejected row, as found
  std::function<void(std::int64_t rows_read)> on_progress;  // every few thousand rows
};

// Throws FileFormatError (after rolling back) for an unreadable file, and
// lets store failures (DatabaseError) through after rolling back.
ImportSummary ImportFile(const BatchInfo& batch, RecordSource& source, ImportStore& store,
                         const PersonalDataVault& vault, const ImportCallbacks& callbacks);

}  // namespace arrears::app
