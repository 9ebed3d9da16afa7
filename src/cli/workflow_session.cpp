#include "cli/workflow_session.hpp"

#include <CLI/CLI.hpp>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/compliance_input.hpp"
#include "cli/usage_error.hpp"
#include "store/workflow/sql_workflow_store.hpp"

namespace arrears::cli {

std::string ReadFileOrFail(const std::string& path, const std::string& option) {
  std::ifstream in(path);
  if (!in) throw UsageError(option + ": cannot read " + path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

namespace {

app::Actor LoadActor(store::Session& session, const std::string& login) {
  if (login.empty()) throw UsageError("--as: say who is acting (a user's login; see `arrears user list`)");
  if (login == "system") return {"system", app::Role::kAdmin, "", ""};
  const std::vector<store::SqlValue> key = {store::Text(login)};
  const auto rows = session.Query("SELECT role, disabled, team, agency FROM users WHERE login = $1", key);
  if (rows.empty()) throw UsageError("--as: no user '" + login + "' (add one with `arrears user add`)");
  if (rows[0].Int(1) != 0) throw UsageError("--as: user '" + login + "' is disabled");
  const auto role = app::ParseRole(rows[0].Text(0));
  if (!role) throw UsageError("--as: user '" + login + "' has an unknown role '" + rows[0].Text(0) + "'");
  return {login, *role, rows[0].IsNull(2) ? "" : rows[0].Text(2), rows[0].IsNull(3) ? "" : rows[0].Text(3)};
}

}  // namespace

void AddWorkflowOptions(CLI::App& command, WorkflowOptions& options) {
  AddDatabaseOptions(command, options.database);
  command.add_option("--as", options.as, "the acting user's login (or ARREARS_USER)")->envname("ARREARS_USER");
  command.add_option("--pack", options.packs, "compliance rule packs (default cn-default)");
  command.add_option("--rules-dir", options.rules_dir, "where the packs are (default config/rules)");
  command.add_option("--policy", options.policy_file, "the workflow policy (default config/workflow.yaml)");
  command.add_option("--lang", options.lang, "language of compliance messages: zh (default) or en");
  command.add_flag("--json", options.json, "print one JSON object");
}

[[noreturn]] void FailWith(const Error& error) {
  std::string option = error.field.empty() ? "" : "--" + error.field;
  for (char& c : option) c = c == '_' ? '-' : c;
  const std::string line = option.empty() ? error.message : option + ": " + error.message;
  if (error.code == ErrorCode::kInvalidArgument || error.code == ErrorCode::kOutOfRange) throw UsageError(line);
  std::cerr << "arrears: " << line << '\n';
  throw ExitStatus{1};
}

WorkflowEnvironment OpenWorkflowEnvironment(const WorkflowOptions& options) {
  if (options.lang != "zh" && options.lang != "en") throw UsageError("--lang: zh or en");
  WorkflowEnvironment environment;
  environment.packs = LoadPacks(options.packs, options.rules_dir);
  for (const auto& pack : environment.packs) environment.pointers.push_back(&pack);
  environment.policy = Require(
      policy::ParseWorkflowPolicy(ReadFileOrFail(options.policy_file, "--policy"), options.policy_file), "--policy");
  environment.database = OpenDatabaseOrFail(options.database);
  environment.vault = LoadVaultOrFail(options.database);
  return environment;
}

Status RunInTransaction(store::Session& session, const app::PersonalDataVault& vault,
                        const policy::WorkflowPolicy& policy, std::span<const policy::RulePack* const> packs,
                        const app::Actor& actor, const Instant& now, Date today, policy::Language language,
                        const std::function<Status(app::WorkflowContext&)>& use_case) {
  const std::string now_text = app::FormatUtc(now.utc);
  store::Transaction transaction(session);
  store::SqlWorkflowStore store(session, vault, actor.login, now_text);
  app::WorkflowContext workflow{store, vault, policy, packs, actor, now.utc, now_text, today, language};
  Status result = use_case(workflow);
  if (result) transaction.Commit();
  return result;
}

void RunWorkflow(const WorkflowOptions& options, const Context& context,
                 const std::function<Status(app::WorkflowContext&)>& use_case) {
  const WorkflowEnvironment environment = OpenWorkflowEnvironment(options);
  auto session = environment.database->Acquire();
  RequireCurrentSchema(*session);
  const app::Actor actor = LoadActor(*session, options.as);
  const Status result =
      RunInTransaction(*session, *environment.vault, environment.policy, environment.pointers, actor,
                       context.clock.Now(), context.clock.TodayForDemo(),
                       options.lang == "zh" ? policy::Language::kZh : policy::Language::kEn, use_case);
  if (!result) FailWith(result.error());
}

Money AmountOption(const std::string& text, const std::string& option) {
  return Require(ParseAmount(text, Currency::kCNY, option), option);
}

Date DateOption(const std::string& text, const std::string& option) {
  return Require(Date::Parse(text, option), option);
}

}  // namespace arrears::cli
