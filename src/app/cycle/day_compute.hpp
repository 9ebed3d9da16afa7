// The day's computation over the working set (pure: no I/O), in parallel on
// index ranges: each account's days past due, bucket and what it owes with
// interest accrued from its anchor to the as-of date; each open case's worst
// days past due, bucket, total owed, strategy segment and arm, the day of its
// treatment path and today's action, and its priority in the work queue.
#pragma once

#include <cstdint>
#include <functional>
#include <vector>

#include "app/cycle/working_set.hpp"
#include "core/bucket.hpp"
#include "core/date.hpp"
#include "policy/strategy.hpp"

namespace arrears::app {

struct DayOutcome {
  // Per account.
  std::vector<std::int32_t> days_past_due;
  std::vector<std::int8_t> bucket;
  std::vector<std::int64_t> owed;  // with accrual to the as-of date
  // Per case.
  std::vector<std::int32_t> case_days_past_due;
  std::vector<std::int8_t> case_bucket;
  std::vector<std::int64_t> case_owed;
  std::vector<std::int32_t> worst_account;  // the account furthest behind (its product and region); kNoIndex: none
  std::vector<std::int32_t> segment;  // index into the strategy's segments; -1: none matched
  std::vector<std::int8_t> arm;       // 0 champion, 1 challenger
  std::vector<std::int32_t> treatment_since;
  std::vector<const policy::TreatmentStep*> step;  // today's step of the path, or nullptr
  std::vector<std::int8_t> action;                 // policy::Action
  std::vector<std::int32_t> propensity_ppm;
  std::vector<std::int64_t> priority;  // expected recovery, minor units
};

// `segment_text[i]` is the dictionary index of the strategy's segment i (so the
// stored segment can be compared without text); `threads` >= 1.
DayOutcome ComputeDay(const WorkingSet& set, const std::vector<std::int32_t>& segment_text, const BucketScheme& buckets,
                      const policy::Strategy& strategy, Date as_of, int threads);

// Splits [0, size) into `parts` ranges and runs `work(begin, end)` on each on its own thread.
void ParallelRanges(std::size_t size, int parts, const std::function<void(std::size_t, std::size_t)>& work);

}  // namespace arrears::app
