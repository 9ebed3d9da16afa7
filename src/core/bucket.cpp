#include "core/bucket.hpp"

#include <algorithm>
#include <charconv>

namespace arrears {

BucketScheme BucketScheme::Default() { return *Parse("0,30,60,90,120,150,180"); }

Result<BucketScheme> BucketScheme::Create(std::vector<int> upper_edges, std::vector<std::string> names) {
  if (upper_edges.empty() || upper_edges.front() != 0) {
    return Fail("bucket edges must start at 0 (the current bucket)", "buckets");
  }
  for (std::size_t i = 1; i < upper_edges.size(); ++i) {
    if (upper_edges[i] <= upper_edges[i - 1]) {
      return Fail("bucket edges must increase: " + std::to_string(upper_edges[i]) + " follows " +
                      std::to_string(upper_edges[i - 1]),
                  "buckets");
    }
  }
  if (names.size() != upper_edges.size() + 1) {
    return Fail("a bucket scheme needs one more name than edges", "buckets");
  }
  BucketScheme scheme;
  scheme.upper_edges_ = std::move(upper_edges);
  scheme.names_ = std::move(names);
  return scheme;
}

Result<BucketScheme> BucketScheme::Parse(std::string_view text) {
  std::vector<int> edges;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t comma = text.find(',', pos);
    if (comma == std::string_view::npos) comma = text.size();
    const std::string_view item = text.substr(pos, comma - pos);
    int value = 0;
    auto [end, ec] = std::from_chars(item.data(), item.data() + item.size(), value);
    if (item.empty() || ec != std::errc() || end != item.data() + item.size()) {
      return Fail("bucket edge '" + std::string(item) + "' is not a whole number of days", "buckets");
    }
    edges.push_back(value);
    pos = comma + 1;
  }
  std::vector<std::string> names;
  for (std::size_t i = 0; i < edges.size(); ++i) names.push_back("M" + std::to_string(i));
  names.push_back("M" + std::to_string(edges.size() - 1) + "+");
  return Create(std::move(edges), std::move(names));
}

std::size_t BucketScheme::IndexOf(int dpd) const {
  // The first edge >= dpd; past the last edge, the open bucket.
  auto it = std::lower_bound(upper_edges_.begin(), upper_edges_.end(), std::max(dpd, 0));
  return static_cast<std::size_t>(it - upper_edges_.begin());
}

}  // namespace arrears
