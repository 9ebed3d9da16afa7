// A fresh, empty database for one test, on SQLite (a temporary file) or on
// the PostgreSQL server that scripts/test started (ARREARS_TEST_POSTGRES_URL):
// the same integration suite runs on both.
#pragma once

#include <memory>
#include <string>

#include "store/database.hpp"

namespace arrears::testing {

enum class Backend { kSqlite, kPostgresql };
std::string BackendName(Backend backend);

class TestDatabase {
 public:
  explicit TestDatabase(Backend backend);
  ~TestDatabase();
  const std::string& url() const { return url_; }
  store::Database& database() { return *database_; }

 private:
  Backend backend_;
  std::string url_;
  std::string cleanup_;  // the SQLite file or the PostgreSQL database name
  std::unique_ptr<store::Database> database_;
};

}  // namespace arrears::testing
