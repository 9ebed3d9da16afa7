// Bytes of an import file decoded to UTF-8 as they are read: UTF-8 (a byte
// order mark is dropped) or GB18030, the encoding Chinese core systems still
// export. Invalid bytes stop the read with the line they are on. Memory stays
// at one buffer whatever the file's size; the file's SHA-256 is computed on
// the way.
#pragma once

#include <iconv.h>

#include <cstdint>
#include <istream>
#include <optional>
#include <string>

namespace arrears::files {

enum class Encoding { kUtf8, kGb18030 };
std::optional<Encoding> ParseEncoding(std::string_view name);  // "utf-8", "gb18030"

class DecodedStream {
 public:
  DecodedStream(std::istream& in, Encoding encoding);
  ~DecodedStream();
  DecodedStream(const DecodedStream&) = delete;
  DecodedStream& operator=(const DecodedStream&) = delete;

  // The next byte of UTF-8 text, or -1 at the end. Throws
  // app::FileFormatError on bytes invalid in the encoding.
  int Get() {
    if (position_ == decoded_.size() && !Fill()) return -1;
    const auto c = static_cast<unsigned char>(decoded_[position_++]);
    if (c == '\n') ++line_;
    return c;
  }
  int Peek() {
    if (position_ == decoded_.size() && !Fill()) return -1;
    return static_cast<unsigned char>(decoded_[position_]);
  }
  std::int64_t line() const { return line_; }  // 1-based line of the next byte
  std::int64_t raw_bytes_read() const { return raw_bytes_; }
  // Hex SHA-256 of every raw byte; complete once Get() has returned -1.
  std::string Sha256Hex();

 private:
  bool Fill();
  [[noreturn]] void ThrowInvalid() const;  // names the line the bad bytes are on

  std::istream& in_;
  Encoding encoding_;
  iconv_t converter_;
  std::string raw_;      // undecoded bytes carried over (a split sequence)
  std::string decoded_;
  std::size_t position_ = 0;
  std::int64_t line_ = 1;
  std::int64_t raw_bytes_ = 0;
  bool first_chunk_ = true;
  bool at_end_ = false;
  struct Hash;
  Hash* hash_;
};

}  // namespace arrears::files
