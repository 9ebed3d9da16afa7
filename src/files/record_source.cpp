#include "files/record_source.hpp"

#include "app/import/row_validation.hpp"
#include "files/csv_source.hpp"
#include "files/jsonl_source.hpp"

namespace arrears::files {

std::unique_ptr<app::RecordSource> OpenRecordSource(DecodedStream& stream, std::string_view format,
                                                    app::ImportKind kind) {
  if (format == "jsonl") return std::make_unique<JsonLinesSource>(stream, app::ImportColumns(kind));
  return std::make_unique<CsvSource>(stream);
}

}  // namespace arrears::files
