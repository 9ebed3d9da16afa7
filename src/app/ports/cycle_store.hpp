// The daily cycle's port: the working set read in bulk, the day's changes
// written in chunks (each chunk one transaction, so a run killed at any point
// leaves every chunk written or untouched), and the record of runs.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "app/cycle/allocation.hpp"
#include "app/cycle/working_set.hpp"
#include "core/date.hpp"
#include "app/workflow/case_records.hpp"

namespace arrears::app {

struct BucketMove {
  std::int64_t customer = 0;
  std::int64_t account = 0;
  std::string from_bucket;  // empty: the account's first recorded bucket
  std::string to_bucket;
  int days_past_due = 0;
};

// A case's allocation after the day's change (owner, rotation date, agency placement).
struct AllocationWrite {
  std::int64_t customer = 0;
  std::int64_t case_id = 0;
  std::string kind;  // assign, rotate, notice, place, recall
  std::string previous_owner;
  std::string owner;  // empty: unassigned
  std::string to;     // the team or agency
  std::optional<Date> assigned_on, notice_on, placed_on, placed_until;
  std::string placed_agency;
};

struct CasePlacementChange {
  std::int64_t customer = 0;
  std::int64_t case_id = 0;
  std::string segment;  // empty: no segment matched
  std::string arm;
  std::string treatment;
  std::optional<Date> treatment_since;
};

struct QueueItem {
  std::int64_t customer = 0;
  std::int64_t case_id = 0;
  std::string owner;  // empty: not assigned
  int rank = 0;       // 1 first, per owner
  std::int64_t priority = 0;
  int propensity_ppm = 0;
  std::int64_t owed = 0;
  std::string currency;
  int days_past_due = 0;
  std::string bucket;
  std::string segment;
  std::string arm;
  std::string action;
  std::string template_id;
  std::string contact_from;  // UTC; empty: compliance allows no contact today
};

// What the workbench's queue shows of an item's case beside the cycle's
// decision, read as the queue is asked for: who, where it stands, and what
// holds it back.
struct CaseGlance {
  std::int64_t case_id = 0;
  std::string customer_name;
  std::string stage;
  std::int64_t overdue = 0;          // the case's overdue total now
  std::string promise_due;           // the earliest open promise's date; empty: none
  std::int64_t promise_amount = 0;
  std::vector<std::string> holds;    // kinds of the holds in force
};

// A case's reportable state from a day on (a row of case_facts), written when it differs from the span that holds.
struct CaseFact {
  std::int64_t customer = 0;
  std::int64_t case_id = 0;
  std::string bucket;
  std::optional<Date> overdue_since;  // nothing past due: none
  int days_past_due = 0;
  std::int64_t owed = 0;         // with accrual to the day
  std::int64_t anchor_owed = 0;  // the balances at the accounts' anchors
  std::string segment, arm, owner, agency;
};

// A contact in the days before the run, for the compliance engine.
struct RecentContact {
  std::int64_t customer = 0;
  PastContact contact;
};

// An open case with holds in force: the holds, the account each concerns, and
// every account of the case (a contact is about them all).
struct HeldCase {
  std::int64_t case_id = 0;
  std::vector<Hold> holds;
  std::vector<std::string> hold_accounts;  // per hold, its account's reference or ""
  std::vector<std::string> account_refs;
};

// A number a dialer may call for a queued call: the debtor's own phones, not
// marked invalid or wrong party, with the sealed value for the export to open.
struct DialerLine {
  QueueItem item;
  std::string customer_ref;
  std::int64_t contact_point = 0;
  std::string kind;  // mobile, landline
  std::string number_sealed;
  std::string time_zone;
};

struct CycleRun {
  Date as_of;
  std::string started_at;
  std::string finished_at;  // empty: not finished
  std::string summary;      // JSON
};

class CycleStore {
 public:
  virtual ~CycleStore() = default;

  // Every account past due at its anchor or in an open case, every open case
  // with the features the strategy and the queue read. The notes of changed
  // customers the read saw are cleared; `generation` identifies the read.
  virtual WorkingSet LoadWorkingSet(std::int64_t& generation) = 0;
  // The customers written since the read `generation` identifies (by anyone but the cycle's own chunks), their
  // rows read again and put in `set` in place of theirs; `generation` then identifies this read. Returns how many
  // customers were read again; none, with `set` untouched, when another read came in between (the set no longer
  // knows what changed): load it whole.
  virtual std::optional<std::size_t> LoadChanges(WorkingSet& set, std::int64_t& generation) = 0;
  // After the workflow judged `rows`' promises and plans: their promise features and whether they closed.
  virtual void RefreshCases(WorkingSet& set, const std::vector<std::size_t>& rows) = 0;
  // Contacts made since `since` (UTC) by open cases' customers.
  virtual std::vector<RecentContact> ContactsSince(const std::string& since) = 0;
  // The open cases with holds in force.
  virtual std::vector<HeldCase> HoldsInForce() = 0;

  virtual std::optional<CycleRun> FindRun(Date as_of) = 0;
  virtual std::optional<Date> LastFinishedRun() = 0;
  virtual std::vector<CycleRun> RecentRuns(int limit) = 0;  // newest first
  virtual void StartRun(Date as_of, const std::string& now) = 0;
  virtual void FinishRun(Date as_of, const std::string& now, const std::string& summary) = 0;

  // Each call one transaction with its chunk's progress marker.
  virtual void WriteBucketMoves(Date as_of, int chunk, std::span<const BucketMove> moves) = 0;
  virtual void WritePlacements(Date as_of, int chunk, std::span<const CasePlacementChange> changes) = 0;
  // Each change also on the case's timeline and in its customer's audit chain.
  virtual void WriteAllocation(Date as_of, int chunk, std::span<const AllocationWrite> changes,
                               const std::string& now) = 0;
  // Ends each case's span that holds the day before and starts the given one.
  virtual void WriteFacts(Date as_of, int chunk, std::span<const CaseFact> facts) = 0;
  // Active collectors (with a team) and agency users (with an agency).
  virtual void LoadStaff(std::vector<StaffMember>& collectors, std::vector<StaffMember>& agency_users) = 0;
  // Chunk 0 also removes the items of other days: the queue is the day's.
  virtual void WriteQueue(Date as_of, int chunk, std::span<const QueueItem> items) = 0;
  // The queue of a day, per owner by rank: one owner's, or (empty) every owner's; `team` non-empty keeps only
  // owners of that team.
  virtual std::vector<QueueItem> Queue(Date as_of, const std::string& owner, const std::string& team) = 0;
  // The cases of the same queue (same arguments), at a glance.
  virtual std::vector<CaseGlance> Glances(Date as_of, const std::string& owner, const std::string& team) = 0;
  // The day's calls compliance allows, with each number that may be dialled.
  virtual std::vector<DialerLine> DialerList(Date as_of, const std::string& owner) = 0;
  // One system audit event for an export of personal data.
  virtual void AuditExport(const std::string& actor, const std::string& now, const std::string& what) = 0;
};

}  // namespace arrears::app
