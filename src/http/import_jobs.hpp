// Imports sent over HTTP: the upload is answered at once (202) and the file
// is imported on a thread of its own, its progress polled, its rejected rows
// kept as an errors file. The import itself is the CLI's (app::ImportFile):
// all or nothing unless partial, idempotent by source keys. Jobs live in the
// server's memory; what an import applied is in import_batches for good.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "app/import/import_file.hpp"
#include "app/import/import_rows.hpp"
#include "app/ports/personal_data_vault.hpp"
#include "store/database.hpp"

namespace arrears::http {

struct ImportUpload {
  app::ImportKind kind = app::ImportKind::kAccounts;
  std::string file_name;
  std::string format = "csv";       // csv, jsonl
  std::string encoding = "utf-8";   // utf-8, gb18030
  bool partial = false;
  std::string actor;                // the signed-in user's login
  std::string content;
};

struct ImportJob {
  std::int64_t id = 0;
  std::string status;  // running, applied, rejected (nothing applied), failed (unreadable file or error)
  app::ImportKind kind = app::ImportKind::kAccounts;
  std::string file_name;
  std::string actor;
  std::string started_at;
  std::string finished_at;
  bool partial = false;
  std::int64_t rows_read = 0;
  app::ImportSummary summary;
  std::string error;  // "line 12: ..." when the file could not be read
  std::vector<app::Rejection> rejections;
};

class ImportJobs {
 public:
  // `after_payments(batch_id)` judges the promises and plans the payments met.
  ImportJobs(store::Database& database, const app::PersonalDataVault& vault,
             std::function<std::chrono::sys_seconds()> now, std::function<void(std::int64_t)> after_payments);
  ~ImportJobs();  // waits for running imports

  static constexpr int kMaxRunning = 2;
  static constexpr std::size_t kKeptJobs = 100;  // finished jobs remembered, newest first
  // The new job's id, or nullopt when kMaxRunning imports are running.
  std::optional<std::int64_t> Start(ImportUpload upload, const std::string& now);
  std::optional<ImportJob> Find(std::int64_t id) const;
  std::vector<ImportJob> List() const;  // newest first, without their rejections

 private:
  void Run(std::int64_t id, ImportUpload upload, std::string now);

  store::Database& database_;
  const app::PersonalDataVault& vault_;
  std::function<std::chrono::sys_seconds()> now_;
  std::function<void(std::int64_t)> after_payments_;
  mutable std::mutex mutex_;
  std::map<std::int64_t, ImportJob> jobs_;
  std::int64_t next_id_ = 1;
  int running_ = 0;
  std::map<std::int64_t, std::thread> threads_;  // joined once their job has finished
};

}  // namespace arrears::http
