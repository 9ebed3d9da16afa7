// SQLite has one writer at a time. The sessions of one process wait their
// turn here, first come first served, rather than in SQLite's busy handler,
// which sleeps and retries: under a call centre's load its retries made a
// contact's p99 eight times its median (and an unfair semaphore, forty).
// Other processes writing to the same file are still waited for by the busy
// handler.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <mutex>

namespace arrears::store {

class WriterTurn {
 public:
  // Waits until every writer that asked earlier has had its turn and given it
  // back; false if that takes longer than `timeout` (the place in the queue is
  // then given up).
  bool Take(std::chrono::milliseconds timeout);
  void Give();
  // Writers waiting for their turn now.
  std::size_t waiting();

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
  bool taken_ = false;
  std::uint64_t last_ticket_ = 0;
  std::deque<std::uint64_t> waiting_;
};

}  // namespace arrears::store
