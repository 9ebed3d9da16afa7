// The compliance rule packs the server judges contacts with, replaceable
// while it runs: each request takes a snapshot (a shared pointer) and keeps it
// to the end, so a pack an administrator replaces takes effect for the next
// request and never half-way through one. A replacement is validated first
// (it must parse, keep its name, and raise its version) and then persisted.
#pragma once

#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "policy/rule_pack.hpp"

namespace arrears::http {

struct PackSnapshot {
  std::vector<policy::RulePack> packs;
  std::vector<std::string> texts;  // each pack's YAML, as loaded
  std::vector<const policy::RulePack*> pointers;
};

class RulePackSet {
 public:
  // `persist(name, yaml)` writes a replaced pack where the next start reads it; it throws on failure.
  RulePackSet(std::vector<policy::RulePack> packs, std::vector<std::string> texts,
              std::function<void(const std::string&, const std::string&)> persist);

  std::shared_ptr<const PackSnapshot> Current() const;
  // Replaces the active pack `name` with `yaml`; the new pack is returned.
  Result<policy::RulePack> Replace(const std::string& name, const std::string& yaml);

 private:
  static std::shared_ptr<const PackSnapshot> Build(std::vector<policy::RulePack> packs, std::vector<std::string> texts);

  mutable std::mutex mutex_;
  std::shared_ptr<const PackSnapshot> current_;
  std::function<void(const std::string&, const std::string&)> persist_;
};

}  // namespace arrears::http
