// The day's facts for reporting (case_facts), in compact form: a span per
// case over which its bucket, the day its days past due count from, its
// balances at the anchors, its segment and arm, owner and agency held. The
// day writes a new span only for the cases where one of these changed, so a
// quiet night writes little, and every case's state on any day is one range
// lookup (days past due and accrual derived from the span as from anchors).
#pragma once

#include <cstdint>
#include <vector>

#include "app/cycle/day_compute.hpp"
#include "app/ports/cycle_store.hpp"

namespace arrears::app {

// Writes the open cases' changed facts in chunks and keeps the working set's spans in step; returns how many.
// `bucket_text[b]` and `segment_text[s]` are the dictionary indexes of bucket b and strategy segment s.
std::int64_t WriteDayFacts(CycleStore& store, std::size_t chunk_size, Date day, const DayOutcome& out,
                           const std::vector<std::int32_t>& bucket_text, const std::vector<std::int32_t>& segment_text,
                           WorkingSet& set);

}  // namespace arrears::app
