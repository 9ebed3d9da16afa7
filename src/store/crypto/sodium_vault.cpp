#include "store/crypto/sodium_vault.hpp"

#include <sodium.h>
#include <sys/stat.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <vector>

namespace arrears::store {

namespace {

void InitSodium() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium could not initialise");
}

std::string ToHex(const unsigned char* data, std::size_t size) {
  std::string hex(size * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), data, size);
  hex.pop_back();
  return hex;
}

}  // namespace

Result<std::unique_ptr<SodiumVault>> SodiumVault::FromHex(std::string_view master_key_hex) {
  InitSodium();
  std::array<unsigned char, crypto_kdf_KEYBYTES> master{};
  std::size_t length = 0;
  if (master_key_hex.size() != 2 * master.size() ||
      sodium_hex2bin(master.data(), master.size(), master_key_hex.data(), master_key_hex.size(), nullptr, &length,
                     nullptr) != 0 ||
      length != master.size()) {
    return Fail("the data key must be 64 hexadecimal characters", "data_key");
  }
  std::unique_ptr<SodiumVault> vault(new SodiumVault());
  static constexpr char kContext[crypto_kdf_CONTEXTBYTES] = {'a', 'r', 'r', 'e', 'a', 'r', 's', '1'};
  crypto_kdf_derive_from_key(vault->seal_key_.data(), vault->seal_key_.size(), 1, kContext, master.data());
  crypto_kdf_derive_from_key(vault->index_key_.data(), vault->index_key_.size(), 2, kContext, master.data());
  crypto_kdf_derive_from_key(vault->hash_key_.data(), vault->hash_key_.size(), 3, kContext, master.data());
  sodium_memzero(master.data(), master.size());
  return vault;
}

std::string SodiumVault::GenerateKeyHex() {
  InitSodium();
  std::array<unsigned char, crypto_kdf_KEYBYTES> key{};
  crypto_kdf_keygen(key.data());
  std::string hex = ToHex(key.data(), key.size());
  sodium_memzero(key.data(), key.size());
  return hex;
}

std::string SodiumVault::Seal(std::string_view clear) const {
  // nonce || ciphertext, base64 (URL-safe, no padding).
  std::vector<unsigned char> box(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + clear.size());
  unsigned char* nonce = box.data();
  randombytes_buf(nonce, crypto_secretbox_NONCEBYTES);
  crypto_secretbox_easy(box.data() + crypto_secretbox_NONCEBYTES, reinterpret_cast<const unsigned char*>(clear.data()),
                        clear.size(), nonce, seal_key_.data());
  const std::size_t length = sodium_base64_ENCODED_LEN(box.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  std::string text(length, '\0');
  sodium_bin2base64(text.data(), text.size(), box.data(), box.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  text.resize(std::char_traits<char>::length(text.c_str()));
  return text;
}

std::string SodiumVault::Open(std::string_view sealed) const {
  std::vector<unsigned char> box(sealed.size());
  std::size_t length = 0;
  if (sodium_base642bin(box.data(), box.size(), sealed.data(), sealed.size(), nullptr, &length, nullptr,
                        sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0 ||
      length < crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES) {
    throw std::runtime_error("sealed personal data is malformed");
  }
  std::string clear(length - crypto_secretbox_NONCEBYTES - crypto_secretbox_MACBYTES, '\0');
  if (crypto_secretbox_open_easy(reinterpret_cast<unsigned char*>(clear.data()), box.data() + crypto_secretbox_NONCEBYTES,
                                 length - crypto_secretbox_NONCEBYTES, box.data(), seal_key_.data()) != 0) {
    throw std::runtime_error("sealed personal data fails authentication (altered, or another key)");
  }
  return clear;
}

namespace {
// Keyed BLAKE2b of "label \x1f text", `bytes` long, as hex.
std::string Blake2b(const std::array<unsigned char, 32>& key, std::string_view label, std::string_view text,
                    std::size_t bytes) {
  std::array<unsigned char, 32> out{};
  crypto_generichash_state state;
  crypto_generichash_init(&state, key.data(), key.size(), bytes);
  crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(label.data()), label.size());
  const unsigned char separator = 0x1F;
  crypto_generichash_update(&state, &separator, 1);
  crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(text.data()), text.size());
  crypto_generichash_final(&state, out.data(), bytes);
  return ToHex(out.data(), bytes);
}
}  // namespace

std::string SodiumVault::BlindIndex(std::string_view kind, std::string_view normalized) const {
  return Blake2b(index_key_, kind, normalized, 16);
}

std::string SodiumVault::KeyedHash(std::string_view purpose, std::string_view text) const {
  return Blake2b(hash_key_, purpose, text, 32);
}

std::string SodiumVault::RowHash(std::string_view kind, std::string_view text) const {
  return Blake2b(hash_key_, kind, text, 16);
}

Result<std::unique_ptr<SodiumVault>> LoadVault(const std::string& key_file, bool create_if_missing, bool* created) {
  if (created) *created = false;
  if (const char* env = std::getenv("ARREARS_DATA_KEY"); env != nullptr && *env != '\0') {
    return SodiumVault::FromHex(env);
  }
  std::ifstream in(key_file);
  std::string hex;
  if (in >> hex) return SodiumVault::FromHex(hex);
  if (!create_if_missing) {
    return Fail("no data key: " + key_file + " is missing (run `arrears migrate` once, or set ARREARS_DATA_KEY)",
                "key_file");
  }
  const std::filesystem::path path(key_file);
  std::error_code error;
  if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path(), error);
  hex = SodiumVault::GenerateKeyHex();
  {
    std::ofstream out(key_file, std::ios::trunc);
    out << hex << '\n';
    if (!out) return Fail("cannot write the data key to " + key_file, "key_file");
  }
  ::chmod(key_file.c_str(), 0600);
  if (created) *created = true;
  return SodiumVault::FromHex(hex);
}

}  // namespace arrears::store
