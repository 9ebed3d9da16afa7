#include "store/sqlite/sqlite_session.hpp"

#include <sqlite3.h>

#include <chrono>
#include <string>
#include <unordered_map>
#include <vector>

namespace arrears::store {

namespace {

DatabaseError::Kind KindOf(int code) {
  switch (code & 0xFF) {
    case SQLITE_CONSTRAINT: return DatabaseError::Kind::kConstraint;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
    case SQLITE_CANTOPEN:
    case SQLITE_IOERR:
    case SQLITE_FULL:
      return DatabaseError::Kind::kUnavailable;
    default:
      return DatabaseError::Kind::kOther;
  }
}

struct StatementDeleter {
  void operator()(sqlite3_stmt* statement) const { sqlite3_finalize(statement); }
};

// A prepared statement and, for each $N, the index SQLite gave it (0: unused).
struct Statement {
  std::unique_ptr<sqlite3_stmt, StatementDeleter> handle;
  std::vector<int> parameter_index;
};

class SqliteSession final : public Session {
 public:
  SqliteSession(const std::string& path, std::shared_ptr<WriterTurn> writers) : writers_(std::move(writers)) {
    const int code = sqlite3_open_v2(path.c_str(), &db_,
                                     SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
    if (code != SQLITE_OK) {
      const std::string message = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(code);
      sqlite3_close(db_);
      db_ = nullptr;
      throw DatabaseError(DatabaseError::Kind::kUnavailable, "cannot open SQLite database " + path + ": " + message);
    }
    sqlite3_busy_timeout(db_, 10'000);
    // A 64 MiB page cache (per connection, whatever the size of the data) keeps
    // bulk imports from re-reading pages; staging tables stay on disk so that
    // memory does not grow with the file.
    ExecuteScript(
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA cache_size=-65536; PRAGMA temp.cache_size=-65536;");
  }

  ~SqliteSession() override {
    EndTurn();
    statements_.clear();
    sqlite3_close(db_);
  }

  Dialect dialect() const override { return Dialect::kSqlite; }

  std::vector<Row> Query(std::string_view sql, std::span<const SqlValue> params) override {
    std::vector<Row> rows;
    Stream(sql, params, [&rows](const Row& row) { rows.push_back(row); });
    return rows;
  }

  void Stream(std::string_view sql, std::span<const SqlValue> params,
              const std::function<void(const Row&)>& each) override {
    CountStatement();
    sqlite3_stmt* statement = Prepare(sql, params);
    struct Reset {
      sqlite3_stmt* statement;
      ~Reset() { sqlite3_reset(statement); }
    } reset{statement};
    for (;;) {
      const int code = sqlite3_step(statement);
      if (code == SQLITE_DONE) break;
      if (code != SQLITE_ROW) Fail(code, sql);
      const int columns = sqlite3_column_count(statement);
      std::vector<SqlValue> values;
      values.reserve(static_cast<std::size_t>(columns));
      for (int c = 0; c < columns; ++c) {
        switch (sqlite3_column_type(statement, c)) {
          case SQLITE_NULL:
            values.emplace_back(std::monostate{});
            break;
          case SQLITE_INTEGER:
            values.emplace_back(static_cast<std::int64_t>(sqlite3_column_int64(statement, c)));
            break;
          default: {
            const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(statement, c));
            values.emplace_back(std::string(text, static_cast<std::size_t>(sqlite3_column_bytes(statement, c))));
          }
        }
      }
      each(Row(std::move(values)));
    }
  }

  std::int64_t Execute(std::string_view sql, std::span<const SqlValue> params) override {
    CountStatement();
    sqlite3_stmt* statement = Prepare(sql, params);
    int code = sqlite3_step(statement);
    while (code == SQLITE_ROW) code = sqlite3_step(statement);
    if (code != SQLITE_DONE) Fail(code, sql);
    sqlite3_reset(statement);
    return sqlite3_changes64(db_);
  }

  void ExecuteScript(std::string_view sql) override {
    char* error = nullptr;
    const std::string text(sql);
    const int code = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &error);
    if (code != SQLITE_OK) {
      const std::string message = error ? error : sqlite3_errstr(code);
      sqlite3_free(error);
      throw DatabaseError(KindOf(code), message);
    }
  }

  void BulkRow(std::string_view table, std::span<const std::string> columns,
               std::span<const SqlValue> values) override {
    std::string& sql = bulk_sql_[std::string(table)];
    if (sql.empty()) {
      sql = "INSERT INTO " + std::string(table) + " (";
      std::string parameters;
      for (std::size_t i = 0; i < columns.size(); ++i) {
        sql += (i ? "," : "") + columns[i];
        parameters += (i ? ",$" : "$") + std::to_string(i + 1);
      }
      sql += ") VALUES (" + parameters + ")";
    }
    Execute(sql, values);
  }

  void FinishBulk() override {}

  void Begin() override {
    if (writers_ && !has_turn_) {
      if (!writers_->Take(std::chrono::seconds(10))) {
        throw DatabaseError(DatabaseError::Kind::kUnavailable,
                            "database is locked: another write in this process has held it for 10 s");
      }
      has_turn_ = true;
    }
    try {
      Execute("BEGIN IMMEDIATE", {});
    } catch (...) {
      EndTurn();
      throw;
    }
  }
  void Commit() override {
    Execute("COMMIT", {});
    EndTurn();
  }
  void Rollback() override {
    // Ended either way: a failed ROLLBACK means there was no transaction.
    struct End {
      SqliteSession* session;
      ~End() { session->EndTurn(); }
    } end{this};
    Execute("ROLLBACK", {});
  }

 private:
  [[noreturn]] void Fail(int code, std::string_view sql) {
    throw DatabaseError(KindOf(sqlite3_extended_errcode(db_)),
                        std::string(sqlite3_errmsg(db_)) + " (in: " + std::string(sql.substr(0, 120)) + ")");
    (void)code;
  }

  // The cached statement for `sql` with `params` bound by name ($1, $2...):
  // SQLite numbers `$N` parameters by first appearance, not by N.
  sqlite3_stmt* Prepare(std::string_view sql, std::span<const SqlValue> params) {
    auto [it, inserted] = statements_.try_emplace(std::string(sql));
    if (inserted) {
      sqlite3_stmt* raw = nullptr;
      const int code = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT,
                                          &raw, nullptr);
      if (code != SQLITE_OK) {
        statements_.erase(it);
        Fail(code, sql);
      }
      it->second.handle.reset(raw);
    }
    Statement& cached = it->second;
    sqlite3_stmt* statement = cached.handle.get();
    sqlite3_reset(statement);
    sqlite3_clear_bindings(statement);
    while (cached.parameter_index.size() < params.size()) {
      const std::string name = "$" + std::to_string(cached.parameter_index.size() + 1);
      cached.parameter_index.push_back(sqlite3_bind_parameter_index(statement, name.c_str()));
    }
    for (std::size_t i = 0; i < params.size(); ++i) {
      const int index = cached.parameter_index[i];
      if (index == 0) continue;  // the statement does not use this parameter
      int code = SQLITE_OK;
      if (const auto* integer = std::get_if<std::int64_t>(&params[i])) {
        code = sqlite3_bind_int64(statement, index, *integer);
      } else if (const auto* text = std::get_if<std::string>(&params[i])) {
        code = sqlite3_bind_text(statement, index, text->data(), static_cast<int>(text->size()), SQLITE_TRANSIENT);
      } else {
        code = sqlite3_bind_null(statement, index);
      }
      if (code != SQLITE_OK) Fail(code, sql);
    }
    return statement;
  }

  void EndTurn() {
    if (!has_turn_) return;
    has_turn_ = false;
    writers_->Give();
  }

  sqlite3* db_ = nullptr;
  std::shared_ptr<WriterTurn> writers_;
  bool has_turn_ = false;
  std::unordered_map<std::string, Statement> statements_;
  std::unordered_map<std::string, std::string> bulk_sql_;
};

}  // namespace

std::unique_ptr<Session> OpenSqliteSession(const std::string& path, std::shared_ptr<WriterTurn> writers) {
  return std::make_unique<SqliteSession>(path, std::move(writers));
}

}  // namespace arrears::store
