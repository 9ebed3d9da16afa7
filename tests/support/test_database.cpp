// Test support (not a test): a fresh database per test on SQLite or PostgreSQL.
#include "support/test_database.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <stdexcept>

#include "store/open_database.hpp"

namespace arrears::testing {

namespace {

std::string AdminUrl() {
  const char* url = std::getenv("ARREARS_TEST_POSTGRES_URL");
  if (url == nullptr || *url == '\0') {
    throw std::runtime_error(
        "ARREARS_TEST_POSTGRES_URL is not set: run the tests with scripts/test, which starts PostgreSQL");
  }
  return url;
}

// postgresql://user@host:port/postgres -> .../NAME
std::string WithDatabase(const std::string& url, const std::string& name) {
  return url.substr(0, url.rfind('/') + 1) + name;
}

// The process id alone is not unique across runs: containers reuse small
// process ids, and a test process killed mid-run leaves its file behind, so a
// later process with the same id would open a database that is not empty.
std::string UniqueName() {
  static std::atomic<int> counter{0};
  static const unsigned salt = std::random_device{}();
  return "t" + std::to_string(getpid()) + "_" + std::to_string(salt) + "_" + std::to_string(counter++);
}

}  // namespace

std::string BackendName(Backend backend) { return backend == Backend::kSqlite ? "Sqlite" : "Postgresql"; }

TestDatabase::TestDatabase(Backend backend) : backend_(backend) {
  const std::string name = UniqueName();
  if (backend == Backend::kSqlite) {
    cleanup_ = (std::filesystem::temp_directory_path() / ("arrears-" + name + ".db")).string();
    if (std::filesystem::exists(cleanup_)) throw std::runtime_error("test database " + cleanup_ + " exists already");
    url_ = "sqlite:" + cleanup_;
  } else {
    auto admin = store::OpenDatabase(AdminUrl(), 1);
    if (!admin) throw std::runtime_error(admin.error().message);
    (*admin)->Acquire()->ExecuteScript("CREATE DATABASE " + name);
    cleanup_ = name;
    url_ = WithDatabase(AdminUrl(), name);
  }
  auto database = store::OpenDatabase(url_, 4);
  if (!database) throw std::runtime_error(database.error().message);
  database_ = std::move(*database);
}

TestDatabase::~TestDatabase() {
  database_.reset();
  if (backend_ == Backend::kSqlite) {
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(cleanup_ + suffix);
    return;
  }
  try {
    auto admin = store::OpenDatabase(AdminUrl(), 1);
    if (admin) (*admin)->Acquire()->ExecuteScript("DROP DATABASE IF EXISTS " + cleanup_ + " WITH (FORCE)");
  } catch (const std::exception& e) {
    ADD_FAILURE() << "could not drop test database " << cleanup_ << ": " << e.what();
  }
}

}  // namespace arrears::testing
