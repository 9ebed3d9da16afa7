#include "http/router.hpp"

#include <algorithm>

namespace arrears::http {

namespace {

std::vector<std::string_view> Segments(std::string_view path) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  while (start < path.size()) {
    if (path[start] == '/') {
      ++start;
      continue;
    }
    const std::size_t end = std::min(path.find('/', start), path.size());
    parts.push_back(path.substr(start, end - start));
    start = end;
  }
  return parts;
}

bool MatchPattern(std::string_view pattern, std::string_view path, Params& params) {
  const auto want = Segments(pattern);
  const auto have = Segments(path);
  if (want.size() != have.size()) return false;
  Params found;
  for (std::size_t i = 0; i < want.size(); ++i) {
    if (want[i].size() > 2 && want[i].front() == '{' && want[i].back() == '}') {
      found[std::string(want[i].substr(1, want[i].size() - 2))] = std::string(have[i]);
    } else if (want[i] != have[i]) {
      return false;
    }
  }
  params = std::move(found);
  return true;
}

}  // namespace

bool Route::Allows(app::Role role) const {
  return roles.empty() || std::find(roles.begin(), roles.end(), role) != roles.end();
}

void Router::Add(Route route) { routes_.push_back(std::move(route)); }

const Route* Router::Match(const std::string& method, const std::string& path, Params& params, bool& path_known) const {
  path_known = false;
  for (const Route& route : routes_) {
    Params found;
    if (!MatchPattern(route.pattern, path, found)) continue;
    path_known = true;
    if (route.method == method) {
      params = std::move(found);
      return &route;
    }
  }
  return nullptr;
}

}  // namespace arrears::http
