// Writing the day's changes a chunk at a time: each chunk is one call to the
// store (one transaction with its marker), so a first night's millions of
// changes are never held at once and a run killed halfway leaves whole chunks.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <span>
#include <utility>
#include <vector>

namespace arrears::app {

// Writes `items` in chunks of at most `chunk_size`.
template <class T, class Write>
void InChunks(const std::vector<T>& items, std::size_t chunk_size, Write write) {
  for (std::size_t begin = 0, chunk = 0; begin < items.size(); begin += chunk_size, ++chunk) {
    const std::size_t end = std::min(items.size(), begin + chunk_size);
    write(static_cast<int>(chunk), std::span<const T>(items.data() + begin, end - begin));
  }
}

// Collects changes and writes each full chunk as it fills; Flushed() tells the caller a chunk has just been
// written (so it can apply the chunk's changes to the working set), Finish() writes the rest.
template <class T>
class ChunkWriter {
 public:
  ChunkWriter(std::size_t size, std::function<void(int, std::span<const T>)> write)
      : size_(size), write_(std::move(write)) {
    items_.reserve(size_);
  }
  void Add(T item) {
    items_.push_back(std::move(item));
    flushed_ = false;
    if (items_.size() >= size_) Flush();
  }
  bool Flushed() const { return flushed_; }
  void Finish() {
    if (!items_.empty()) Flush();
  }
  std::int64_t written() const { return written_; }

 private:
  void Flush() {
    write_(chunk_++, std::span<const T>(items_.data(), items_.size()));
    written_ += static_cast<std::int64_t>(items_.size());
    items_.clear();
    flushed_ = true;
  }
  std::size_t size_;
  std::function<void(int, std::span<const T>)> write_;
  std::vector<T> items_;
  int chunk_ = 0;
  std::int64_t written_ = 0;
  bool flushed_ = false;
};

}  // namespace arrears::app
