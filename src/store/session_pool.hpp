// A bounded pool of sessions shared by both adapters.
#pragma once

#include <condition_variable>
#include <functional>
#include <mutex>
#include <vector>

#include "store/database.hpp"

namespace arrears::store {

class SessionPool final : public Database {
 public:
  using Opener = std::function<std::unique_ptr<Session>()>;
  SessionPool(Dialect dialect, Opener opener, std::size_t max_sessions);

  Dialect dialect() const override { return dialect_; }
  Lease Acquire() override;
  std::optional<Lease> TryAcquire() override;
  PoolUse Use() const override;
  std::size_t open_sessions() const;

 protected:
  void Release(std::unique_ptr<Session> session) override;

 private:
  // An idle session, or a new one (the lock is released while it connects). Precondition: one of them is possible.
  Lease Take(std::unique_lock<std::mutex>& lock);

  Dialect dialect_;
  Opener opener_;
  std::size_t max_sessions_;
  mutable std::mutex mutex_;
  std::condition_variable available_;
  std::vector<std::unique_ptr<Session>> idle_;
  std::size_t open_ = 0;
};

}  // namespace arrears::store
