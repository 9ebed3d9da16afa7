// The Database contract, run on SQLite and on PostgreSQL.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>
#include <vector>

#include "store/migrations.hpp"
#include "store/open_database.hpp"
#include "store/sequences.hpp"
#include "store/sqlite/writer_turn.hpp"
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

// TryAcquire gives a session while the pool has one to give, and none, without waiting, at its size.
TEST_P(DatabaseTest, TryAcquireNeverWaits) {
  auto pool = store::OpenDatabase(db_.url(), 2);
  ASSERT_TRUE(pool.has_value()) << pool.error().message;
  auto first = (*pool)->Acquire();
  {
    auto second = (*pool)->TryAcquire();
    ASSERT_TRUE(second.has_value());
    EXPECT_EQ((*second)->Query("SELECT 1")[0].Int(0), 1);
    EXPECT_FALSE((*pool)->TryAcquire().has_value());  // both in use
  }
  EXPECT_TRUE((*pool)->TryAcquire().has_value());  // the second is back
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

// Writers on many threads at once: every transaction commits, none is lost
// or refused as busy (SQLite: the writers take turns in the process).
TEST_P(DatabaseTest, ConcurrentWritersAllCommit) {
  db_.database().Acquire()->ExecuteScript("CREATE TABLE t (id BIGINT PRIMARY KEY, thread BIGINT)");
  constexpr int kThreads = 8;
  constexpr int kWrites = 50;
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kWrites; ++i) {
        try {
          auto session = db_.database().Acquire();
          store::Transaction transaction(*session);
          const std::vector<SqlValue> row = {Int(t * kWrites + i), Int(t)};
          session->Execute("INSERT INTO t (id, thread) VALUES ($1, $2)", row);
          transaction.Commit();
        } catch (const store::DatabaseError&) {
          ++failures;
        }
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(db_.database().Acquire()->Query("SELECT COUNT(*) FROM t")[0].Int(0), kThreads * kWrites);
}

// Ids are unique and ascending within a reservation and from one
// transaction to the next; each kind of record counts on its own.
TEST_P(DatabaseTest, IdsAreUniqueAndAscending) {
  auto session = db_.database().Acquire();
  store::Migrate(*session, "2026-11-28T10:00:00+08:00");
  std::vector<std::int64_t> taken;
  for (int transactions = 0; transactions < 2; ++transactions) {
    store::Transaction transaction(*session);
    const std::vector<std::int64_t> block = store::ReserveIds(*session, "contact_attempt", 5);
    ASSERT_EQ(block.size(), 5U);
    EXPECT_TRUE(std::is_sorted(block.begin(), block.end()));
    taken.insert(taken.end(), block.begin(), block.end());
    taken.push_back(store::ReserveId(*session, "contact_attempt"));
    transaction.Commit();
  }
  ASSERT_EQ(taken.size(), 12U);
  EXPECT_TRUE(std::is_sorted(taken.begin(), taken.end()));
  EXPECT_EQ(std::adjacent_find(taken.begin(), taken.end()), taken.end()) << "an id was handed out twice";
  store::Transaction transaction(*session);
  EXPECT_EQ(store::ReserveId(*session, "promise"), 1);
  EXPECT_TRUE(store::ReserveIds(*session, "promise", 0).empty());
  EXPECT_THROW(store::ReserveId(*session, "promise; DROP TABLE cases"), std::logic_error);
}

INSTANTIATE_TEST_SUITE_P(Backends, DatabaseTest, ::testing::Values(Backend::kSqlite, Backend::kPostgresql),
                         [](const ::testing::TestParamInfo<Backend>& param) { return BackendName(param.param); });

// The writers' turn is first come, first served, and a writer that waits too
// long gives up its place without holding up the ones behind it.
TEST(WriterTurn, FirstComeFirstServedAndATimeoutLeavesTheQueue) {
  store::WriterTurn turn;
  ASSERT_TRUE(turn.Take(std::chrono::milliseconds(100)));
  // Nobody else gets it while it is held.
  EXPECT_FALSE(turn.Take(std::chrono::milliseconds(20)));
  std::mutex order_mutex;
  std::vector<int> order;
  std::vector<std::thread> waiters;
  for (int i = 0; i < 4; ++i) {
    waiters.emplace_back([&, i] {
      ASSERT_TRUE(turn.Take(std::chrono::seconds(10)));
      {
        std::lock_guard lock(order_mutex);
        order.push_back(i);
      }
      turn.Give();
    });
    // Each waiter is in the queue before the next one starts.
    while (turn.waiting() < static_cast<std::size_t>(i + 1)) std::this_thread::yield();
  }
  turn.Give();
  for (std::thread& waiter : waiters) waiter.join();
  EXPECT_EQ(order, (std::vector<int>{0, 1, 2, 3}));
  EXPECT_TRUE(turn.Take(std::chrono::milliseconds(10)));
  turn.Give();
}

// PostgreSQL: an id taken by an open transaction does not hold up another
// one taking the next (agents logging contacts at the same moment; each
// transaction here would wait for the other to commit if it did).
TEST(Sequences, OpenTransactionsTakeIdsWithoutWaitingForEachOther) {
  TestDatabase db(Backend::kPostgresql);
  auto first = db.database().Acquire();
  store::Migrate(*first, "2026-11-28T10:00:00+08:00");
  auto second = db.database().Acquire();
  store::Transaction one(*first);
  store::Transaction two(*second);
  first->Execute("SET LOCAL lock_timeout = '2s'");
  second->Execute("SET LOCAL lock_timeout = '2s'");
  const std::int64_t a = store::ReserveId(*first, "contact_attempt");
  const std::int64_t b = store::ReserveId(*second, "contact_attempt");
  const std::int64_t c = store::ReserveId(*first, "contact_attempt");
  EXPECT_LT(a, b);
  EXPECT_LT(b, c);
  two.Commit();
  one.Commit();
}

}  // namespace
}  // namespace arrears::testing
