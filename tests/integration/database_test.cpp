// The Database contract, run on SQLite and on PostgreSQL.
#include <gtest/gtest.h>

#include "store/migrations.hpp"
#include "support/test_database.hpp"

namespace arrears::testing {
namespace {

using store::Int;
using store::SqlValue;
using store::Text;

class DatabaseTest : public ::testing::TestWithParam<Backend> {
 protected:
  TestDatabase db_{GetParam()};
};

TEST_P(DatabaseTest, PlaceholdersBindByNumberNotByPosition) {
  auto session = db_.database().Acquire();
  // SQLite numbers $N parameters by first appearance; binding must go by name.
  const std::vector<SqlValue> params = {Int(1), Text("two")};
  const auto rows = session->Query("SELECT $2, $1", params);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].Text(0), "two");
  EXPECT_EQ(rows[0].Int(1), 1);
}

TEST_P(DatabaseTest, TransactionsCommitAndRollBack) {
  auto session = db_.database().Acquire();
  session->ExecuteScript("CREATE TABLE t (id BIGINT PRIMARY KEY, name TEXT)");
  {
    store::Transaction transaction(*session);
    const std::vector<SqlValue> row = {Int(1), Text("kept")};
    session->Execute("INSERT INTO t (id, name) VALUES ($1, $2)", row);
    transaction.Commit();
  }
  {
    store::Transaction transaction(*session);
    const std::vector<SqlValue> row = {Int(2), Text("rolled back")};
    session->Execute("INSERT INTO t (id, name) VALUES ($1, $2)", row);
  }  // no commit: rolled back
  const auto rows = session->Query("SELECT id, name FROM t ORDER BY id");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].Text(1), "kept");
}

TEST_P(DatabaseTest, ConstraintViolationsAreTypedErrors) {
  auto session = db_.database().Acquire();
  session->ExecuteScript("CREATE TABLE t (id BIGINT PRIMARY KEY)");
  const std::vector<SqlValue> row = {Int(1)};
  session->Execute("INSERT INTO t (id) VALUES ($1)", row);
  try {
    session->Execute("INSERT INTO t (id) VALUES ($1)", row);
    FAIL() << "a duplicate key was accepted";
  } catch (const store::DatabaseError& e) {
    EXPECT_EQ(e.kind(), store::DatabaseError::Kind::kConstraint) << e.what();
  }
}

TEST_P(DatabaseTest, BulkLoadsTextWithAwkwardCharacters) {
  auto session = db_.database().Acquire();
  session->ExecuteScript("CREATE TABLE t (id BIGINT, note TEXT)");
  const std::vector<std::string> columns = {"id", "note"};
  const std::string awkward = "tab\there\\ newline\n 中文 'quote\" ,comma";
  for (int i = 0; i < 1000; ++i) {
    const std::vector<SqlValue> row = {Int(i), i == 7 ? Text(awkward) : (i == 8 ? store::Null() : Text("x"))};
    session->BulkRow("t", columns, row);
  }
  session->FinishBulk();
  EXPECT_EQ(session->Query("SELECT COUNT(*) FROM t")[0].Int(0), 1000);
  const std::vector<SqlValue> seven = {Int(7)};
  EXPECT_EQ(session->Query("SELECT note FROM t WHERE id = $1", seven)[0].Text(0), awkward);
  const std::vector<SqlValue> eight = {Int(8)};
  EXPECT_TRUE(session->Query("SELECT note FROM t WHERE id = $1", eight)[0].IsNull(0));
}

TEST_P(DatabaseTest, MigrationsApplyOnceAndRecordTheirVersion) {
  auto session = db_.database().Acquire();
  EXPECT_EQ(store::SchemaVersion(*session), 0);
  const auto first = store::Migrate(*session, "2026-11-28T10:00:00+08:00");
  EXPECT_EQ(first.version_before, 0);
  EXPECT_GE(first.version_after, 1);
  EXPECT_FALSE(first.applied.empty());
  const auto second = store::Migrate(*session, "2026-11-28T10:00:01+08:00");
  EXPECT_TRUE(second.applied.empty());
  EXPECT_EQ(second.version_after, first.version_after);
  // The collection tables exist and key on customer_id.
  EXPECT_EQ(session->Query("SELECT COUNT(*) FROM accounts")[0].Int(0), 0);
  EXPECT_EQ(session->Query("SELECT COUNT(*) FROM audit_events")[0].Int(0), 0);
}

TEST_P(DatabaseTest, ThePoolReusesSessions) {
  {
    auto a = db_.database().Acquire();
    auto b = db_.database().Acquire();
    a->ExecuteScript("CREATE TABLE t (id BIGINT)");
  }
  auto c = db_.database().Acquire();
  EXPECT_EQ(c->Query("SELECT COUNT(*) FROM t")[0].Int(0), 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, DatabaseTest, ::testing::Values(Backend::kSqlite, Backend::kPostgresql),
                         [](const ::testing::TestParamInfo<Backend>& param) { return BackendName(param.param); });

}  // namespace
}  // namespace arrears::testing
