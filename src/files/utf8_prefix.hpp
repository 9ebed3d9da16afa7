// How much of a buffer is well-formed UTF-8 (RFC 3629: no overlong forms, no
// surrogates, nothing above U+10FFFF), for reading UTF-8 files without a
// round trip through iconv.
#pragma once

#include <cstddef>
#include <string_view>

namespace arrears::files {

struct Utf8Prefix {
  std::size_t length = 0;  // bytes of complete, valid characters from the start
  bool invalid = false;    // stopped at a malformed byte (else: at the end, or a split character)
};

Utf8Prefix ValidUtf8Prefix(std::string_view bytes);

}  // namespace arrears::files
