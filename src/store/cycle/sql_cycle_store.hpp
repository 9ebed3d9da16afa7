// The daily cycle's store on SQLite and PostgreSQL: the working set read in
// keyset pages into columnar arrays, the day's changes written in chunks, each
// chunk one transaction with its progress marker (cycle_chunks).
#pragma once

#include <functional>

#include "app/ports/cycle_store.hpp"
#include "app/ports/personal_data_vault.hpp"
#include "store/database.hpp"

namespace arrears::store {

class SqlCycleStore : public app::CycleStore {
 public:
  SqlCycleStore(Session& session, const app::PersonalDataVault& vault) : session_(session), vault_(vault) {}

  app::WorkingSet LoadWorkingSet(std::int64_t& generation) override;
  std::optional<std::size_t> LoadChanges(app::WorkingSet& set, std::int64_t& generation) override;
  void RefreshCases(app::WorkingSet& set, const std::vector<std::size_t>& rows) override;
  std::vector<app::RecentContact> ContactsSince(const std::string& since) override;
  std::vector<app::HeldCase> HoldsInForce() override;

  std::optional<app::CycleRun> FindRun(Date as_of) override;
  std::optional<Date> LastFinishedRun() override;
  std::vector<app::CycleRun> RecentRuns(int limit) override;
  void StartRun(Date as_of, const std::string& now) override;
  void FinishRun(Date as_of, const std::string& now, const std::string& summary) override;

  void WriteBucketMoves(Date as_of, int chunk, std::span<const app::BucketMove> moves) override;
  void WritePlacements(Date as_of, int chunk, std::span<const app::CasePlacementChange> changes) override;
  void WriteAllocation(Date as_of, int chunk, std::span<const app::AllocationWrite> changes,
                       const std::string& now) override;
  void WriteFacts(Date as_of, int chunk, std::span<const app::CaseFact> facts) override;
  void LoadStaff(std::vector<app::StaffMember>& collectors, std::vector<app::StaffMember>& agency_users) override;
  void WriteQueue(Date as_of, int chunk, std::span<const app::QueueItem> items) override;
  std::vector<app::QueueItem> Queue(Date as_of, const std::string& owner, const std::string& team) override;
  std::vector<app::CaseGlance> Glances(Date as_of, const std::string& owner, const std::string& team) override;
  std::vector<app::DialerLine> DialerList(Date as_of, const std::string& owner) override;
  void AuditExport(const std::string& actor, const std::string& now, const std::string& what) override;

 private:
  void Mark(Date as_of, const char* step, int chunk, std::size_t changes);
  // The working set's rows: every customer's, or (`changed_only`) those of the customers noted as changed.
  void LoadInto(app::WorkingSet& set, bool changed_only);
  void BeginSnapshotRead();
  // Deletes the notes the read saw and counts the read: its generation.
  std::int64_t ClearNotes();
  // Within a chunk's transaction: its writes are not noted (the working set already holds them).
  void PauseNotes(bool paused);
  // The promise features (latest status, broken count, open commitments) of open cases; with `staged`, only of
  // the cases in cycle_stage_cases; with `changed_only`, only of the customers noted as changed.
  void LoadPromiseFeatures(app::WorkingSet& set, const std::function<std::size_t(std::int64_t)>& row_of, bool staged,
                           bool changed_only);
  // Empties the staging `table` and copies the rows `rows` hands its writer into it.
  void Stage(const char* table, std::span<const std::string> columns,
             const std::function<void(const std::function<void(std::span<const SqlValue>)>&)>& rows);

  Session& session_;
  const app::PersonalDataVault& vault_;
  bool staging_ready_ = false;
};

}  // namespace arrears::store
