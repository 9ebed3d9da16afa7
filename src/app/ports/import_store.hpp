// Port: where an import batch goes. The use case validates and stages rows;
// the store checks what needs the database (duplicate keys in the file,
// unknown customers or accounts, reused payment references), then applies
// the batch — inserts, updates with their audit events, payments posted —
// in one transaction, or nothing at all.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "app/import/import_rows.hpp"

namespace arrears::app {

struct BatchInfo {
  ImportKind kind = ImportKind::kCustomers;
  std::string file_name;
  std::string format;     // csv, jsonl
  std::string encoding;   // utf-8, gb18030
  bool partial = false;
  std::string actor;      // who ran it
  std::string now;        // RFC 3339
};

// What every staged row carries besides its fields.
struct StagedRow {
  std::int64_t line = 0;
  std::string row_hash;  // keyed hash of the record, to tell a changed row from an unchanged one
};

struct Rejection {
  std::int64_t line = 0;
  std::string column;
  std::string message;
};

struct MergeCounts {
  std::int64_t inserted = 0;
  std::int64_t updated = 0;
  std::int64_t unchanged = 0;
};

class ImportStore {
 public:
  virtual ~ImportStore() = default;
  // Starts the batch's transaction and its staging area.
  virtual void Begin(const BatchInfo& batch) = 0;
  virtual void Stage(const CustomerRow& row, const StagedRow& staged) = 0;
  virtual void Stage(const ContactRow& row, const StagedRow& staged) = 0;
  virtual void Stage(const AccountRow& row, const StagedRow& staged) = 0;
  virtual void Stage(const PaymentRow& row, const StagedRow& staged) = 0;
  // The staged rows that the database refuses, in line order.
  virtual std::vector<Rejection> CheckStaged() = 0;
  // Leaves these lines out of the batch (with --partial).
  virtual void Drop(std::span<const std::int64_t> lines) = 0;
  // Applies the staged rows; payments are posted through the waterfall.
  // Rows refused while posting are added to `rejections`.
  virtual MergeCounts Merge(std::vector<Rejection>& rejections) = 0;
  // Records the batch (with the SHA-256 of the file), its counts and its errors, and commits.
  virtual std::int64_t Commit(const MergeCounts& counts, std::int64_t read, std::span<const Rejection> rejections,
                              const std::string& file_sha256) = 0;
  // Rolls everything back: the database is as it was.
  virtual void Abort() = 0;
};

}  // namespace arrears::app
