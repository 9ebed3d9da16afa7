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
#include "store/users.hpp"

namespace arrears::cli {

namespace {

struct Options {
  DatabaseOptions database;
  store::UserRow user;
  std::string actor = "admin";
  bool json = false;
};

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
  TextTable table({"login 登录名", "name 姓名", "role 角色", "team 团队"});
  for (const auto& u : users) table.AddRow({u.login, u.display_name, u.role, u.team});
  table.Print(context.out);
}

}  // namespace

void AddUserCommands(CLI::App& group, Selection& selection) {
  {
    auto options = std::make_shared<Options>();
    CLI::App* command = group.add_subcommand("add", "Add a user with a role");
    command->fallthrough();
    command->add_option("LOGIN", options->user.login, "the login")->required();
    command->add_option("--role", options->user.role, "collector, team_lead, supervisor, legal, ...")->required();
    command->add_option("--name", options->user.display_name, "the name shown");
    command->add_option("--team", options->user.team, "the team");
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
}

}  // namespace arrears::cli
