// arrears cycle --as-of DATE: the daily cycle (docs/daily-cycle.md), as the
// `system` user. Idempotent by date; a missed day is caught up first.
#include <sys/resource.h>

#include <CLI/CLI.hpp>
#include <boost/json.hpp>
#include <iostream>
#include <memory>
#include <thread>

#include "app/cycle/run_cycle.hpp"
#include "cli/command.hpp"
#include "cli/cycle_runner.hpp"
#include "cli/json_output.hpp"
#include "cli/text_table.hpp"
#include "cli/usage_error.hpp"
#include "cli/workflow_session.hpp"

namespace arrears::cli {

namespace {

struct Options {
  WorkflowOptions workflow;
  std::string as_of;
  CycleFiles files;
  int threads = 0;  // 0: every core
  int chunk = 5000;
};

long PeakMegabytes() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024;  // kilobytes on Linux
}

void Run(const Options& o, const Context& context) {
  const Date as_of = DateOption(o.as_of, "--as-of");
  auto rules = LoadCycleRules(o.files);
  if (!rules) throw UsageError(rules.error().message);
  if (o.chunk < 1) throw UsageError("--chunk: at least 1");
  if (o.threads < 0) throw UsageError("--threads: 0 (every core) or more");
  const WorkflowEnvironment environment = OpenWorkflowEnvironment(o.workflow);
  auto session = environment.database->Acquire();
  RequireCurrentSchema(*session);
  const Instant now = context.clock.Now();
  app::CycleOptions options;
  options.as_of = as_of;
  options.threads = o.threads > 0 ? o.threads : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  options.chunk_size = static_cast<std::size_t>(o.chunk);
  options.now_text = app::FormatUtc(now.utc);
  const auto summary = RunCycleOn(
      *session, *environment.vault, environment.policy, environment.pointers, *rules, options, now,
      o.workflow.json ? std::function<void(Date, const std::string&)>()
                      : [](Date day, const std::string& step) {
                          std::cerr << "arrears cycle: " << day.ToString() << ' ' << step << " done\n";
                        });
  if (!summary) FailWith(summary.error());
  boost::json::value json = boost::json::parse(app::CycleSummaryJson(*summary));
  json.as_object()["peak_megabytes"] = PeakMegabytes();
  if (o.workflow.json) {
    PrintJson(context.out, json);
    return;
  }
  if (summary->already_done) {
    context.out << "The cycle for " << as_of.ToString() << " has run already: nothing changed.\n";
    return;
  }
  std::vector<std::pair<std::string, std::string>> facts;
  for (const auto& [name, value] : json.as_object()) {
    if (name == "milliseconds" || name == "as_of" || name == "already_done") continue;
    facts.emplace_back(std::string(name), boost::json::serialize(value));
  }
  PrintFacts(context.out, facts);
  TextTable steps({"step", "seconds"});
  for (const app::StepTime& step : summary->steps) {
    char seconds[32];
    std::snprintf(seconds, sizeof seconds, "%.3f", step.seconds);
    steps.AddRow({step.step, seconds});
  }
  steps.Print(context.out);
}

}  // namespace

void AddCycle(CLI::App& app, Selection& selection) {
  auto options = std::make_shared<Options>();
  CLI::App* command = app.add_subcommand("cycle", "Run the daily cycle for a date (catching up missed days)");
  command->fallthrough();
  AddWorkflowOptions(*command, options->workflow);
  command->add_option("--as-of", options->as_of, "the business date, e.g. 2026-11-28")->required();
  AddCycleFileOptions(*command, options->files);
  command->add_option("--threads", options->threads, "threads for the computation (default: every core)");
  command->add_option("--chunk", options->chunk, "changes per transaction (default 5000)");
  OnChosen(*command, selection, options, &Run);
}

}  // namespace arrears::cli
