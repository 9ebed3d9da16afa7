// The users who work in the system: login, name, role (DESIGN.md role ids),
// team. Adding one is audited on the system chain. Passwords and sessions
// come with sign-in.
#pragma once

#include <string>
#include <vector>

#include "app/ports/personal_data_vault.hpp"
#include "core/result.hpp"
#include "store/database.hpp"

namespace arrears::store {

struct UserRow {
  std::string login;
  std::string display_name;
  std::string role;
  std::string team;
  std::string agency;
  bool disabled = false;
  std::string password_hash;  // argon2id; empty: cannot sign in until one is set
};

// kConflict when the login exists; the caller commits.
Status AddUser(Session& session, const app::PersonalDataVault& vault, const UserRow& user, const std::string& actor,
               const std::string& now);
std::vector<UserRow> ListUsers(Session& session);
// Disables or enables a user (their sessions end); kNotFound for an unknown login.
Status SetUserDisabled(Session& session, const app::PersonalDataVault& vault, const std::string& login, bool disabled,
                       const std::string& actor, const std::string& now);

}  // namespace arrears::store
