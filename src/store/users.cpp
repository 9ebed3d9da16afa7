#include "store/users.hpp"

#include "store/audit_log.hpp"
#include "store/sequences.hpp"
#include "store/value_mapping.hpp"

namespace arrears::store {

Status AddUser(Session& session, const app::PersonalDataVault& vault, const UserRow& user, const std::string& actor,
               const std::string& now) {
  const std::vector<SqlValue> key = {Text(user.login)};
  if (!session.Query("SELECT 1 FROM users WHERE login = $1", key).empty()) {
    return Fail(Error{ErrorCode::kConflict, "a user '" + user.login + "' exists already", "login"});
  }
  const std::int64_t id = ReserveId(session, "user");
  const std::vector<SqlValue> row = {Int(id),
                                     Text(user.login),
                                     Text(user.display_name),
                                     Text(user.role),
                                     TextOrNull(user.team),
                                     TextOrNull(user.agency),
                                     TextOrNull(user.password_hash),
                                     Text(now),
                                     user.password_hash.empty() ? Null() : Text(now)};
  session.Execute("INSERT INTO users (id, login, display_name, role, team, agency, password_hash, created_at, "
                  "password_changed_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
                  row);
  AuditWriter audit(session, vault);
  audit.Append({kSystemChain, now, actor, "user.add", "user", id, std::nullopt,
                "login=" + user.login + "; role=" + user.role + "; team=" + user.team + "; agency=" + user.agency});
  return Ok{};
}

std::vector<UserRow> ListUsers(Session& session) {
  std::vector<UserRow> users;
  for (const Row& r : session.Query("SELECT login, display_name, role, team, agency, disabled FROM users ORDER BY login")) {
    users.push_back({r.Text(0), r.Text(1), r.Text(2), r.IsNull(3) ? "" : r.Text(3), r.IsNull(4) ? "" : r.Text(4),
                     r.Int(5) != 0, ""});
  }
  return users;
}

Status SetUserDisabled(Session& session, const app::PersonalDataVault& vault, const std::string& login, bool disabled,
                       const std::string& actor, const std::string& now) {
  const std::vector<SqlValue> key = {Text(login)};
  const auto rows = session.Query("SELECT id FROM users WHERE login = $1", key);
  if (rows.empty()) return Fail(Error{ErrorCode::kNotFound, "no user '" + login + "'", "login"});
  const std::vector<SqlValue> params = {Int(rows[0].Int(0)), Int(disabled ? 1 : 0)};
  session.Execute("UPDATE users SET disabled = $2, version = version + 1 WHERE id = $1", params);
  if (disabled) {
    const std::vector<SqlValue> end = {Int(rows[0].Int(0)), Text(now)};
    session.Execute("UPDATE sessions SET ended_at = $2 WHERE user_id = $1 AND ended_at IS NULL", end);
  }
  AuditWriter audit(session, vault);
  audit.Append({kSystemChain, now, actor, disabled ? "user.disable" : "user.enable", "user", rows[0].Int(0),
                std::nullopt, "login=" + login});
  return Ok{};
}

}  // namespace arrears::store
