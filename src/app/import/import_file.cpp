#include "app/import/import_file.hpp"

#include <algorithm>

#include "app/import/record_text.hpp"
#include "app/import/row_validation.hpp"

namespace arrears::app {

namespace {

constexpr std::int64_t kProgressEvery = 5000;

// Validates one record of the batch's kind and stages it; returns the error otherwise.
std::optional<Error> ValidateAndStage(ImportKind kind, const SourceRecord& record, ImportStore& store,
                                      const PersonalDataVault& vault) {
  auto stage = [&](const auto& row) {
    store.Stage(row, StagedRow{record.line, vault.RowHash(ImportKindName(kind), RecordText(row))});
  };
  switch (kind) {
    case ImportKind::kCustomers: {
      auto row = ValidateCustomer(record);
      if (!row) return row.error();
      stage(*row);
      return std::nullopt;
    }
    case ImportKind::kContacts: {
      auto row = ValidateContact(record);
      if (!row) return row.error();
      stage(*row);
      return std::nullopt;
    }
    case ImportKind::kAccounts: {
      auto row = ValidateAccount(record);
      if (!row) return row.error();
      stage(*row);
      return std::nullopt;
    }
    case ImportKind::kPayments: {
      auto row = ValidatePayment(record);
      if (!row) return row.error();
      stage(*row);
      return std::nullopt;
    }
  }
  return std::nullopt;
}

}  // namespace

ImportSummary ImportFile(const BatchInfo& batch, RecordSource& source, ImportStore& store,
                         const PersonalDataVault& vault, const ImportCallbacks& callbacks) {
  ImportSummary summary;
  std::vector<Rejection> all_rejections;  // recorded with the batch when it is applied
  std::int64_t rejected = 0;
  auto reject = [&](const Rejection& rejection) {
    ++rejected;
    all_rejections.push_back(rejection);
    if (callbacks.on_rejection) callbacks.on_rejection(rejection);
  };
  if (auto header = ValidateHeader(batch.kind, source.header()); !header) {
    throw FileFormatError(1, header.error().message);
  }
  const std::size_t columns = source.header().names().size();
  store.Begin(batch);
  try {
    SourceRecord record;
    while (source.Next(record)) {
      ++summary.read;
      if (callbacks.on_progress && summary.read % kProgressEvery == 0) callbacks.on_progress(summary.read);
      if (record.values.size() != columns) {
        reject({record.line, "", "expected " + std::to_string(columns) + " fields, found " +
                                     std::to_string(record.values.size())});
        continue;
      }
      if (auto error = ValidateAndStage(batch.kind, record, store, vault)) {
        reject({record.line, error->field, error->message});
      }
    }
    std::vector<Rejection> refused = store.CheckStaged();
    for (const Rejection& rejection : refused) reject(rejection);
    if (rejected > 0 && !batch.partial) {
      store.Abort();
      summary.rejected = rejected;
      return summary;
    }
    if (!refused.empty()) {
      std::vector<std::int64_t> lines;
      for (const Rejection& rejection : refused) lines.push_back(rejection.line);
      store.Drop(lines);
    }
    std::vector<Rejection> posting;
    const MergeCounts counts = store.Merge(posting);
    for (const Rejection& rejection : posting) reject(rejection);
    if (!posting.empty() && !batch.partial) {
      store.Abort();
      summary.rejected = rejected;
      return summary;
    }
    std::stable_sort(all_rejections.begin(), all_rejections.end(),
                     [](const Rejection& a, const Rejection& b) { return a.line < b.line; });
    summary.batch_id = store.Commit(counts, summary.read, all_rejections, source.FileDigest());
    summary.inserted = counts.inserted;
    summary.updated = counts.updated;
    summary.unchanged = counts.unchanged;
    summary.rejected = rejected;
    summary.applied = true;
    if (callbacks.on_progress) callbacks.on_progress(summary.read);
    return summary;
  } catch (...) {
    store.Abort();
    throw;
  }
}

}  // namespace arrears::app
