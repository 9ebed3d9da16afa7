#include "store/postgresql/pg_session.hpp"

#include <libpq-fe.h>

#include <unordered_map>

namespace arrears::store {

namespace {

struct ResultDeleter {
  void operator()(PGresult* result) const { PQclear(result); }
};
using ResultPtr = std::unique_ptr<PGresult, ResultDeleter>;

DatabaseError::Kind KindOf(const PGresult* result) {
  const char* state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  if (state == nullptr) return DatabaseError::Kind::kUnavailable;
  if (state[0] == '2' && state[1] == '3') return DatabaseError::Kind::kConstraint;  // class 23: integrity
  if (state[0] == '0' && state[1] == '8') return DatabaseError::Kind::kUnavailable;  // class 08: connection
  return DatabaseError::Kind::kOther;
}

// COPY text format: backslash escapes for the separator, line breaks and itself.
void AppendCopyField(std::string& line, const SqlValue& value) {
  if (std::holds_alternative<std::monostate>(value)) {
    line += "\\N";
    return;
  }
  if (const auto* integer = std::get_if<std::int64_t>(&value)) {
    line += std::to_string(*integer);
    return;
  }
  for (char c : std::get<std::string>(value)) {
    switch (c) {
      case '\\': line += "\\\\"; break;
      case '\t': line += "\\t"; break;
      case '\n': line += "\\n"; break;
      case '\r': line += "\\r"; break;
      default: line.push_back(c);
    }
  }
}

class PgSession final : public Session {
 public:
  explicit PgSession(const std::string& conninfo) : conn_(PQconnectdb(conninfo.c_str())) {
    if (PQstatus(conn_) != CONNECTION_OK) {
      const std::string message = PQerrorMessage(conn_);
      PQfinish(conn_);
      conn_ = nullptr;
      throw DatabaseError(DatabaseError::Kind::kUnavailable, "cannot connect to PostgreSQL: " + message);
    }
    ExecuteScript("SET client_min_messages = warning");
  }
  ~PgSession() override { PQfinish(conn_); }

  Dialect dialect() const override { return Dialect::kPostgresql; }

  std::vector<Row> Query(std::string_view sql, std::span<const SqlValue> params) override {
    CountStatement();
    ResultPtr result = Run(sql, params);
    std::vector<Row> rows;
    const int count = PQntuples(result.get());
    const int columns = PQnfields(result.get());
    rows.reserve(static_cast<std::size_t>(count));
    for (int r = 0; r < count; ++r) {
      std::vector<SqlValue> values;
      values.reserve(static_cast<std::size_t>(columns));
      for (int c = 0; c < columns; ++c) {
        if (PQgetisnull(result.get(), r, c)) {
          values.emplace_back(std::monostate{});
        } else {
          values.emplace_back(std::string(PQgetvalue(result.get(), r, c),
                                          static_cast<std::size_t>(PQgetlength(result.get(), r, c))));
        }
      }
      rows.emplace_back(std::move(values));
    }
    return rows;
  }

  void Stream(std::string_view sql, std::span<const SqlValue> params,
              const std::function<void(const Row&)>& each) override {
    CountStatement();
    const std::string& name = Prepared(sql);
    const Parameters parameters(params);
    if (PQsendQueryPrepared(conn_, name.c_str(), static_cast<int>(params.size()), parameters.pointers.data(), nullptr,
                            nullptr, 0) != 1 ||
        PQsetSingleRowMode(conn_) != 1) {
      throw DatabaseError(DatabaseError::Kind::kUnavailable, std::string("query failed: ") + PQerrorMessage(conn_));
    }
    // One result per row, then the final one; every result is read even when `each` throws, so the connection
    // is ready for the next statement.
    std::exception_ptr failure;
    ResultPtr last;
    while (PGresult* next = PQgetResult(conn_)) {
      ResultPtr result(next);
      if (PQresultStatus(result.get()) != PGRES_SINGLE_TUPLE) {
        last = std::move(result);
        continue;
      }
      if (failure) continue;
      const int columns = PQnfields(result.get());
      std::vector<SqlValue> values;
      values.reserve(static_cast<std::size_t>(columns));
      for (int c = 0; c < columns; ++c) {
        if (PQgetisnull(result.get(), 0, c)) {
          values.emplace_back(std::monostate{});
        } else {
          values.emplace_back(std::string(PQgetvalue(result.get(), 0, c),
                                          static_cast<std::size_t>(PQgetlength(result.get(), 0, c))));
        }
      }
      try {
        each(Row(std::move(values)));
      } catch (...) {
        failure = std::current_exception();
      }
    }
    if (failure) std::rethrow_exception(failure);
    Check(last.get(), sql);
  }

