// Ports for sign-in: the users and their sessions (AccountStore, in the
// caller's transaction) and the credentials' cryptography (Credentials:
// argon2id password hashes, random tokens, token hashes), implemented in store.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include <vector>

#include "app/workflow/actor.hpp"
#include "core/result.hpp"

namespace arrears::app {

struct UserAccount {
  std::int64_t id = 0;
  std::string login;
  std::string display_name;
  Role role = Role::kCollector;
  std::string team;
  std::string agency;
  std::string password_hash;  // empty: no password set, cannot sign in
  bool disabled = false;
  int failed_logins = 0;
  std::string locked_until;  // UTC, empty when not locked
};

struct SessionRecord {
  std::string token_hash;
  std::int64_t user_id = 0;
  std::string csrf_token;
  std::string created_at;
  std::string last_seen_at;
  std::string expires_at;  // absolute expiry
};

// A session that has not been ended, with the user it belongs to (read in one
// query: every signed-in request asks for it).
struct ActiveSession {
  SessionRecord session;
  std::optional<UserAccount> user;  // nullopt: the user's role is no longer known
};

class AccountStore {
 public:
  virtual ~AccountStore() = default;
  virtual std::optional<UserAccount> FindUser(const std::string& login) = 0;
  virtual std::optional<UserAccount> FindUserById(std::int64_t id) = 0;
  virtual void RecordFailedLogin(std::int64_t user_id, int failures, const std::string& locked_until) = 0;
  virtual void RecordSuccessfulLogin(std::int64_t user_id) = 0;
  virtual void CreateSession(const SessionRecord& session) = 0;
  virtual std::optional<ActiveSession> FindSession(const std::string& token_hash) = 0;
  virtual void TouchSession(const std::string& token_hash, const std::string& at) = 0;
  virtual void EndSession(const std::string& token_hash, const std::string& at) = 0;
  virtual void SetPassword(std::int64_t user_id, const std::string& hash, const std::string& at) = 0;
  // Administration: kConflict for a login that exists; kNotFound for one that does not.
  virtual Status AddUser(const UserAccount& user, const std::string& actor) = 0;
  virtual Status SetDisabled(const std::string& login, bool disabled, const std::string& actor) = 0;
  virtual std::vector<UserAccount> ListUsers() = 0;
  // An event on the system audit chain (sign-in, lock-out, password change).
  virtual void AuditSystem(const std::string& actor, const std::string& action, std::int64_t user_id,
                           const std::string& detail) = 0;
};

class Credentials {
 public:
  virtual ~Credentials() = default;
  virtual std::string HashPassword(const std::string& password) const = 0;  // argon2id, self-describing
  virtual bool VerifyPassword(const std::string& hash, const std::string& password) const = 0;
  virtual std::string RandomToken() const = 0;                   // 256 random bits, URL-safe text
  virtual std::string TokenHash(const std::string& token) const = 0;  // what the store keeps
};

}  // namespace arrears::app
