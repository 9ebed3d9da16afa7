// One CSV field as RFC 4180 writes it: quoted when it holds a separator, a
// quote or a line break, its quotes doubled. Spreadsheet formulas are
// defused: a field starting with = + - @ gets a leading apostrophe, so an
// errors file or an export opened in Excel never runs what a row carried.
#pragma once

#include <string>
#include <string_view>

namespace arrears::files {

std::string CsvField(std::string_view text);

}  // namespace arrears::files
