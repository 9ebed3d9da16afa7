#include "files/decoded_stream.hpp"

#include <sodium.h>

#include <cerrno>
#include <stdexcept>

#include "app/import/import_file.hpp"
#include "files/utf8_prefix.hpp"

namespace arrears::files {

struct DecodedStream::Hash {
  crypto_hash_sha256_state state;
};

std::optional<Encoding> ParseEncoding(std::string_view name) {
  if (name == "utf-8" || name == "utf8" || name == "UTF-8") return Encoding::kUtf8;
  if (name == "gb18030" || name == "GB18030") return Encoding::kGb18030;
  return std::nullopt;
}

DecodedStream::DecodedStream(std::istream& in, Encoding encoding)
    : in_(in), encoding_(encoding), hash_(new Hash) {
  // UTF-8 input is checked by hand (ValidUtf8Prefix); iconv decodes GB18030.
  converter_ = iconv_open("UTF-8", encoding == Encoding::kUtf8 ? "UTF-8" : "GB18030");
  if (converter_ == reinterpret_cast<iconv_t>(-1)) {
    delete hash_;
    throw std::runtime_error("this system's iconv cannot decode the file's encoding");
  }
  if (sodium_init() < 0) throw std::runtime_error("libsodium could not initialise");
  crypto_hash_sha256_init(&hash_->state);
}

DecodedStream::~DecodedStream() {
  iconv_close(converter_);
  delete hash_;
}

std::string DecodedStream::Sha256Hex() {
  crypto_hash_sha256_state copy = hash_->state;
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256_final(&copy, digest);
  char hex[2 * crypto_hash_sha256_BYTES + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return hex;
}

bool DecodedStream::Fill() {
  decoded_.clear();
  position_ = 0;
  while (decoded_.empty()) {
    if (at_end_ && raw_.empty()) return false;
    char chunk[1 << 16];
    std::size_t got = 0;
    if (!at_end_) {
      in_.read(chunk, sizeof chunk);
      got = static_cast<std::size_t>(in_.gcount());
      if (got < sizeof chunk) at_end_ = true;
      raw_bytes_ += static_cast<std::int64_t>(got);
      crypto_hash_sha256_update(&hash_->state, reinterpret_cast<const unsigned char*>(chunk), got);
      raw_.append(chunk, got);
    }
    if (first_chunk_ && encoding_ == Encoding::kUtf8 && raw_.size() >= 3 && raw_.compare(0, 3, "\xEF\xBB\xBF") == 0) {
      raw_.erase(0, 3);
    }
    first_chunk_ = false;
    if (raw_.empty()) continue;
    if (encoding_ == Encoding::kUtf8) {
      // Already UTF-8: check it and pass it on, keeping a split character for the next chunk.
      const Utf8Prefix valid = ValidUtf8Prefix(raw_);
      decoded_.assign(raw_, 0, valid.length);
      raw_.erase(0, valid.length);
      if (valid.invalid || (at_end_ && !raw_.empty())) ThrowInvalid();
      continue;
    }
    decoded_.resize(raw_.size() * 4 + 16);
    char* in_pointer = raw_.data();
    std::size_t in_left = raw_.size();
    char* out_pointer = decoded_.data();
    std::size_t out_left = decoded_.size();
    const std::size_t result = iconv(converter_, &in_pointer, &in_left, &out_pointer, &out_left);
    decoded_.resize(decoded_.size() - out_left);
    const int error = result == static_cast<std::size_t>(-1) ? errno : 0;
    raw_.erase(0, raw_.size() - in_left);
    if (error == EILSEQ || (error == EINVAL && at_end_)) ThrowInvalid();
    if (error != 0 && error != EINVAL) throw std::runtime_error("decoding the file failed");
  }
  return true;
}

void DecodedStream::ThrowInvalid() const {
  std::int64_t line = line_;
  for (char c : decoded_) line += c == '\n' ? 1 : 0;
  throw app::FileFormatError(line, std::string("bytes that are not valid ") +
                                       (encoding_ == Encoding::kUtf8 ? "UTF-8" : "GB18030") +
                                       (encoding_ == Encoding::kUtf8 ? " (is the file GB18030? use --encoding gb18030)" : ""));
}

}  // namespace arrears::files
