// Allocation rules (分案, config/allocation.yaml): teams with skills (product,
// bucket, language, region) and capacity, collectors' capacity, whether loads
// are balanced by case count or by balance, rotation (流转) after a number of
// days with one owner, and agency placement (委外) by bucket and balance with
// each agency's share, a notice period before placement and a placement period
// after which the case is recalled. Parsing the text is not I/O.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace arrears::policy {

struct TeamRule {
  std::string name;
  std::vector<std::string> buckets, products, regions, languages;  // empty: any
  int capacity = 0;  // open cases for the whole team; 0: no limit
};

struct AgencyShare {
  std::string agency;
  std::int64_t ppm = 0;
};

struct PlacementRule {
  std::vector<std::string> buckets;  // empty: any
  std::optional<std::int64_t> owed_min;  // minor units
  std::vector<AgencyShare> agencies;     // shares add up to 100%
};

enum class BalanceBy { kCount, kAmount };

struct AllocationRules {
  BalanceBy balance_by = BalanceBy::kCount;
  int rotate_after_days = 0;  // 0: a case stays with its collector
  int collector_capacity = 0;  // open cases per collector; 0: no limit
  int daily_queue = 0;         // queue items per collector and day, the highest priorities; 0: no limit
  std::map<std::string, int> capacity_of;  // by login
  std::vector<TeamRule> teams;             // in order of preference
  int notice_days = 7;                     // between the debtor's notice and the placement
  int placement_days = 90;                 // then the case is recalled
  std::vector<PlacementRule> placements;   // the first rule that matches
};

// Errors name the file and line ("allocation.yaml:12: ...").
Result<AllocationRules> ParseAllocationRules(std::string_view yaml_text, std::string_view source);

}  // namespace arrears::policy
