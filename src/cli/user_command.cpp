// arrears user add | list: the people who work cases, with their roles.
#include <CLI/CLI.hpp>
#include <memory>

#include "app/workflow/actor.hpp"
#include "app/workflow/workflow_context.hpp"
#include "cli/command.hpp"
#include "cli/database_options.hpp"
#include "cli/json_output.hpp"
#include "cli/text_table.hpp"
#include "cli/usage_error.hpp"
#include "cli/workflow_session.hpp"
#include "app/auth/sign_in.hpp"
#include "store/crypto/sodium_credentials.hpp"
#include "store/sql_account_store.hpp"
#include "store/users.hpp"

#include <iostream>

namespace arrears::cli {

namespace {

struct Options {
  DatabaseOptions database;
  store::UserRow user;
  std::string actor = "admin";
  bool password_stdin = false;
  bool json = false;
};

// The password from the first line of standard input, checked against the rules.
std::string PasswordFromStdin(const std::string& login) {
  std::string password;
  if (!std::getline(std::cin, password)) throw UsageError("--password-stdin: no password on standard input");
  if (!password.empty() && password.back() == '\r') password.pop_back();
  Require(app::CheckPasswordRules(login, password), "--password-stdin");
  return password;
}

void RunAdd(const Options& o, const Context& context) {
  if (!app::ParseRole(o.user.role)) {
    throw UsageError("--role: collector, team_lead, supervisor, legal, compliance, agency_user, admin or auditor");
  }
  if (o.user.login.empty() || o.user.login == "system") throw UsageError("LOGIN: choose another login");
  auto database = OpenDatabaseOrFail(o.database);
  auto vault = LoadVaultOrFail(o.database);
  auto session = database->Acquire();
  RequireCurrentSchema(*session);
  store::UserRow user = o.user;
  if (user.display_name.empty()) user.display_name = user.login;
  if (o.password_stdin) user.password_hash = store::SodiumCredentials().HashPassword(PasswordFromStdin(user.login));
  session->Begin();
  const Status added = store::AddUser(*session, *vault, user, o.actor, app::FormatUtc(context.clock.Now().utc));
  if (!added) {
    session->Rollback();
    FailWith(added.error());
  }
  session->Commit();
  if (o.json) {
    PrintJson(context.out, boost::json::object{{"login", user.login}, {"role", user.role}});
  } else {
    context.out << "user " << user.login << " (" << user.role << ") added\n";
  }
}

void RunList(const Options& o, const Context& context) {
  auto database = OpenDatabaseOrFail(o.database);
  auto session = database->Acquire();
  RequireCurrentSchema(*session);
  const auto users = store::ListUsers(*session);
  if (o.json) {
    boost::json::array items;
    for (const auto& u : users) {
      items.push_back(boost::json::object{
          {"login", u.login}, {"name", u.display_name}, {"role", u.role}, {"team", u.team}, {"disabled", u.disabled}});
    }
    PrintJson(context.out, boost::json::object{{"users", std::move(items)}});
    return;
  }
  TextTable table({"login 登录名", "name 姓名", "role 角色", "team 团队", "agency 机构", "status"});
  for (const auto& u : users) {
    table.AddRow({u.login, u.display_name, u.role, u.team, u.agency, u.disabled ? "disabled" : "active"});
  }
  table.Print(context.out);
}

void RunDisable(const Options& o, const Context& context, bool disabled) {
  auto database = OpenDatabaseOrFail(o.database);
  auto vault = LoadVaultOrFail(o.database);
  auto session = database->Acquire();
  RequireCurrentSchema(*session);
  session->Begin();
  const Status done =
      store::SetUserDisabled(*session, *vault, o.user.login, disabled, o.actor, app::FormatUtc(context.clock.Now().utc));
  if (!done) {
    session->Rollback();
    FailWith(done.error());
  }
  session->Commit();
  context.out << "user " << o.user.login << (disabled ? " disabled" : " enabled") << '\n';
}
void RunDisableUser(const Options& o, const Context& context) { RunDisable(o, context, true); }
void RunEnableUser(const Options& o, const Context& context) { RunDisable(o, context, false); }

void RunPassword(const Options& o, const Context& context) {
  const std::string password = PasswordFromStdin(o.user.login);
  auto database = OpenDatabaseOrFail(o.database);
  auto vault = LoadVaultOrFail(o.database);
  auto session = database->Acquire();
  RequireCurrentSchema(*session);
  const auto now = context.clock.Now().utc;
  session->Begin();
  store::SqlAccountStore accounts(*session, *vault, app::FormatUtc(now));
  const store::SodiumCredentials credentials;
  const auto user = accounts.FindUser(o.user.login);
  if (!user) {
    session->Rollback();
    FailWith(Error{ErrorCode::kNotFound, "no user '" + o.user.login + "'", "login"});
  }
  const Status changed = app::ChangePassword(accounts, credentials, o.actor, user->id, password, now);
  if (!changed) {
    session->Rollback();
    FailWith(changed.error());
  }
  session->Commit();
  context.out << "password set for " << o.user.login << " (their sessions are ended)\n";
}

}  // namespace

void AddUserCommands(CLI::App& group, Selection& selection) {
  {
    auto options = std::make_shared<Options>();
    CLI::App* command = group.add_subcommand("add", "Add a user with a role");
    command->fallthrough();
    command->add_option("LOGIN,--login", options->user.login, "the login")->required();
    command->add_option("--role", options->user.role, "collector, team_lead, supervisor, legal, ...")->required();
    command->add_option("--name", options->user.display_name, "the name shown");
    command->add_option("--team", options->user.team, "the team");
    command->add_option("--agency", options->user.agency, "the agency (agency users)");
    command->add_flag("--password-stdin", options->password_stdin,
                      "read the password from standard input (10+ characters, letters and digits)");
    command->add_option("--actor", options->actor, "who adds the user, for the audit log (default admin)");
    command->add_flag("--json", options->json, "print one JSON object");
    AddDatabaseOptions(*command, options->database);
    OnChosen(*command, selection, options, &RunAdd);
  }
  {
    auto options = std::make_shared<Options>();
    CLI::App* command = group.add_subcommand("list", "The users and their roles");
    command->fallthrough();
    command->add_flag("--json", options->json, "print one JSON object");
    AddDatabaseOptions(*command, options->database);
    OnChosen(*command, selection, options, &RunList);
  }
  const std::tuple<const char*, const char*, void (*)(const Options&, const Context&)> commands[] = {
      {"disable", "Disable a user (their sessions end)", &RunDisableUser},
      {"enable", "Enable a user again", &RunEnableUser},
      {"password", "Set a user's password from standard input (their sessions end)", &RunPassword}};
  for (const auto& [name, help, run] : commands) {
    auto options = std::make_shared<Options>();
    CLI::App* command = group.add_subcommand(name, help);
    command->fallthrough();
    command->add_option("LOGIN", options->user.login, "the login")->required();
    command->add_option("--actor", options->actor, "who does it, for the audit log (default admin)");
    if (std::string_view(name) == "password") {
      command->add_flag("--password-stdin", options->password_stdin, "read the password from standard input")
          ->required();
    }
    AddDatabaseOptions(*command, options->database);
    OnChosen(*command, selection, options, run);
  }
}

}  // namespace arrears::cli
