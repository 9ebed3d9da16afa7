#include "cli/cycle_runner.hpp"

#include <CLI/CLI.hpp>
#include <fstream>
#include <sstream>

#include "cli/workflow_session.hpp"
#include "store/cycle/sql_cycle_store.hpp"

namespace arrears::cli {

namespace {

Result<std::string> ReadText(const std::string& path, const std::string& option) {
  std::ifstream in(path);
  if (!in) return Fail(option + ": cannot read " + path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

template <class T>
Result<T> Named(Result<T> result, const std::string& option) {
  if (!result) return Fail(Error{ErrorCode::kInvalidArgument, option + ": " + result.error().message, ""});
  return result;
}

}  // namespace

void AddCycleFileOptions(CLI::App& command, CycleFiles& files) {
  command.add_option("--strategy", files.strategy, "the strategy (default config/strategies/default.yaml)");
  command.add_option("--allocation", files.allocation, "the allocation rules (default config/allocation.yaml)");
  command.add_option("--buckets", files.buckets, "upper edges of the buckets in days (default 0,30,...,180)");
}

Result<CycleRules> LoadCycleRules(const CycleFiles& files) {
  CycleRules rules;
  auto strategy_text = ReadText(files.strategy, "--strategy");
  if (!strategy_text) return Fail(strategy_text.error());
  auto strategy = Named(policy::ParseStrategy(*strategy_text, files.strategy), "--strategy");
  if (!strategy) return Fail(strategy.error());
  rules.strategy = std::move(*strategy);
  auto allocation_text = ReadText(files.allocation, "--allocation");
  if (!allocation_text) return Fail(allocation_text.error());
  auto allocation = Named(policy::ParseAllocationRules(*allocation_text, files.allocation), "--allocation");
  if (!allocation) return Fail(allocation.error());
  rules.allocation = std::move(*allocation);
  auto buckets = Named(BucketScheme::Parse(files.buckets), "--buckets");
  if (!buckets) return Fail(buckets.error());
  rules.buckets = std::move(*buckets);
  return rules;
}

Result<app::CycleSummary> RunCycleOn(store::Session& session, const app::PersonalDataVault& vault,
                                     const policy::WorkflowPolicy& policy,
                                     std::span<const policy::RulePack* const> packs, const CycleRules& rules,
                                     const app::CycleOptions& options, const Instant& now,
                                     const std::function<void(Date, const std::string&)>& progress) {
  store::SqlCycleStore store(session, vault);
  const app::Actor system{"system", app::Role::kAdmin, "", ""};
  const app::CycleDependencies deps{
      store,
      [&](Date day, const std::function<Status(app::WorkflowContext&)>& use_case) {
        return RunInTransaction(session, vault, policy, packs, system, now, day, policy::Language::kZh, use_case);
      },
      rules.strategy,
      rules.allocation,
      rules.buckets,
      packs,
      progress};
  return app::RunCycle(deps, options);
}

}  // namespace arrears::cli
