// The one interface the repositories are written against: a session on a
// database, SQLite or PostgreSQL. Statements use PostgreSQL-style `$1`
// parameters, which both understand; each adapter caches prepared
// statements by their text.
//
// Errors from the database (constraint violations, lost connections) are
// thrown as DatabaseError; the repositories translate the expected ones
// (a version conflict, a duplicate key) into Result values.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "store/sql_value.hpp"

namespace arrears::store {

enum class Dialect { kSqlite, kPostgresql };

class DatabaseError : public std::runtime_error {
 public:
  enum class Kind { kConstraint, kUnavailable, kOther };
  DatabaseError(Kind kind, const std::string& message) : std::runtime_error(message), kind_(kind) {}
  Kind kind() const { return kind_; }

 private:
  Kind kind_;
};

// Statements run (Query and Execute) by every session of the process: what the
// database sees of a request, for /metrics and the load benchmark.
std::int64_t StatementsRun();
void CountStatement();

// One connection. Not thread-safe: a session belongs to one thread at a time.
class Session {
 public:
  virtual ~Session() = default;
  virtual Dialect dialect() const = 0;

  // Runs a statement and returns its rows (none for INSERT/UPDATE without RETURNING).
  virtual std::vector<Row> Query(std::string_view sql, std::span<const SqlValue> params = {}) = 0;
  // Runs a query and hands each row to `each` as it arrives, without holding
  // the whole result (the cycle's working set: millions of rows).
  virtual void Stream(std::string_view sql, std::span<const SqlValue> params,
                      const std::function<void(const Row&)>& each) = 0;
  // Runs a statement and returns the number of rows it changed.
  virtual std::int64_t Execute(std::string_view sql, std::span<const SqlValue> params = {}) = 0;
  // Runs several statements separated by ';' with no parameters (migrations).
  virtual void ExecuteScript(std::string_view sql) = 0;

  // Bulk load into `table` (its columns in `columns` order): COPY on
  // PostgreSQL, a cached prepared INSERT on SQLite. Rows are written as they
  // are given; call FinishBulk before reading the table.
  virtual void BulkRow(std::string_view table, std::span<const std::string> columns,
                       std::span<const SqlValue> values) = 0;
  virtual void FinishBulk() = 0;

  virtual void Begin() = 0;
  virtual void Commit() = 0;
  virtual void Rollback() = 0;
};

// A pool of sessions. Thread-safe.
class Database {
 public:
  virtual ~Database() = default;
  virtual Dialect dialect() const = 0;

  class Lease {
   public:
    Lease(Database* owner, std::unique_ptr<Session> session) : owner_(owner), session_(std::move(session)) {}
    Lease(Lease&&) = default;
    Lease& operator=(Lease&&) = default;
    ~Lease() {
      if (session_) owner_->Release(std::move(session_));
    }
    Session& operator*() const { return *session_; }
    Session* operator->() const { return session_.get(); }

   private:
    Database* owner_;
    std::unique_ptr<Session> session_;
  };

  // A session from the pool, opened if none is idle; blocks at the pool's size.
  virtual Lease Acquire() = 0;
  // A session if one is idle or may be opened now; none (without waiting) at the pool's size. For work that can
  // use a second session but must not wait for one while holding its first.
  virtual std::optional<Lease> TryAcquire() = 0;

  struct PoolUse {
    std::size_t open = 0;    // sessions connected
    std::size_t in_use = 0;  // leased right now
    std::size_t limit = 0;
  };
  virtual PoolUse Use() const = 0;

 protected:
  virtual void Release(std::unique_ptr<Session> session) = 0;
};

// Rolls back unless committed: for use on every write path.
class Transaction {
 public:
  explicit Transaction(Session& session) : session_(session) { session_.Begin(); }
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  ~Transaction() {
    if (!done_) {
      try {
        session_.Rollback();
      } catch (...) {  // NOLINT: a destructor must not throw; the original error is on its way
      }
    }
  }
  void Commit() {
    session_.Commit();
    done_ = true;
  }

 private:
  Session& session_;
  bool done_ = false;
};

}  // namespace arrears::store
