// Running the daily cycle, for `arrears cycle` and for the server's runs: the
// strategy, allocation rules and buckets read from their files (each error
// naming its option), and RunCycle wired to a session, as `system`.
#pragma once

#include <span>
#include <string>

#include "app/cycle/run_cycle.hpp"
#include "cli/clock.hpp"
#include "core/bucket.hpp"
#include "policy/allocation_rules.hpp"
#include "policy/rule_pack.hpp"
#include "policy/strategy.hpp"
#include "policy/workflow_policy.hpp"
#include "store/database.hpp"

namespace CLI {
class App;
}

namespace arrears::cli {

struct CycleFiles {
  std::string strategy = "config/strategies/default.yaml";
  std::string allocation = "config/allocation.yaml";
  std::string buckets = "0,30,60,90,120,150,180";
};

struct CycleRules {
  policy::Strategy strategy;
  policy::AllocationRules allocation;
  BucketScheme buckets = BucketScheme::Default();
};

// --strategy, --allocation and --buckets on `command`.
void AddCycleFileOptions(CLI::App& command, CycleFiles& files);

// Errors name the option: "--strategy: s.yaml:4: unknown condition 'bucket'".
Result<CycleRules> LoadCycleRules(const CycleFiles& files);

Result<app::CycleSummary> RunCycleOn(store::Session& session, const app::PersonalDataVault& vault,
                                     const policy::WorkflowPolicy& policy,
                                     std::span<const policy::RulePack* const> packs, const CycleRules& rules,
                                     const app::CycleOptions& options, const Instant& now,
                                     const std::function<void(Date, const std::string&)>& progress);

}  // namespace arrears::cli
