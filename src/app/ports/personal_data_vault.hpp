// Port: personal data at rest. National id numbers, phone numbers, emails and
// addresses are stored sealed (encrypted and authenticated); a keyed hash of
// the normalised value (a blind index) finds a record by phone or id number
// without decrypting anything. Implemented in store/crypto with libsodium.
#pragma once

#include <string>
#include <string_view>

namespace arrears::app {

class PersonalDataVault {
 public:
  virtual ~PersonalDataVault() = default;
  // Encrypts `clear` with a fresh random nonce; the result is printable text.
  virtual std::string Seal(std::string_view clear) const = 0;
  // Decrypts; throws std::runtime_error when the text was altered or the key is wrong.
  virtual std::string Open(std::string_view sealed) const = 0;
  // A keyed hash of `kind` and the normalised value, as hex: equal inputs give equal indexes.
  virtual std::string BlindIndex(std::string_view kind, std::string_view normalized) const = 0;
  // A keyed 256-bit hash of arbitrary text (audit chains), as hex.
  virtual std::string KeyedHash(std::string_view purpose, std::string_view text) const = 0;
  // A keyed 128-bit hash of a record (import change detection), as hex.
  virtual std::string RowHash(std::string_view kind, std::string_view text) const = 0;
};

}  // namespace arrears::app
