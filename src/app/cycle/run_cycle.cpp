#include "app/cycle/run_cycle.hpp"

#include <algorithm>
#include <chrono>
#include <map>
#include <numeric>
#include <unordered_map>

#include "app/cycle/chunk_writer.hpp"
#include "app/cycle/day_compute.hpp"
#include "app/cycle/day_facts.hpp"
#include "app/workflow/cases.hpp"
#include "app/cycle/day_queue.hpp"

namespace arrears::app {

namespace {

using Clock = std::chrono::steady_clock;

class StepTimer {
 public:
  StepTimer(CycleSummary& summary, const CycleDependencies& deps, Date day)
      : summary_(summary), deps_(deps), day_(day), started_(Clock::now()) {}
  // Ends the running step under `name` and starts the next.
  void Lap(const std::string& name) {
    const auto now = Clock::now();
    const double seconds = std::chrono::duration<double>(now - started_).count();
    started_ = now;
    auto found = std::find_if(summary_.steps.begin(), summary_.steps.end(),
                              [&](const StepTime& s) { return s.step == name; });
    if (found == summary_.steps.end()) {
      summary_.steps.push_back({name, seconds});
    } else {
      found->seconds += seconds;
    }
    if (deps_.progress) deps_.progress(day_, name);
  }

 private:
  CycleSummary& summary_;
  const CycleDependencies& deps_;
  Date day_;
  Clock::time_point started_;
};

// The working set loaded for a day, kept for the next day of a catch-up when
// no case opened or closed in between.
struct Loaded {
  WorkingSet set;
  std::int64_t generation = 0;  // the read of changed customers it reflects
  std::vector<std::int32_t> segment_text;       // strategy segment -> dictionary index
  std::vector<std::int32_t> bucket_text;        // bucket index -> dictionary index
  std::vector<StaffMember> collectors, agency_users;
};

std::optional<Date> DateOf(std::int32_t serial) {
  return serial == kNoDate ? std::nullopt : std::optional<Date>(Date::FromSerial(serial));
}
std::int32_t SerialOf(const std::optional<Date>& date) {
  return date ? static_cast<std::int32_t>(date->serial()) : kNoDate;
}

// Allocation for the day: changes written in chunks, then kept in the working set for the next day.
Status AllocateDay(const CycleDependencies& deps, const CycleOptions& options, Date day, const DayOutcome& out,
                   Loaded& loaded, CycleSummary& summary) {
  WorkingSet& set = loaded.set;
  CaseColumns& c = set.cases;
  const auto case_at = [&](std::size_t k) {
    AllocationCase a;
    a.id = c.id[k];
    a.bucket = std::string(deps.buckets.name(static_cast<std::size_t>(out.case_bucket[k])));
    if (out.worst_account[k] != kNoIndex) {
      const auto worst = static_cast<std::size_t>(out.worst_account[k]);
      a.product = std::string(set.text.Text(set.accounts.product[worst]));
      a.region = std::string(set.text.Text(set.accounts.region[worst]));
    }
    a.language = std::string(set.text.Text(c.language[k]));
    a.owed = out.case_owed[k];
    a.on_hold = c.on_hold[k] != 0;
    a.owner = std::string(set.text.Text(c.owner[k]));
    a.assigned_on = DateOf(c.assigned_on[k]);
    a.notice_on = DateOf(c.notice_on[k]);
    a.placed_on = DateOf(c.placed_on[k]);
    a.placed_until = DateOf(c.placed_until[k]);
    a.placed_agency = std::string(set.text.Text(c.placed_agency[k]));
    a.closed = c.closed[k] != 0;
    return a;
  };
  if (loaded.collectors.empty() && loaded.agency_users.empty()) deps.store.LoadStaff(loaded.collectors, loaded.agency_users);
  const std::vector<AllocationChange> changes =
      Allocate(c.size(), case_at, loaded.collectors, loaded.agency_users, deps.allocation, day);
  std::vector<AllocationWrite> writes;
  writes.reserve(changes.size());
  for (const AllocationChange& change : changes) {
    const AllocationCase& a = change.after;
    writes.push_back({c.customer[change.row], c.id[change.row], std::string(AllocationKindName(change.kind)),
                      std::string(set.text.Text(c.owner[change.row])), a.owner, change.team, a.assigned_on, a.notice_on, a.placed_on,
                      a.placed_until, a.placed_agency});
    switch (change.kind) {
      case AllocationKind::kAssign: ++summary.assigned; break;
      case AllocationKind::kRotate: ++summary.rotated; break;
      case AllocationKind::kNotice: ++summary.agency_notices; break;
      case AllocationKind::kPlace: ++summary.agency_placed; break;
      case AllocationKind::kRecall: ++summary.agency_recalled; break;
    }
  }
  InChunks(writes, options.chunk_size, [&](int chunk, std::span<const AllocationWrite> part) {
    deps.store.WriteAllocation(day, chunk, part, options.now_text);
  });
  for (const AllocationChange& change : changes) {
    const std::size_t k = change.row;
    const AllocationCase& a = change.after;
    c.owner[k] = set.text.Intern(a.owner);
    c.assigned_on[k] = SerialOf(a.assigned_on);
    c.notice_on[k] = SerialOf(a.notice_on);
    c.placed_on[k] = SerialOf(a.placed_on);
    c.placed_until[k] = SerialOf(a.placed_until);
    c.placed_agency[k] = set.text.Intern(a.placed_agency);
  }
  return Ok{};
}

// Moves, placements and (on the last day) the queue for one day.
Status ComputeAndWrite(const CycleDependencies& deps, const CycleOptions& options, Date day, bool build_queue,
                       Loaded& loaded, CycleSummary& summary, StepTimer& timer) {
  WorkingSet& set = loaded.set;
  const DayOutcome out = ComputeDay(set, loaded.segment_text, deps.buckets, deps.strategy, day, options.threads);
  summary.accounts_processed += static_cast<std::int64_t>(set.accounts.size());
  timer.Lap("compute");

  // Bucket moves: only accounts whose bucket differs from the one stored, written a chunk at a time so that a
  // first night (every account's first bucket) never holds them all.
  {
    ChunkWriter<BucketMove> writer(options.chunk_size, [&](int chunk, std::span<const BucketMove> part) {
      deps.store.WriteBucketMoves(day, chunk, part);
    });
    std::vector<std::size_t> pending;
    for (std::size_t i = 0; i < set.accounts.size(); ++i) {
      const std::int32_t bucket = loaded.bucket_text[static_cast<std::size_t>(out.bucket[i])];
      if (set.accounts.bucket[i] == bucket) continue;
      writer.Add({set.accounts.customer[i], set.accounts.id[i], std::string(set.text.Text(set.accounts.bucket[i])),
                  std::string(set.text.Text(bucket)), out.days_past_due[i]});
      pending.push_back(i);
      if (writer.Flushed()) {
        for (std::size_t j : pending) set.accounts.bucket[j] = loaded.bucket_text[static_cast<std::size_t>(out.bucket[j])];
        pending.clear();
      }
    }
    writer.Finish();
    for (std::size_t j : pending) set.accounts.bucket[j] = loaded.bucket_text[static_cast<std::size_t>(out.bucket[j])];
    summary.accounts_changed += writer.written();
  }
  timer.Lap("buckets");

  // Strategy placements that changed (a new segment or arm restarts the path).
  CaseColumns& cases = set.cases;
  {
    ChunkWriter<CasePlacementChange> writer(options.chunk_size, [&](int chunk, std::span<const CasePlacementChange> part) {
      deps.store.WritePlacements(day, chunk, part);
    });
    std::vector<std::size_t> pending;
    const auto apply = [&] {
      for (std::size_t k : pending) {
        cases.segment[k] =
            out.segment[k] < 0 ? kNoIndex : loaded.segment_text[static_cast<std::size_t>(out.segment[k])];
        cases.arm[k] = out.segment[k] < 0 ? -1 : out.arm[k];
        cases.treatment_since[k] = out.treatment_since[k];
      }
      pending.clear();
    };
    for (std::size_t k = 0; k < cases.size(); ++k) {
      if (cases.closed[k] != 0) continue;
      const std::int32_t segment =
          out.segment[k] < 0 ? kNoIndex : loaded.segment_text[static_cast<std::size_t>(out.segment[k])];
      const std::int8_t arm = out.segment[k] < 0 ? -1 : out.arm[k];
      if (cases.segment[k] == segment && cases.arm[k] == arm && cases.treatment_since[k] == out.treatment_since[k]) {
        continue;
      }
      CasePlacementChange change{cases.customer[k], cases.id[k], std::string(set.text.Text(segment)), "", "",
                                 std::nullopt};
      if (out.segment[k] >= 0) {
        const policy::Segment& seg = deps.strategy.segments[static_cast<std::size_t>(out.segment[k])];
        change.arm = std::string(policy::ArmName(arm == 1 ? policy::Arm::kChallenger : policy::Arm::kChampion));
        change.treatment = arm == 1 ? seg.challenger->name : seg.champion.name;
        change.treatment_since = Date::FromSerial(out.treatment_since[k]);
      }
      writer.Add(std::move(change));
      pending.push_back(k);
      if (writer.Flushed()) apply();
    }
    writer.Finish();
    apply();
    summary.placements_changed += writer.written();
  }
  timer.Lap("strategy");

  if (auto status = AllocateDay(deps, options, day, out, loaded, summary); !status) return status;
  timer.Lap("allocate");
  summary.facts_written +=
      WriteDayFacts(deps.store, options.chunk_size, day, out, loaded.bucket_text, loaded.segment_text, set);
  timer.Lap("facts");
  if (!build_queue) return Ok{};

  // The as-of date's counts of open, cured and champion / challenger cases.
  const CaseColumns& open = set.cases;
  summary.cases_open = summary.champion = summary.challenger = summary.cases_cured = 0;
  for (std::size_t k = 0; k < open.size(); ++k) {
    if (open.closed[k] != 0) continue;
    ++summary.cases_open;
    if (out.case_days_past_due[k] == 0) ++summary.cases_cured;
    if (out.segment[k] >= 0) ++(out.arm[k] == 1 ? summary.challenger : summary.champion);
  }
  if (auto status = BuildQueue(deps, options.chunk_size, day, out, set, summary); !status) return status;
  timer.Lap("queue");
  return Ok{};
}

// The strategy's segments and the buckets by their index in the set's dictionary (the rules are read at each run).
void InternRules(const CycleDependencies& deps, Loaded& loaded) {
  loaded.segment_text.clear();
  loaded.bucket_text.clear();
  for (const policy::Segment& segment : deps.strategy.segments) loaded.segment_text.push_back(loaded.set.text.Intern(segment.name));
  for (std::size_t b = 0; b < deps.buckets.size(); ++b) loaded.bucket_text.push_back(loaded.set.text.Intern(deps.buckets.name(b)));
}

// The working set: `kept` brought up to date with the customers changed since it was read, or read whole.
Loaded Load(const CycleDependencies& deps, std::optional<WorkingSet> kept, std::int64_t generation,
            CycleSummary& summary) {
  Loaded loaded;
  loaded.generation = generation;
  std::optional<std::size_t> reread;
  if (kept) reread = deps.store.LoadChanges(*kept, loaded.generation);
  if (reread) {
    loaded.set = std::move(*kept);
    summary.customers_reread += static_cast<std::int64_t>(*reread);
  } else {
    loaded.set = deps.store.LoadWorkingSet(loaded.generation);
    ++summary.whole_loads;
  }
  InternRules(deps, loaded);
  return loaded;
}

}  // namespace

Result<CycleSummary> RunCycle(const CycleDependencies& deps, const CycleOptions& options) {
  CycleSummary summary;
  summary.as_of = options.as_of;
  if (const auto run = deps.store.FindRun(options.as_of); run && !run->finished_at.empty()) {
    summary.already_done = true;
    return summary;
  }
  // The days to run: each day after the last finished one, up to the as-of date.
  Date first = options.as_of;
  if (const auto last = deps.store.LastFinishedRun(); last && *last < options.as_of) first = last->AddDays(1);
  // A kept set is taken for the run and given back only when the run succeeds: a failed run leaves none.
  std::optional<WorkingSet> kept;
  std::int64_t generation = 0;
  if (options.keep != nullptr) {
    kept = std::move(options.keep->set);
    options.keep->set.reset();
    generation = options.keep->generation;
  }
  std::optional<Loaded> loaded;
  for (Date day = first; day <= options.as_of; day = day.AddDays(1)) {
    StepTimer timer(summary, deps, day);
    deps.store.StartRun(day, options.now_text);
    if (!loaded) {
      loaded = Load(deps, std::move(kept), generation, summary);
      timer.Lap("load");
    }
    // Cases: only when an account the lender reports past due belongs to no open case (a new delinquency, a case
    // closed within its monitoring period, an account added to a customer in collection).
    bool needs_cases = false;
    for (std::size_t i = 0; i < loaded->set.accounts.size() && !needs_cases; ++i) {
      needs_cases = loaded->set.accounts.stored_dpd[i] > 0 && loaded->set.accounts.case_row[i] == kNoIndex;
    }
    if (needs_cases) {
      OpenedCases opened;
      if (auto status = deps.run_as_system(day, [&](WorkflowContext& context) -> Status {
            auto result = OpenCases(context);
            if (!result) return Fail(result.error());
            opened = *result;
            return Ok{};
          });
          !status) {
        return Fail(status.error());
      }
      summary.cases_opened += opened.opened;
      summary.cases_reopened += opened.reopened;
      if (opened.opened + opened.reopened + opened.accounts_added > 0) {
        loaded = Load(deps, std::move(loaded->set), loaded->generation, summary);  // the customers given cases
      }
    }
    timer.Lap("cases");
    // Promises and installments: the cases with a promise or installment due by today (kept or broken on its
    // date; payments judge them as they arrive), or with nothing left overdue (to close).
    {
      CaseColumns& cases = loaded->set.cases;
      std::vector<std::int64_t> overdue(cases.size(), 0);
      for (std::size_t i = 0; i < loaded->set.accounts.size(); ++i) {
        const std::int32_t row = loaded->set.accounts.case_row[i];
        if (row != kNoIndex) overdue[static_cast<std::size_t>(row)] += loaded->set.accounts.overdue[i];
      }
      std::vector<std::size_t> rows;
      std::vector<CaseId> ids;
      for (std::size_t k = 0; k < cases.size(); ++k) {
        const bool due = cases.commitment_due[k] != kNoDate && cases.commitment_due[k] <= day.serial();
        if (cases.closed[k] == 0 && (due || overdue[k] <= 0)) {
          rows.push_back(k);
          ids.push_back(CaseId{cases.id[k]});
        }
      }
      if (!ids.empty()) {
        Evaluation evaluation;
        if (auto status = deps.run_as_system(day, [&](WorkflowContext& context) -> Status {
              auto result = EvaluateCases(context, ids);
              if (!result) return Fail(result.error());
              evaluation = *result;
              return Ok{};
            });
            !status) {
          return Fail(status.error());
        }
        summary.promises_kept += evaluation.promises_kept + evaluation.promises_partly_kept;
        summary.promises_broken += evaluation.promises_broken;
        summary.installments_kept += evaluation.installments_kept;
        summary.installments_broken += evaluation.installments_broken;
        // What was judged changes the features the strategy reads; a case closed leaves the day's work.
        deps.store.RefreshCases(loaded->set, rows);
      }
    }
    timer.Lap("promises");
    const bool last_day = day == options.as_of;
    if (auto status = ComputeAndWrite(deps, options, day, last_day, *loaded, summary, timer); !status) {
      return Fail(status.error());
    }
    summary.days_run.push_back(day);
    deps.store.FinishRun(day, options.now_text, last_day ? CycleSummaryJson(summary) : "{}");
  }
  if (options.keep != nullptr && loaded) {
    options.keep->set = std::move(loaded->set);
    options.keep->generation = loaded->generation;
  }
  return summary;
}

std::string CycleSummaryJson(const CycleSummary& s) {
  std::string json = "{\"as_of\":\"" + s.as_of.ToString() + "\",\"already_done\":" + (s.already_done ? "true" : "false");
  json += ",\"days_run\":[";
  for (std::size_t i = 0; i < s.days_run.size(); ++i) json += (i ? ",\"" : "\"") + s.days_run[i].ToString() + "\"";
  json += "]";
  const std::pair<const char*, std::int64_t> counts[] = {
      {"accounts_processed", s.accounts_processed}, {"accounts_changed", s.accounts_changed},
      {"cases_open", s.cases_open},                 {"cases_opened", s.cases_opened},
      {"cases_reopened", s.cases_reopened},         {"cases_cured", s.cases_cured},
      {"promises_kept", s.promises_kept},           {"promises_broken", s.promises_broken},
      {"installments_kept", s.installments_kept},   {"installments_broken", s.installments_broken},
      {"placements_changed", s.placements_changed}, {"assigned", s.assigned},
      {"rotated", s.rotated},                       {"agency_notices", s.agency_notices},
      {"agency_placed", s.agency_placed},           {"agency_recalled", s.agency_recalled},
      {"champion", s.champion},
      {"challenger", s.challenger},                 {"queue_items", s.queue_items},
      {"queue_blocked", s.queue_blocked},         {"facts_written", s.facts_written},
      {"whole_loads", s.whole_loads},               {"customers_reread", s.customers_reread}};
  for (const auto& [name, value] : counts) json += ",\"" + std::string(name) + "\":" + std::to_string(value);
  json += ",\"milliseconds\":{";
  for (std::size_t i = 0; i < s.steps.size(); ++i) {
    const auto milliseconds = static_cast<std::int64_t>(s.steps[i].seconds * 1000.0 + 0.5);
    json += (i ? ",\"" : "\"") + s.steps[i].step + "\":" + std::to_string(milliseconds);
  }
  return json + "}}";
}

}  // namespace arrears::app
