// arrears demo setup: a database ready to serve, for trying the product: a
// generated portfolio imported, one demo user per role (logins and passwords
// printed), and the first night of the daily cycle (cases opened and
// allocated to the collectors of two teams and the agency, work queues).
// The steps are this binary's own commands, run as child processes.
#include <spawn.h>
#include <sys/wait.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <filesystem>
#include <memory>

#include "app/workflow/call_scripts.hpp"
#include "app/workflow/messages.hpp"
#include "cli/command.hpp"
#include "cli/cycle_runner.hpp"
#include "cli/database_options.hpp"
#include "cli/text_table.hpp"
#include "cli/usage_error.hpp"
#include "cli/workflow_session.hpp"
#include "cli/yaml_files.hpp"
#include "store/crypto/sodium_credentials.hpp"
#include "store/users.hpp"

extern char** environ;

namespace arrears::cli {

namespace {

struct Options {
  WorkflowOptions workflow;
  std::int64_t customers = 1000;
  std::string data_dir = "var/demo";
  std::string templates_dir = "config/templates";
  std::string scripts_dir = "config/scripts";
  CycleFiles files;
};

struct DemoUser {
  const char* login;
  const char* name;
  const char* role;
  const char* team;
  const char* agency;
};

// Passwords are printed for trying the product; a real deployment sets its own.
constexpr const char* kDemoPassword = "Demo2026pass";
const DemoUser kUsers[] = {
    {"zhangwei", "张伟", "collector", "east", ""},   {"lina", "李娜", "collector", "east", ""},
    {"wangfang", "王芳", "collector", "west", ""},   {"liuyang", "刘洋", "team_lead", "east", ""},
    {"chenjing", "陈静", "team_lead", "west", ""},   {"zhaolei", "赵磊", "supervisor", "", ""},
    {"sunli", "孙丽", "legal", "", ""},              {"zhoujie", "周杰", "compliance", "", ""},
    {"wuhao", "吴昊", "agency_user", "", "鑫达催收"}, {"admin", "系统管理员", "admin", "", ""},
    {"qianyu", "钱宇", "auditor", "", ""}};

void RunSelf(const Context& context, std::vector<std::string> arguments) {
  std::vector<char*> argv;
  std::string self = "/proc/self/exe";
  argv.push_back(self.data());
  for (std::string& argument : arguments) argv.push_back(argument.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  if (posix_spawn(&pid, "/proc/self/exe", nullptr, nullptr, argv.data(), environ) != 0) {
    throw std::runtime_error("cannot run arrears " + arguments.front());
  }
  int status = 0;
  waitpid(pid, &status, 0);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    throw std::runtime_error("arrears " + arguments.front() + " " + arguments[1] + " failed");
  }
  (void)context;
}

void Run(const Options& o, const Context& context) {
  if (o.customers < 1 || o.customers > 10'000'000) throw UsageError("--customers: 1 to 10000000");
  const std::string now = context.clock.Now().ToString();
  const std::vector<std::string> db = {"--db", o.workflow.database.db, "--key-file", o.workflow.database.key_file};
  auto with_db = [&](std::vector<std::string> arguments) {
    arguments.insert(arguments.end(), db.begin(), db.end());
    arguments.insert(arguments.end(), {"--now", now});
    return arguments;
  };
  RunSelf(context, {"demo", "generate", "--customers", std::to_string(o.customers), "--seed", "1", "--out", o.data_dir,
                    "--now", now});
  RunSelf(context, with_db({"migrate"}));
  for (const char* kind : {"customers", "contacts", "accounts", "payments"}) {
    RunSelf(context, with_db({"import", kind, (std::filesystem::path(o.data_dir) / (std::string(kind) + ".csv")).string(),
                              "--rules-dir", o.workflow.rules_dir, "--policy", o.workflow.policy_file}));
  }
  {
    auto database = OpenDatabaseOrFail(o.workflow.database);
    auto vault = LoadVaultOrFail(o.workflow.database);
    auto session = database->Acquire();
    const store::SodiumCredentials credentials;
    const std::string hash = credentials.HashPassword(kDemoPassword);
    const auto existing = store::ListUsers(*session);
    session->Begin();
    for (const DemoUser& user : kUsers) {
      const bool known = std::any_of(existing.begin(), existing.end(),
                                     [&](const store::UserRow& row) { return row.login == user.login; });
      if (known) continue;
      const Status added = store::AddUser(*session, *vault,
                                          {user.login, user.name, user.role, user.team, user.agency, false, hash},
                                          "demo setup", app::FormatUtc(context.clock.Now().utc));
      if (!added) throw std::runtime_error(added.error().message);
    }
    session->Commit();
  }
  // The shipped message templates and call scripts, unless the database has them already.
  WorkflowOptions system = o.workflow;
  system.as = "system";
  RunWorkflow(system, context, [&](app::WorkflowContext& workflow) -> Status {
    if (std::filesystem::is_directory(o.templates_dir) && workflow.store.LatestTemplates().empty()) {
      for (const auto& [path, yaml] : ReadYamlFiles({o.templates_dir}, "--templates")) {
        auto templates = policy::ParseTemplateFile(yaml, std::filesystem::path(path).filename().string());
        if (!templates) return Fail(templates.error());
        for (const policy::MessageTemplate& t : *templates) {
          if (auto saved = app::SaveTemplate(workflow, t); !saved) return Fail(saved.error());
        }
      }
    }
    if (std::filesystem::is_directory(o.scripts_dir) && workflow.store.LatestCallScripts().empty()) {
      for (const auto& [path, yaml] : ReadYamlFiles({o.scripts_dir}, "--scripts")) {
        if (auto saved = app::SaveCallScript(workflow, yaml); !saved) {
          return Fail(Error{saved.error().code, path + ": " + saved.error().message, "--scripts"});
        }
      }
    }
    return Ok{};
  });
  // The first night of the daily cycle, as a department runs it: cases opened for the overdue accounts,
  // allocated to the teams' collectors and the agency by the allocation rules, each case's strategy placement
  // and the collectors' work queues for the day.
  RunSelf(context, with_db({"cycle", "--as-of", context.clock.TodayForDemo().ToString(), "--rules-dir",
                            o.workflow.rules_dir, "--policy", o.workflow.policy_file, "--strategy", o.files.strategy,
                            "--allocation", o.files.allocation, "--buckets", o.files.buckets}));
  const store::Row counts = OpenDatabaseOrFail(o.workflow.database)
                        ->Acquire()
                        ->Query("SELECT COALESCE(SUM(CASE WHEN owner IS NOT NULL THEN 1 ELSE 0 END), 0), "
                                "COALESCE(SUM(CASE WHEN owner IS NULL AND agency_notice_on IS NOT NULL THEN 1 ELSE 0 "
                                "END), 0) FROM cases WHERE closed_at IS NULL")
                        .at(0);
  context.out << "\nThe demo database is ready: " << counts.Int(0) << " cases assigned to collectors, "
              << counts.Int(1) << " to be placed with an agency once the debtor's notice period ends.\n"
              << "Sign in as any of these users with the password " << kDemoPassword << ":\n";
  TextTable table({"login 登录名", "name 姓名", "role 角色", "team 团队"});
  for (const DemoUser& user : kUsers) {
    table.AddRow({user.login, user.name, user.role, *user.agency ? user.agency : user.team});
  }
  table.Print(context.out);
}

}  // namespace

void AddDemoSetup(CLI::App& demo, Selection& selection) {
  auto options = std::make_shared<Options>();
  CLI::App* command = demo.add_subcommand("setup", "A database with a demo portfolio, cases and one user per role");
  command->fallthrough();
  command->add_option("--customers", options->customers, "customers to generate (default 1000)");
  command->add_option("--data-dir", options->data_dir, "where the generated files go (default var/demo)");
  command->add_option("--templates", options->templates_dir, "message templates to load (default config/templates)");
  command->add_option("--scripts", options->scripts_dir, "call scripts to load (default config/scripts)");
  AddWorkflowOptions(*command, options->workflow);
  AddCycleFileOptions(*command, options->files);
  OnChosen(*command, selection, options, &Run);
}

}  // namespace arrears::cli
