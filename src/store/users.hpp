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
  bool disabled = false;
};

// kConflict when the login exists; the caller commits.
Status AddUser(Session& session, const app::PersonalDataVault& vault, const UserRow& user, const std::string& actor,
               const std::string& now);
std::vector<UserRow> ListUsers(Session& session);

}  // namespace arrears::store
