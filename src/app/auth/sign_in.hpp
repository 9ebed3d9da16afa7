// Sign-in (DESIGN.md, issue "HTTP API, sign-in, roles"): a password checked
// against its argon2id hash; five failures in a row lock the account for 15
// minutes (said plainly); a session is a random token (only its hash is
// stored) with a CSRF token, expiring after 2 idle hours or 12 hours in all.
#pragma once

#include <chrono>
#include <string>

#include "app/ports/account_store.hpp"
#include "core/result.hpp"

namespace arrears::app {

struct SessionPolicy {
  int max_failures = 5;
  std::chrono::minutes lock_for{15};
  std::chrono::minutes idle{120};
  std::chrono::hours absolute{12};
};

struct SignedIn {
  std::string token;  // for the cookie; never stored
  std::string csrf_token;
  UserAccount user;
};

// Who a request comes from, once its session is checked.
struct Principal {
  UserAccount user;
  std::string token_hash;
  std::string csrf_token;
};

Result<SignedIn> SignIn(AccountStore& store, const Credentials& credentials, const std::string& login,
                        const std::string& password, std::chrono::sys_seconds now, const SessionPolicy& policy = {});
// kNotFound-free: an unknown, ended or expired token is kPermissionDenied ("sign in again").
Result<Principal> Authenticate(AccountStore& store, const Credentials& credentials, const std::string& token,
                               std::chrono::sys_seconds now, const SessionPolicy& policy = {});
void SignOut(AccountStore& store, const Principal& principal, std::chrono::sys_seconds now);

// At least 10 characters with a letter and a digit, and not the login.
Status CheckPasswordRules(const std::string& login, const std::string& password);
// Administration, by an admin: create users (with a password that follows the
// rules), disable or enable them (their sessions end), reset passwords.
Status CreateUser(AccountStore& store, const Credentials& credentials, const Actor& actor, UserAccount user,
                  const std::string& password);
Status SetUserDisabled(AccountStore& store, const Actor& actor, const std::string& login, bool disabled);
Result<std::vector<UserAccount>> ListUsers(AccountStore& store, const Actor& actor);

Status ChangePassword(AccountStore& store, const Credentials& credentials, const std::string& actor,
                      std::int64_t user_id, const std::string& password, std::chrono::sys_seconds now);

}  // namespace arrears::app
