#include "store/users.hpp"

#include "store/audit_log.hpp"
#include "store/sequences.hpp"

namespace arrears::store {

Status AddUser(Session& session, const app::PersonalDataVault& vault, const UserRow& user, const std::string& actor,
               const std::string& now) {
  const std::vector<SqlValue> key = {Text(user.login)};
  if (!session.Query("SELECT 1 FROM users WHERE login = $1", key).empty()) {
    return Fail(Error{ErrorCode::kConflict, "a user '" + user.login + "' exists already", "login"});
  }
  const std::int64_t id = ReserveIds(session, "user");
  const std::vector<SqlValue> row = {Int(id), Text(user.login), Text(user.display_name), Text(user.role),
                                     user.team.empty() ? Null() : Text(user.team), Text(now)};
  session.Execute("INSERT INTO users (id, login, display_name, role, team, created_at) VALUES ($1, $2, $3, $4, $5, $6)",
                  row);
  AuditWriter audit(session, vault);
  audit.Append({kSystemChain, now, actor, "user.add", "user", id, std::nullopt,
                "login=" + user.login + "; role=" + user.role + "; team=" + user.team});
  return Ok{};
}

std::vector<UserRow> ListUsers(Session& session) {
  std::vector<UserRow> users;
  for (const Row& r : session.Query("SELECT login, display_name, role, team, disabled FROM users ORDER BY login")) {
    users.push_back({r.Text(0), r.Text(1), r.Text(2), r.IsNull(3) ? "" : r.Text(3), r.Int(4) != 0});
  }
  return users;
}

}  // namespace arrears::store
