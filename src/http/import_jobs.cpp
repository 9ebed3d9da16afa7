#include "http/import_jobs.hpp"

#include <sstream>

#include "app/workflow/workflow_context.hpp"
#include "files/decoded_stream.hpp"
#include "files/record_source.hpp"
#include "store/import/sql_import_store.hpp"

namespace arrears::http {

ImportJobs::ImportJobs(store::Database& database, const app::PersonalDataVault& vault,
                       std::function<std::chrono::sys_seconds()> now, std::function<void(std::int64_t)> after_payments)
    : database_(database), vault_(vault), now_(std::move(now)), after_payments_(std::move(after_payments)) {}

ImportJobs::~ImportJobs() {
  for (auto& [id, thread] : threads_) thread.join();
}

std::optional<std::int64_t> ImportJobs::Start(ImportUpload upload, const std::string& now) {
  std::lock_guard lock(mutex_);
  if (running_ >= kMaxRunning) return std::nullopt;
  // A finished job's thread has left Run (or is leaving it): joined now, and
  // the oldest finished jobs beyond kKeptJobs forgotten, so a server that
  // imports every day holds neither threads nor rejections without end.
  for (auto it = threads_.begin(); it != threads_.end();) {
    if (jobs_.at(it->first).status == "running") {
      ++it;
    } else {
      it->second.join();
      it = threads_.erase(it);
    }
  }
  for (auto it = jobs_.begin(); jobs_.size() >= kKeptJobs && it != jobs_.end();) {
    it = it->second.status == "running" ? std::next(it) : jobs_.erase(it);
  }
  const std::int64_t id = next_id_++;
  ImportJob job;
  job.id = id;
  job.status = "running";
  job.kind = upload.kind;
  job.file_name = upload.file_name;
  job.actor = upload.actor;
  job.started_at = now;
  job.partial = upload.partial;
  jobs_.emplace(id, std::move(job));
  ++running_;
  threads_.emplace(id, std::thread([this, id, upload = std::move(upload), now]() mutable {
                      Run(id, std::move(upload), now);
                    }));
  return id;
}

void ImportJobs::Run(std::int64_t id, ImportUpload upload, std::string now) {
  std::vector<app::Rejection> rejections;
  app::ImportSummary summary;
  std::string error;
  try {
    std::istringstream in(std::move(upload.content));
    files::DecodedStream stream(in, files::ParseEncoding(upload.encoding).value_or(files::Encoding::kUtf8));
    const auto source = files::OpenRecordSource(stream, upload.format, upload.kind);
    app::BatchInfo batch;
    batch.kind = upload.kind;
    batch.file_name = upload.file_name;
    batch.format = upload.format;
    batch.encoding = upload.encoding;
    batch.partial = upload.partial;
    batch.actor = upload.actor;
    batch.now = now;
    app::ImportCallbacks callbacks;
    callbacks.on_rejection = [&](const app::Rejection& rejection) { rejections.push_back(rejection); };
    callbacks.on_progress = [&](std::int64_t rows) {
      std::lock_guard lock(mutex_);
      jobs_.at(id).rows_read = rows;
    };
    auto session = database_.Acquire();
    store::SqlImportStore store(*session, vault_);
    summary = app::ImportFile(batch, *source, store, vault_, callbacks);
  } catch (const app::FileFormatError& e) {
    error = "line " + std::to_string(e.line()) + ": " + e.what() + " (nothing was imported)";
  } catch (const std::exception& e) {
    error = std::string(e.what()) + " (nothing was imported)";
  }
  // The payments are in: the promises and plans they meet are judged in a transaction of its own.
  std::string follow_up;
  if (summary.applied && upload.kind == app::ImportKind::kPayments && summary.batch_id) {
    try {
      after_payments_(*summary.batch_id);
    } catch (const std::exception& e) {
      follow_up = e.what();
    }
  }
  std::lock_guard lock(mutex_);
  ImportJob& job = jobs_.at(id);
  if (!follow_up.empty()) error = follow_up;
  job.summary = summary;
  job.rows_read = summary.read;
  job.rejections = std::move(rejections);
  job.error = error;
  job.status = summary.applied ? "applied" : !error.empty() ? "failed" : "rejected";
  job.finished_at = app::FormatUtc(now_());
  --running_;
}

std::optional<ImportJob> ImportJobs::Find(std::int64_t id) const {
  std::lock_guard lock(mutex_);
  const auto it = jobs_.find(id);
  if (it == jobs_.end()) return std::nullopt;
  return it->second;
}

std::vector<ImportJob> ImportJobs::List() const {
  std::lock_guard lock(mutex_);
  std::vector<ImportJob> jobs;
  for (auto it = jobs_.rbegin(); it != jobs_.rend(); ++it) {
    ImportJob job = it->second;
    job.rejections.clear();
    jobs.push_back(std::move(job));
  }
  return jobs;
}

}  // namespace arrears::http
