// Credentials with libsodium: argon2id password hashes at the interactive
// limits (75-100 ms and 64 MiB each here: sign-ins are rationed by the
// server), 256-bit random tokens, and their BLAKE2b hashes for storage.
#pragma once

#include "app/ports/account_store.hpp"

namespace arrears::store {

class SodiumCredentials final : public app::Credentials {
 public:
  SodiumCredentials();
  std::string HashPassword(const std::string& password) const override;
  bool VerifyPassword(const std::string& hash, const std::string& password) const override;
  std::string RandomToken() const override;
  std::string TokenHash(const std::string& token) const override;
};

}  // namespace arrears::store