  std::int64_t Execute(std::string_view sql, std::span<const SqlValue> params) override {
    CountStatement();
    ResultPtr result = Run(sql, params);
    const char* changed = PQcmdTuples(result.get());
    return changed && *changed ? std::stoll(changed) : 0;
  }

  void ExecuteScript(std::string_view sql) override {
    EndCopy();
    ResultPtr result(PQexec(conn_, std::string(sql).c_str()));
    Check(result.get(), sql);
  }

  void BulkRow(std::string_view table, std::span<const std::string> columns,
               std::span<const SqlValue> values) override {
    if (copy_table_ != table) {
      EndCopy();
      std::string sql = "COPY " + std::string(table) + " (";
      for (std::size_t i = 0; i < columns.size(); ++i) sql += (i ? "," : "") + columns[i];
      sql += ") FROM STDIN";
      ResultPtr result(PQexec(conn_, sql.c_str()));
      if (PQresultStatus(result.get()) != PGRES_COPY_IN) Check(result.get(), sql);
      copy_table_ = std::string(table);
    }
    for (std::size_t i = 0; i < values.size(); ++i) {
      if (i) copy_buffer_.push_back('\t');
      AppendCopyField(copy_buffer_, values[i]);
    }
    copy_buffer_.push_back('\n');
    if (copy_buffer_.size() >= (1U << 18)) FlushCopy();
  }

  void FinishBulk() override { EndCopy(); }

  void Begin() override { ExecuteScript("BEGIN"); }
  void Commit() override { ExecuteScript("COMMIT"); }
  void Rollback() override { ExecuteScript("ROLLBACK"); }

 private:
  void Check(const PGresult* result, std::string_view sql) {
    const ExecStatusType status = PQresultStatus(result);
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) return;
    const char* message = result ? PQresultErrorMessage(result) : PQerrorMessage(conn_);
    throw DatabaseError(KindOf(result), std::string(message) + " (in: " + std::string(sql.substr(0, 120)) + ")");
  }

  void FlushCopy() {
    if (copy_buffer_.empty()) return;
    if (PQputCopyData(conn_, copy_buffer_.data(), static_cast<int>(copy_buffer_.size())) != 1) {
      throw DatabaseError(DatabaseError::Kind::kUnavailable, std::string("COPY failed: ") + PQerrorMessage(conn_));
    }
    copy_buffer_.clear();
  }

  void EndCopy() {
    if (copy_table_.empty()) return;
    FlushCopy();
    copy_table_.clear();
    if (PQputCopyEnd(conn_, nullptr) != 1) {
      throw DatabaseError(DatabaseError::Kind::kUnavailable, std::string("COPY end failed: ") + PQerrorMessage(conn_));
    }
    ResultPtr result(PQgetResult(conn_));
    while (PGresult* extra = PQgetResult(conn_)) PQclear(extra);
    Check(result.get(), "COPY");
  }

  // The prepared statement's name for `sql`, prepared on first use.
  const std::string& Prepared(std::string_view sql) {
    EndCopy();
    auto [it, inserted] = prepared_.try_emplace(std::string(sql));
    if (inserted) {
      it->second = "s" + std::to_string(prepared_.size());
      ResultPtr prepared(PQprepare(conn_, it->second.c_str(), it->first.c_str(), 0, nullptr));
      if (PQresultStatus(prepared.get()) != PGRES_COMMAND_OK) {
        prepared_.erase(it);
        Check(prepared.get(), sql);
      }
    }
    return it->second;
  }

  // Parameters as libpq takes them: text, NULL as a null pointer.
  struct Parameters {
    explicit Parameters(std::span<const SqlValue> params) : texts(params.size()), pointers(params.size(), nullptr) {
      for (std::size_t i = 0; i < params.size(); ++i) {
        if (const auto* integer = std::get_if<std::int64_t>(&params[i])) {
          texts[i] = std::to_string(*integer);
          pointers[i] = texts[i].c_str();
        } else if (const auto* text = std::get_if<std::string>(&params[i])) {
          pointers[i] = text->c_str();
        }
      }
    }
    std::vector<std::string> texts;
    std::vector<const char*> pointers;
  };

  ResultPtr Run(std::string_view sql, std::span<const SqlValue> params) {
    const std::string& name = Prepared(sql);
    const Parameters parameters(params);
    ResultPtr result(PQexecPrepared(conn_, name.c_str(), static_cast<int>(params.size()), parameters.pointers.data(),
                                    nullptr, nullptr, 0));
    Check(result.get(), sql);
    return result;
  }

  PGconn* conn_ = nullptr;
  std::unordered_map<std::string, std::string> prepared_;
  std::string copy_table_;
  std::string copy_buffer_;
};

}  // namespace

std::unique_ptr<Session> OpenPostgresqlSession(const std::string& conninfo) {
  return std::make_unique<PgSession>(conninfo);
}

}  // namespace arrears::store
