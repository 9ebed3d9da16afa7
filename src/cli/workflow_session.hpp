// What every workflow command shares: the database and key, who acts (--as,
// a user in the users table; "system" for scheduled work), the compliance
// packs and the workflow policy, and running one use case in one
// transaction: committed when it succeeds, rolled back when it fails, its
// error printed on one line naming the option at fault.
#pragma once

#include <functional>
#include <span>
#include <string>

#include "app/workflow/workflow_context.hpp"
#include "cli/command.hpp"
#include "cli/database_options.hpp"
#include "policy/rule_pack.hpp"
#include "policy/workflow_policy.hpp"
#include "store/crypto/sodium_vault.hpp"

namespace CLI {
class App;
}

namespace arrears::cli {

struct WorkflowOptions {
  DatabaseOptions database;
  std::string as;  // the acting user's login
  std::string packs = "cn-default";
  std::string rules_dir = "config/rules";
  std::string policy_file = "config/workflow.yaml";
  std::string lang = "zh";
  bool json = false;
};

void AddWorkflowOptions(CLI::App& command, WorkflowOptions& options);

// What a workflow command opens: the packs, the policy, the database and the key.
struct WorkflowEnvironment {
  std::vector<policy::RulePack> packs;
  std::vector<const policy::RulePack*> pointers;
  policy::WorkflowPolicy policy;
  std::unique_ptr<store::Database> database;
  std::unique_ptr<store::SodiumVault> vault;
};
WorkflowEnvironment OpenWorkflowEnvironment(const WorkflowOptions& options);

// Runs `use_case` as `actor` on `session` in one transaction: committed when
// it succeeds, rolled back (and its error returned) when it fails.
Status RunInTransaction(store::Session& session, const app::PersonalDataVault& vault,
                        const policy::WorkflowPolicy& policy, std::span<const policy::RulePack* const> packs,
                        const app::Actor& actor, const Instant& now, Date today, policy::Language language,
                        const std::function<Status(app::WorkflowContext&)>& use_case);

// Runs `use_case` in one transaction. A failed Result rolls back and ends the
// command: exit 2 for bad input, 1 for a refusal, a conflict or a missing record.
void RunWorkflow(const WorkflowOptions& options, const Context& context,
                 const std::function<Status(app::WorkflowContext&)>& use_case);

// The error of a failed use case as the command's one line, with its exit status.
[[noreturn]] void FailWith(const Error& error);

// A whole text file; UsageError naming `option` when it cannot be read.
std::string ReadFileOrFail(const std::string& path, const std::string& option);

// Money in the case's currency from "1234.50"; UsageError naming `option`.
Money AmountOption(const std::string& text, const std::string& option);
Date DateOption(const std::string& text, const std::string& option);

}  // namespace arrears::cli
