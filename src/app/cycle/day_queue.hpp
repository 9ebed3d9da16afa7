// The day's work queue (pure but for the store it writes to): every open
// case whose action today is not `none`, ranked per owner by expected
// recovery up to the daily limit, each contact judged by the compliance
// engine at the debtor's local midnight and again as each block lifts; a
// contact that cannot happen today stays out of the queue.
#pragma once

#include "app/cycle/day_compute.hpp"
#include "app/cycle/run_cycle.hpp"

namespace arrears::app {

Status BuildQueue(const CycleDependencies& deps, std::size_t chunk_size, Date day, const DayOutcome& out,
                  WorkingSet& set, CycleSummary& summary);

}  // namespace arrears::app
