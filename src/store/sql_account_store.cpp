#include "store/sql_account_store.hpp"

#include "store/audit_log.hpp"
#include "store/users.hpp"

namespace arrears::store {

namespace {

constexpr std::string_view kUserColumns =
    "SELECT id, login, display_name, role, team, agency, password_hash, disabled, failed_logins, locked_until FROM users ";

std::optional<app::UserAccount> UserFrom(const Row& r) {
  const auto role = app::ParseRole(r.Text(3));
  if (!role) return std::nullopt;
  return app::UserAccount{r.Int(0),
                          r.Text(1),
                          r.Text(2),
                          *role,
                          r.IsNull(4) ? "" : r.Text(4),
                          r.IsNull(5) ? "" : r.Text(5),
                          r.IsNull(6) ? "" : r.Text(6),
                          r.Int(7) != 0,
                          static_cast<int>(r.Int(8)),
                          r.IsNull(9) ? "" : r.Text(9)};
}

}  // namespace

std::optional<app::UserAccount> SqlAccountStore::Find(std::string_view where, const SqlValue& key) {
  const std::vector<SqlValue> params = {key};
  const auto rows = session_.Query(std::string(kUserColumns) + "WHERE " + std::string(where), params);
  if (rows.empty()) return std::nullopt;
  return UserFrom(rows[0]);
}

std::optional<app::UserAccount> SqlAccountStore::FindUser(const std::string& login) {
  return Find("login = $1", Text(login));
}

std::optional<app::UserAccount> SqlAccountStore::FindUserById(std::int64_t id) { return Find("id = $1", Int(id)); }

void SqlAccountStore::RecordFailedLogin(std::int64_t user_id, int failures, const std::string& locked_until) {
  const std::vector<SqlValue> params = {Int(user_id), Int(failures), locked_until.empty() ? Null() : Text(locked_until)};
  session_.Execute("UPDATE users SET failed_logins = $2, locked_until = $3 WHERE id = $1", params);
}

void SqlAccountStore::RecordSuccessfulLogin(std::int64_t user_id) {
  const std::vector<SqlValue> params = {Int(user_id)};
  session_.Execute("UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = $1", params);
}

void SqlAccountStore::CreateSession(const app::SessionRecord& s) {
  const std::vector<SqlValue> params = {Text(s.token_hash), Int(s.user_id), Text(s.csrf_token), Text(s.created_at),
                                        Text(s.last_seen_at), Text(s.expires_at)};
  session_.Execute("INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, last_seen_at, expires_at) "
                   "VALUES ($1, $2, $3, $4, $5, $6)",
                   params);
}

std::optional<app::ActiveSession> SqlAccountStore::FindSession(const std::string& token_hash) {
  const std::vector<SqlValue> params = {Text(token_hash)};
  // The user's columns first, in kUserColumns' order, so UserFrom reads them.
  const auto rows = session_.Query(
      "SELECT u.id, u.login, u.display_name, u.role, u.team, u.agency, u.password_hash, u.disabled, u.failed_logins, "
      "u.locked_until, s.token_hash, s.user_id, s.csrf_token, s.created_at, s.last_seen_at, s.expires_at "
      "FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = $1 AND s.ended_at IS NULL",
      params);
  if (rows.empty()) return std::nullopt;
  const Row& r = rows[0];
  return app::ActiveSession{app::SessionRecord{r.Text(10), r.Int(11), r.Text(12), r.Text(13), r.Text(14), r.Text(15)},
                            UserFrom(r)};
}

void SqlAccountStore::TouchSession(const std::string& token_hash, const std::string& at) {
  const std::vector<SqlValue> params = {Text(token_hash), Text(at)};
  session_.Execute("UPDATE sessions SET last_seen_at = $2 WHERE token_hash = $1", params);
}

void SqlAccountStore::EndSession(const std::string& token_hash, const std::string& at) {
  const std::vector<SqlValue> params = {Text(token_hash), Text(at)};
  session_.Execute("UPDATE sessions SET ended_at = $2 WHERE token_hash = $1 AND ended_at IS NULL", params);
}

void SqlAccountStore::SetPassword(std::int64_t user_id, const std::string& hash, const std::string& at) {
  const std::vector<SqlValue> params = {Int(user_id), Text(hash), Text(at)};
  session_.Execute("UPDATE users SET password_hash = $2, password_changed_at = $3, failed_logins = 0, "
                   "locked_until = NULL, version = version + 1 WHERE id = $1",
                   params);
  const std::vector<SqlValue> user = {Int(user_id), Text(at)};
  session_.Execute("UPDATE sessions SET ended_at = $2 WHERE user_id = $1 AND ended_at IS NULL", user);
}

Status SqlAccountStore::AddUser(const app::UserAccount& user, const std::string& actor) {
  // store::AddUser audits the addition itself.
  return store::AddUser(session_, vault_,
                        {user.login, user.display_name, std::string(app::RoleName(user.role)), user.team, user.agency,
                         false, user.password_hash},
                        actor, now_);
}

Status SqlAccountStore::SetDisabled(const std::string& login, bool disabled, const std::string& actor) {
  return SetUserDisabled(session_, vault_, login, disabled, actor, now_);
}

std::vector<app::UserAccount> SqlAccountStore::ListUsers() {
  std::vector<app::UserAccount> users;
  for (const Row& row : session_.Query(std::string(kUserColumns) + "ORDER BY login")) {
    if (auto user = UserFrom(row)) users.push_back(std::move(*user));
  }
  return users;
}

void SqlAccountStore::AuditSystem(const std::string& actor, const std::string& action, std::int64_t user_id,
                                  const std::string& detail) {
  AuditWriter audit(session_, vault_);
  audit.Append({kSystemChain, now_, actor, action, "user", user_id, std::nullopt, detail});
}

}  // namespace arrears::store
