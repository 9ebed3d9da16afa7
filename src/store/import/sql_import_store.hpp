// The ImportStore on the Database interface, in portable SQL: rows are bulk
// loaded into a temporary staging table, checked and merged set-wise
// (inserts, updates, unchanged rows told apart by a keyed row hash kept in
// source_keys), with audit events for every changed record, in one
// transaction. Payments go through the core waterfall in file order, a page
// at a time, and are written in bulk.
#pragma once

#include <memory>
#include <optional>

#include "app/ports/import_store.hpp"
#include "app/ports/personal_data_vault.hpp"
#include "store/audit_log.hpp"
#include "store/database.hpp"

namespace arrears::store {

class SqlImportStore final : public app::ImportStore {
 public:
  SqlImportStore(Session& session, const app::PersonalDataVault& vault) : session_(session), vault_(vault) {}
  ~SqlImportStore() override;

  void Begin(const app::BatchInfo& batch) override;
  void Stage(const app::CustomerRow& row, const app::StagedRow& staged) override;
  void Stage(const app::ContactRow& row, const app::StagedRow& staged) override;
  void Stage(const app::AccountRow& row, const app::StagedRow& staged) override;
  void Stage(const app::PaymentRow& row, const app::StagedRow& staged) override;
  std::vector<app::Rejection> CheckStaged() override;
  void Drop(std::span<const std::int64_t> lines) override;
  app::MergeCounts Merge(std::vector<app::Rejection>& rejections) override;
  std::int64_t Commit(const app::MergeCounts& counts, std::int64_t read, std::span<const app::Rejection> rejections,
                      const std::string& file_sha256) override;
  void Abort() override;

 private:
  struct Entity;
  const Entity& entity() const;
  void Bulk(std::vector<SqlValue> values);
  void EndStaging();
  app::MergeCounts MergeRecords();
  app::MergeCounts PostPayments(std::vector<app::Rejection>& rejections);

  Session& session_;
  const app::PersonalDataVault& vault_;
  app::BatchInfo batch_;
  std::int64_t batch_id_ = 0;  // reserved when the batch begins: payments carry it
  bool open_ = false;
  bool staging_ended_ = false;
  std::optional<AuditWriter> audit_;
};

}  // namespace arrears::store
