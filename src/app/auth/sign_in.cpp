#include "app/auth/sign_in.hpp"

#include <algorithm>
#include <cctype>

#include "app/workflow/workflow_context.hpp"

namespace arrears::app {

namespace {

Error Denied(std::string message) { return Error{ErrorCode::kPermissionDenied, std::move(message), "session"}; }

}  // namespace

Result<SignedIn> SignIn(AccountStore& store, const Credentials& credentials, const std::string& login,
                        const std::string& password, std::chrono::sys_seconds now, const SessionPolicy& policy) {
  const std::string now_text = FormatUtc(now);
  const auto user = store.FindUser(login);
  // The same answer for an unknown login and a wrong password: logins are not guessed one by one.
  const Error wrong = Denied("wrong login or password");
  if (!user) return Fail(wrong);
  if (user->disabled) return Fail(Denied("the account " + login + " is disabled: ask an administrator"));
  if (!user->locked_until.empty() && user->locked_until > now_text) {
    return Fail(Denied("the account is locked after " + std::to_string(policy.max_failures) +
                       " failed sign-ins until " + user->locked_until + " (UTC); try again then or ask an administrator"));
  }
  if (user->password_hash.empty() || !credentials.VerifyPassword(user->password_hash, password)) {
    const int failures = user->failed_logins + 1;
    std::string locked_until;
    if (failures >= policy.max_failures) locked_until = FormatUtc(now + policy.lock_for);
    store.RecordFailedLogin(user->id, failures, locked_until);
    store.AuditSystem(login, locked_until.empty() ? "session.failed" : "session.locked", user->id,
                      "failures=" + std::to_string(failures));
    if (!locked_until.empty()) {
      return Fail(Denied("wrong password; the account is now locked until " + locked_until + " (UTC)"));
    }
    return Fail(wrong);
  }
  store.RecordSuccessfulLogin(user->id);
  SignedIn signed_in{credentials.RandomToken(), credentials.RandomToken(), *user};
  signed_in.user.failed_logins = 0;
  signed_in.user.locked_until.clear();
  store.CreateSession({credentials.TokenHash(signed_in.token), user->id, signed_in.csrf_token, now_text, now_text,
                       FormatUtc(now + policy.absolute)});
  store.AuditSystem(login, "session.start", user->id, "signed in");
  return signed_in;
}

Result<Principal> Authenticate(AccountStore& store, const Credentials& credentials, const std::string& token,
                               std::chrono::sys_seconds now, const SessionPolicy& policy) {
  if (token.empty()) return Fail(Denied("sign in first"));
  const std::string hash = credentials.TokenHash(token);
  auto active = store.FindSession(hash);
  if (!active) return Fail(Denied("the session has ended: sign in again"));
  const SessionRecord* session = &active->session;
  const std::string now_text = FormatUtc(now);
  if (session->expires_at <= now_text) return Fail(Denied("the session has expired: sign in again"));
  const auto last_seen = ParseRfc3339(session->last_seen_at);
  if (!last_seen || *last_seen + policy.idle <= now) return Fail(Denied("the session was idle too long: sign in again"));
  std::optional<UserAccount>& user = active->user;
  if (!user || user->disabled) return Fail(Denied("the account is disabled"));
  // Touch at most once a minute: reads stay reads.
  if (*last_seen + std::chrono::minutes(1) <= now) store.TouchSession(hash, now_text);
  return Principal{std::move(*user), hash, session->csrf_token};
}

void SignOut(AccountStore& store, const Principal& principal, std::chrono::sys_seconds now) {
  store.EndSession(principal.token_hash, FormatUtc(now));
  store.AuditSystem(principal.user.login, "session.end", principal.user.id, "signed out");
}

Status CheckPasswordRules(const std::string& login, const std::string& password) {
  if (password.size() < 10) return Fail("a password has at least 10 characters", "password");
  const bool letter = std::any_of(password.begin(), password.end(), [](unsigned char c) { return std::isalpha(c); });
  const bool digit = std::any_of(password.begin(), password.end(), [](unsigned char c) { return std::isdigit(c); });
  if (!letter || !digit) return Fail("a password has both letters and digits", "password");
  if (password.find(login) != std::string::npos) return Fail("a password does not contain the login", "password");
  return Ok{};
}

namespace {

Status RequireAdmin(const Actor& actor, std::string_view action) {
  if (actor.role == Role::kAdmin) return Ok{};
  return Fail(Error{ErrorCode::kPermissionDenied,
                    "the role " + std::string(RoleName(actor.role)) + " may not " + std::string(action), "as"});
}

}  // namespace

Status CreateUser(AccountStore& store, const Credentials& credentials, const Actor& actor, UserAccount user,
                  const std::string& password) {
  if (auto admin = RequireAdmin(actor, "create users"); !admin) return admin;
  if (user.login.empty() || user.login == "system" ||
      user.login.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789._-") != std::string::npos) {
    return Fail("a login is lower-case letters, digits, '.', '_' or '-'", "login");
  }
  if (auto rules = CheckPasswordRules(user.login, password); !rules) return rules;
  if (user.display_name.empty()) user.display_name = user.login;
  user.password_hash = credentials.HashPassword(password);
  return store.AddUser(user, actor.login);
}

Status SetUserDisabled(AccountStore& store, const Actor& actor, const std::string& login, bool disabled) {
  if (auto admin = RequireAdmin(actor, disabled ? "disable users" : "enable users"); !admin) return admin;
  if (login == actor.login && disabled) return Fail(Error{ErrorCode::kConflict, "you cannot disable yourself", "login"});
  return store.SetDisabled(login, disabled, actor.login);
}

Result<std::vector<UserAccount>> ListUsers(AccountStore& store, const Actor& actor) {
  if (actor.role != Role::kAdmin && actor.role != Role::kSupervisor && actor.role != Role::kAuditor) {
    return Fail(Error{ErrorCode::kPermissionDenied, "the role " + std::string(RoleName(actor.role)) +
                                                        " may not list users", "as"});
  }
  std::vector<UserAccount> users = store.ListUsers();
  for (UserAccount& user : users) user.password_hash.clear();
  return users;
}

Status ChangePassword(AccountStore& store, const Credentials& credentials, const std::string& actor,
                      std::int64_t user_id, const std::string& password, std::chrono::sys_seconds now) {
  const auto user = store.FindUserById(user_id);
  if (!user) return Fail(Error{ErrorCode::kNotFound, "no user " + std::to_string(user_id), "user"});
  if (auto rules = CheckPasswordRules(user->login, password); !rules) return rules;
  store.SetPassword(user_id, credentials.HashPassword(password), FormatUtc(now));
  store.AuditSystem(actor, "user.password", user_id, "password set for " + user->login);
  return Ok{};
}

}  // namespace arrears::app
