#include "store/sqlite/writer_turn.hpp"

#include <algorithm>

namespace arrears::store {

bool WriterTurn::Take(std::chrono::milliseconds timeout) {
  std::unique_lock lock(mutex_);
  if (!taken_ && waiting_.empty()) {
    taken_ = true;
    return true;
  }
  const std::uint64_t ticket = ++last_ticket_;
  waiting_.push_back(ticket);
  if (!changed_.wait_for(lock, timeout, [&] { return !taken_ && waiting_.front() == ticket; })) {
    waiting_.erase(std::find(waiting_.begin(), waiting_.end(), ticket));
    lock.unlock();
    changed_.notify_all();  // the next in line may be free to go now
    return false;
  }
  waiting_.pop_front();
  taken_ = true;
  return true;
}

void WriterTurn::Give() {
  {
    std::lock_guard lock(mutex_);
    taken_ = false;
  }
  changed_.notify_all();
}

std::size_t WriterTurn::waiting() {
  std::lock_guard lock(mutex_);
  return waiting_.size();
}

}  // namespace arrears::store
