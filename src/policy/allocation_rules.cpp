#include "policy/allocation_rules.hpp"
#include "policy/yaml_reading.hpp"


#include <set>

#include "core/arrangement.hpp"
#include "core/decimal.hpp"

namespace arrears::policy {

namespace {

Status ReadCount(const YAML::Node& map, const char* key, int& target, std::string_view source) {
  const YAML::Node node = map[key];
  if (!node) return Ok{};
  try {
    target = node.as<int>();
  } catch (const YAML::Exception&) {
    return Fail(Where(source, node) + ": " + key + " is a whole number");
  }
  if (target < 0) return Fail(Where(source, node) + ": " + key + " is 0 or more");
  return Ok{};
}

Status CheckKeys(const YAML::Node& map, const std::set<std::string>& known, std::string_view what,
                 std::string_view source) {
  if (!map.IsMap()) return Fail(Where(source, map) + ": " + std::string(what) + " is a map");
  for (const auto& entry : map) {
    const std::string key = entry.first.as<std::string>();
    if (!known.contains(key)) {
      return Fail(Where(source, entry.first) + ": unknown " + std::string(what) + " setting '" + key + "'");
    }
  }
  return Ok{};
}

}  // namespace

Result<AllocationRules> ParseAllocationRules(std::string_view yaml_text, std::string_view source) {
  try {
    const YAML::Node root = YAML::Load(std::string(yaml_text));
    AllocationRules rules;
    if (!root || root.IsNull()) return rules;
    if (auto s = CheckKeys(root, {"balance_by", "rotate_after_days", "collector_capacity", "daily_queue", "capacity", "teams",
                            "agencies"},
                           "allocation", source);
        !s) {
      return Fail(s.error());
    }
    if (const YAML::Node by = root["balance_by"]) {
      const std::string text = by.as<std::string>();
      if (text != "count" && text != "amount") return Fail(Where(source, by) + ": balance_by is count or amount");
      rules.balance_by = text == "count" ? BalanceBy::kCount : BalanceBy::kAmount;
    }
    if (auto s = ReadCount(root, "rotate_after_days", rules.rotate_after_days, source); !s) return Fail(s.error());
    if (auto s = ReadCount(root, "collector_capacity", rules.collector_capacity, source); !s) return Fail(s.error());
    if (auto s = ReadCount(root, "daily_queue", rules.daily_queue, source); !s) return Fail(s.error());
    if (const YAML::Node capacity = root["capacity"]) {
      for (const auto& entry : capacity) {
        int value = 0;
        try {
          value = entry.second.as<int>();
        } catch (const YAML::Exception&) {
          return Fail(Where(source, entry.second) + ": a collector's capacity is a whole number");
        }
        rules.capacity_of[entry.first.as<std::string>()] = value;
      }
    }
    std::set<std::string> names;
    for (const YAML::Node& node : root["teams"]) {
      if (auto s = CheckKeys(node, {"name", "buckets", "products", "regions", "languages", "capacity"}, "team", source);
          !s) {
        return Fail(s.error());
      }
      TeamRule team;
      if (!node["name"]) return Fail(Where(source, node) + ": every team has a name");
      team.name = node["name"].as<std::string>();
      if (!names.insert(team.name).second) return Fail(Where(source, node) + ": team '" + team.name + "' appears twice");
      for (const auto& [key, list] : {std::pair{"buckets", &team.buckets}, std::pair{"products", &team.products},
                                      std::pair{"regions", &team.regions}, std::pair{"languages", &team.languages}}) {
        if (auto s = ReadList(node, key, *list, source); !s) return Fail(s.error());
      }
      if (auto s = ReadCount(node, "capacity", team.capacity, source); !s) return Fail(s.error());
      rules.teams.push_back(std::move(team));
    }
    if (const YAML::Node agencies = root["agencies"]) {
      if (auto s = CheckKeys(agencies, {"notice_days", "placement_days", "rules"}, "agencies", source); !s) {
        return Fail(s.error());
      }
      if (auto s = ReadCount(agencies, "notice_days", rules.notice_days, source); !s) return Fail(s.error());
      if (auto s = ReadCount(agencies, "placement_days", rules.placement_days, source); !s) return Fail(s.error());
      if (rules.placement_days < 1) return Fail(Where(source, agencies) + ": placement_days is at least 1");
      for (const YAML::Node& node : agencies["rules"]) {
        if (auto s = CheckKeys(node, {"buckets", "owed_min", "shares"}, "placement rule", source); !s) {
          return Fail(s.error());
        }
        PlacementRule rule;
        if (auto s = ReadList(node, "buckets", rule.buckets, source); !s) return Fail(s.error());
        if (const YAML::Node owed = node["owed_min"]) {
          auto value = ParseScaledDecimal(owed.as<std::string>(), 2, "owed_min");
          if (!value || *value < 0) return Fail(Where(source, owed) + ": owed_min is an amount in yuan like \"10000.00\"");
          rule.owed_min = *value;
        }
        const YAML::Node shares = node["shares"];
        if (!shares || !shares.IsMap() || shares.size() == 0) {
          return Fail(Where(source, node) + ": a placement rule has shares like {agency A: 60%, agency B: 40%}");
        }
        std::int64_t total = 0;
        for (const auto& entry : shares) {
          auto share = ParseShare(entry.second.as<std::string>(), "share");
          if (!share || *share <= 0) return Fail(Where(source, entry.second) + ": a share is a percentage above 0%");
          rule.agencies.push_back({entry.first.as<std::string>(), *share});
          total += *share;
        }
        if (total != 1'000'000) return Fail(Where(source, shares) + ": the shares add up to 100%");
        rules.placements.push_back(std::move(rule));
      }
    }
    return rules;
  } catch (const YAML::Exception& e) {
    return Fail(std::string(source) + ":" + std::to_string(e.mark.line + 1) + ": " + e.msg);
  }
}

}  // namespace arrears::policy
