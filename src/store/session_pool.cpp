#include "store/session_pool.hpp"

#include <atomic>

namespace arrears::store {

namespace {
std::atomic<std::int64_t> statements_run{0};
}

std::int64_t StatementsRun() { return statements_run.load(std::memory_order_relaxed); }
void CountStatement() { statements_run.fetch_add(1, std::memory_order_relaxed); }

SessionPool::SessionPool(Dialect dialect, Opener opener, std::size_t max_sessions)
    : dialect_(dialect), opener_(std::move(opener)), max_sessions_(max_sessions) {}

Database::Lease SessionPool::Acquire() {
  std::unique_lock lock(mutex_);
  available_.wait(lock, [&] { return !idle_.empty() || open_ < max_sessions_; });
  return Take(lock);
}

std::optional<Database::Lease> SessionPool::TryAcquire() {
  std::unique_lock lock(mutex_);
  if (idle_.empty() && open_ >= max_sessions_) return std::nullopt;
  return Take(lock);
}

Database::Lease SessionPool::Take(std::unique_lock<std::mutex>& lock) {
  if (!idle_.empty()) {
    std::unique_ptr<Session> session = std::move(idle_.back());
    idle_.pop_back();
    return Lease(this, std::move(session));
  }
  ++open_;
  lock.unlock();
  try {
    return Lease(this, opener_());
  } catch (...) {
    std::lock_guard relock(mutex_);
    --open_;
    available_.notify_one();
    throw;
  }
}

void SessionPool::Release(std::unique_ptr<Session> session) {
  std::lock_guard lock(mutex_);
  idle_.push_back(std::move(session));
  available_.notify_one();
}

Database::PoolUse SessionPool::Use() const {
  std::lock_guard lock(mutex_);
  return {open_, open_ - idle_.size(), max_sessions_};
}

std::size_t SessionPool::open_sessions() const {
  std::lock_guard lock(mutex_);
  return open_;
}

}  // namespace arrears::store
