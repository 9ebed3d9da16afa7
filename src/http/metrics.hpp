// Counters for /metrics in the Prometheus text format: requests by route and
// status, a latency histogram, and gauges the server reports (connections,
// database pool use).
#pragma once

#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <utility>

namespace arrears::http {

class Metrics {
 public:
  void Record(const std::string& method, const std::string& route, int status, std::chrono::microseconds latency);
  // Extra gauges, read when /metrics is scraped.
  void AddGauge(std::string name, std::string help, std::function<double()> read);
  std::string Render() const;

 private:
  static constexpr std::array<double, 10> kBuckets = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 5};
  mutable std::mutex mutex_;
  std::map<std::tuple<std::string, std::string, int>, std::uint64_t> requests_;
  std::array<std::uint64_t, kBuckets.size() + 1> histogram_{};
  double latency_sum_ = 0;
  std::uint64_t latency_count_ = 0;
  std::map<std::string, std::pair<std::string, std::function<double()>>> gauges_;
};

}  // namespace arrears::http
