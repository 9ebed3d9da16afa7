// The daily cycle (docs/daily-cycle.md): cases opened for customers newly past
// due, promises and installments judged, then the working set loaded once and
// the day computed in parallel — bucket moves, strategy placements and the
// day's work queue written in chunks. Idempotent by as-of date; a missed day
// is caught up by running each day in order.
#pragma once

#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "app/ports/cycle_store.hpp"
#include "app/workflow/commitments.hpp"
#include "app/workflow/workflow_context.hpp"
#include "core/bucket.hpp"
#include "core/result.hpp"
#include "policy/rule_pack.hpp"
#include "policy/allocation_rules.hpp"
#include "policy/strategy.hpp"

namespace arrears::app {

// The working set a long-running process (the server) keeps from one night to the next: the next night reads
// again only the customers written since (docs/daily-cycle.md, "Keeping the working set").
struct KeptWorkingSet {
  std::optional<WorkingSet> set;  // none: the next night loads it whole
  std::int64_t generation = 0;    // the read it reflects
};

struct CycleOptions {
  Date as_of;
  KeptWorkingSet* keep = nullptr;  // none: load the working set whole and drop it after the run
  int threads = 2;
  std::size_t chunk_size = 5000;
  std::string now_text;  // when the run happens (UTC), for the run's record
};

struct StepTime {
  std::string step;
  double seconds = 0;
};

struct CycleSummary {
  Date as_of;
  bool already_done = false;  // the date had finished before: nothing was changed
  std::vector<Date> days_run;  // caught-up days first, the as-of date last
  std::int64_t accounts_processed = 0;
  std::int64_t accounts_changed = 0;  // bucket moves written
  std::int64_t cases_open = 0;
  std::int64_t cases_opened = 0;
  std::int64_t cases_reopened = 0;
  std::int64_t cases_cured = 0;  // open cases whose accounts are all current
  std::int64_t promises_kept = 0;
  std::int64_t promises_broken = 0;
  std::int64_t installments_kept = 0;
  std::int64_t installments_broken = 0;
  std::int64_t placements_changed = 0;
  std::int64_t assigned = 0;  // given to a collector (new, or out of their team's skills)
  std::int64_t rotated = 0;
  std::int64_t agency_notices = 0;
  std::int64_t agency_placed = 0;
  std::int64_t agency_recalled = 0;
  std::int64_t champion = 0;
  std::int64_t challenger = 0;
  std::int64_t queue_items = 0;
  std::int64_t queue_blocked = 0;  // contacts the strategy wanted that compliance allows no time for today: left out
  std::int64_t facts_written = 0;  // case_facts spans started (a case's reportable state changed)
  std::int64_t whole_loads = 0;       // reads of the whole working set (none when the one kept from the night
                                      // before was brought up to date)
  std::int64_t customers_reread = 0;  // customers written since the kept set was read, read again
  std::vector<StepTime> steps;     // summed over the days run
};

// Runs a workflow use case as `system` for a day, in one transaction.
using SystemRunner = std::function<Status(Date day, const std::function<Status(WorkflowContext&)>& use_case)>;

struct CycleDependencies {
  CycleStore& store;
  SystemRunner run_as_system;
  const policy::Strategy& strategy;
  const policy::AllocationRules& allocation;
  const BucketScheme& buckets;
  std::span<const policy::RulePack* const> packs;
  // Called after each step with the day and the step's name (progress for the API).
  std::function<void(Date, const std::string&)> progress;
};

Result<CycleSummary> RunCycle(const CycleDependencies& deps, const CycleOptions& options);

// The summary as one JSON object (for --json, the run's record and the API).
std::string CycleSummaryJson(const CycleSummary& summary);

}  // namespace arrears::app
