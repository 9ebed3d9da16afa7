// The reader for an import file's format: CSV (its own header) or JSON lines
// (the kind's columns). One choice for the command line and the HTTP upload.
#pragma once

#include <memory>
#include <string_view>

#include "app/import/import_file.hpp"
#include "app/import/import_rows.hpp"
#include "files/decoded_stream.hpp"

namespace arrears::files {

// `format`: "jsonl" reads JSON lines, anything else CSV; the caller has checked it.
std::unique_ptr<app::RecordSource> OpenRecordSource(DecodedStream& stream, std::string_view format,
                                                    app::ImportKind kind);

}  // namespace arrears::files
