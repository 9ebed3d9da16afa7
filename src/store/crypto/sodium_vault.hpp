// The PersonalDataVault on libsodium: XSalsa20-Poly1305 (crypto_secretbox)
// for sealing, keyed BLAKE2b (crypto_generichash) for blind indexes and
// hashes, each with its own subkey derived from one 32-byte master key.
#pragma once

#include <array>
#include <memory>
#include <string>

#include "app/ports/personal_data_vault.hpp"
#include "core/result.hpp"

namespace arrears::store {

class SodiumVault final : public app::PersonalDataVault {
 public:
  // `master_key_hex`: 64 hexadecimal characters.
  static Result<std::unique_ptr<SodiumVault>> FromHex(std::string_view master_key_hex);
  // A new random master key as hex, for a key file.
  static std::string GenerateKeyHex();

  std::string Seal(std::string_view clear) const override;
  std::string Open(std::string_view sealed) const override;
  std::string BlindIndex(std::string_view kind, std::string_view normalized) const override;
  std::string KeyedHash(std::string_view purpose, std::string_view text) const override;
  std::string RowHash(std::string_view kind, std::string_view text) const override;

 private:
  SodiumVault() = default;
  std::array<unsigned char, 32> seal_key_{};
  std::array<unsigned char, 32> index_key_{};
  std::array<unsigned char, 32> hash_key_{};
};

// Where the master key comes from: ARREARS_DATA_KEY (hex) if set, else the key
// file. With `create_if_missing`, a missing file is created with a new key
// (mode 0600) and `created` is set.
Result<std::unique_ptr<SodiumVault>> LoadVault(const std::string& key_file, bool create_if_missing, bool* created);

}  // namespace arrears::store
