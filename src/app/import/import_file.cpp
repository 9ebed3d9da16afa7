#include "app/import/import_file.hpp"

#include <algorithm>
#include <exception>
#include <thread>
#include <type_traits>
#include <variant>

#include "app/import/bounded_queue.hpp"

#include "app/import/record_text.hpp"
#include "app/import/row_validation.hpp"

namespace arrears::app {

namespace {

constexpr std::int64_t kProgressEvery = 5000;
constexpr std::size_t kRecordsPerBatch = 512;
constexpr std::size_t kBatchesAhead = 8;  // how far reading may run ahead of the store

// One record after validation: a row ready to stage, or why it was refused.
struct CheckedRecord {
  std::int64_t line = 0;
  std::variant<Rejection, CustomerRow, ContactRow, AccountRow, PaymentRow> row;
  std::string row_hash;
};
using CheckedBatch = std::vector<CheckedRecord>;

CheckedRecord Check(ImportKind kind, const SourceRecord& record, std::size_t columns, const PersonalDataVault& vault) {
  CheckedRecord checked{record.line, Rejection{}, {}};
  if (record.values.size() != columns) {
    checked.row = Rejection{record.line, "", "expected " + std::to_string(columns) + " fields, found " +
                                                 std::to_string(record.values.size())};
    return checked;
  }
  auto keep = [&](auto validated) {
    if (!validated) {
      checked.row = Rejection{record.line, validated.error().field, validated.error().message};
      return;
    }
    checked.row_hash = vault.RowHash(ImportKindName(kind), RecordText(*validated));
    checked.row = std::move(*validated);
  };
  switch (kind) {
    case ImportKind::kCustomers: keep(ValidateCustomer(record)); break;
    case ImportKind::kContacts: keep(ValidateContact(record)); break;
    case ImportKind::kAccounts: keep(ValidateAccount(record)); break;
    case ImportKind::kPayments: keep(ValidatePayment(record)); break;
  }
  return checked;
}

// Reads and validates the file on a thread of its own, a batch at a time,
// while the calling thread stages the rows: parsing and the database overlap.
class Reader {
 public:
  Reader(ImportKind kind, RecordSource& source, const PersonalDataVault& vault)
      : queue_(kBatchesAhead), thread_([this, kind, &source, &vault] { Run(kind, source, vault); }) {}
  ~Reader() {
    queue_.Cancel();
    thread_.join();
  }
  Reader(const Reader&) = delete;
  Reader& operator=(const Reader&) = delete;

  // The next batch; nothing at the end of the file. Rethrows the reader's failure.
  std::optional<CheckedBatch> Next() {
    std::optional<CheckedBatch> batch = queue_.Pop();
    if (!batch && failure_) std::rethrow_exception(failure_);
    return batch;
  }

 private:
  void Run(ImportKind kind, RecordSource& source, const PersonalDataVault& vault) {
    try {
      const std::size_t columns = source.header().names().size();
      CheckedBatch batch;
      SourceRecord record;
      while (source.Next(record)) {
        batch.push_back(Check(kind, record, columns, vault));
        if (batch.size() == kRecordsPerBatch) {
          if (!queue_.Push(std::move(batch))) return;
          batch = {};
        }
      }
      if (!batch.empty()) queue_.Push(std::move(batch));
    } catch (...) {
      failure_ = std::current_exception();  // read by Next() after Close(): the queue's lock orders them
    }
    queue_.Close();
  }

  BoundedQueue<CheckedBatch> queue_;
  std::exception_ptr failure_;
  std::thread thread_;
};

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
  store.Begin(batch);
  try {
    {
      Reader reader(batch.kind, source, vault);
      while (std::optional<CheckedBatch> records = reader.Next()) {
        for (CheckedRecord& record : *records) {
          ++summary.read;
          if (callbacks.on_progress && summary.read % kProgressEvery == 0) callbacks.on_progress(summary.read);
          if (const auto* rejection = std::get_if<Rejection>(&record.row)) {
            reject(*rejection);
            continue;
          }
          const StagedRow staged{record.line, std::move(record.row_hash)};
          std::visit(
              [&](const auto& row) {
                if constexpr (!std::is_same_v<std::decay_t<decltype(row)>, Rejection>) store.Stage(row, staged);
              },
              record.row);
        }
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
