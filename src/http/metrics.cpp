#include "http/metrics.hpp"

#include <sstream>

namespace arrears::http {

void Metrics::Record(const std::string& method, const std::string& route, int status,
                     std::chrono::microseconds latency) {
  const double seconds = static_cast<double>(latency.count()) / 1e6;
  std::lock_guard lock(mutex_);
  ++requests_[{method, route.empty() ? "(none)" : route, status}];
  std::size_t bucket = 0;
  while (bucket < kBuckets.size() && seconds > kBuckets[bucket]) ++bucket;
  ++histogram_[bucket];
  latency_sum_ += seconds;
  ++latency_count_;
}

void Metrics::AddGauge(std::string name, std::string help, std::function<double()> read) {
  std::lock_guard lock(mutex_);
  gauges_[std::move(name)] = {std::move(help), std::move(read)};
}

std::string Metrics::Render() const {
  std::ostringstream out;
  std::lock_guard lock(mutex_);
  out << "# HELP arrears_http_requests_total HTTP requests by route and status.\n"
         "# TYPE arrears_http_requests_total counter\n";
  for (const auto& [key, count] : requests_) {
    const auto& [method, route, status] = key;
    out << "arrears_http_requests_total{method=\"" << method << "\",route=\"" << route << "\",status=\"" << status
        << "\"} " << count << '\n';
  }
  out << "# HELP arrears_http_request_duration_seconds Time to answer a request.\n"
         "# TYPE arrears_http_request_duration_seconds histogram\n";
  std::uint64_t cumulative = 0;
  for (std::size_t i = 0; i < kBuckets.size(); ++i) {
    cumulative += histogram_[i];
    out << "arrears_http_request_duration_seconds_bucket{le=\"" << kBuckets[i] << "\"} " << cumulative << '\n';
  }
  cumulative += histogram_.back();
  out << "arrears_http_request_duration_seconds_bucket{le=\"+Inf\"} " << cumulative << '\n'
      << "arrears_http_request_duration_seconds_sum " << latency_sum_ << '\n'
      << "arrears_http_request_duration_seconds_count " << latency_count_ << '\n';
  for (const auto& [name, gauge] : gauges_) {
    out << "# HELP " << name << ' ' << gauge.first << "\n# TYPE " << name << " gauge\n"
        << name << ' ' << gauge.second() << '\n';
  }
  return out.str();
}

}  // namespace arrears::http
