#include "app/cycle/allocation.hpp"

#include <algorithm>
#include <map>

#include "policy/strategy.hpp"

namespace arrears::app {

namespace {

bool Fits(const std::vector<std::string>& allowed, const std::string& value) {
  return allowed.empty() || std::find(allowed.begin(), allowed.end(), value) != allowed.end();
}

bool TeamFits(const policy::TeamRule& team, const AllocationCase& c) {
  return Fits(team.buckets, c.bucket) && Fits(team.products, c.product) && Fits(team.regions, c.region) &&
         Fits(team.languages, c.language);
}

struct Load {
  std::int64_t count = 0;
  std::int64_t amount = 0;
};

class Loads {
 public:
  explicit Loads(const policy::AllocationRules& rules) : rules_(rules) {}
  void Add(const std::string& login, const std::string& team, const AllocationCase& c, int sign) {
    if (login.empty()) return;
    by_login_[login].count += sign;
    by_login_[login].amount += sign * c.owed;
    if (!team.empty()) {
      by_team_[team].count += sign;
      by_team_[team].amount += sign * c.owed;
    }
  }
  std::int64_t Weight(const std::string& login) const { return Measure(by_login_, login); }
  std::int64_t TeamCount(const std::string& team) const {
    const auto found = by_team_.find(team);
    return found == by_team_.end() ? 0 : found->second.count;
  }
  bool HasRoom(const std::string& login) const {
    const auto own = rules_.capacity_of.find(login);
    const int capacity = own != rules_.capacity_of.end() ? own->second : rules_.collector_capacity;
    const auto found = by_login_.find(login);
    return capacity == 0 || (found == by_login_.end() ? 0 : found->second.count) < capacity;
  }

 private:
  std::int64_t Measure(const std::map<std::string, Load>& map, const std::string& key) const {
    const auto found = map.find(key);
    if (found == map.end()) return 0;
    return rules_.balance_by == policy::BalanceBy::kCount ? found->second.count : found->second.amount;
  }
  const policy::AllocationRules& rules_;
  std::map<std::string, Load> by_login_;
  std::map<std::string, Load> by_team_;
};

}  // namespace

std::string_view AllocationKindName(AllocationKind kind) {
  switch (kind) {
    case AllocationKind::kAssign: return "assign";
    case AllocationKind::kRotate: return "rotate";
    case AllocationKind::kNotice: return "notice";
    case AllocationKind::kPlace: return "place";
    case AllocationKind::kRecall: return "recall";
  }
  return "assign";
}

std::vector<AllocationChange> Allocate(std::size_t count, const std::function<AllocationCase(std::size_t)>& case_at,
                                       const std::vector<StaffMember>& collectors,
                                       const std::vector<StaffMember>& agency_users,
                                       const policy::AllocationRules& rules, Date day) {
  std::map<std::string, std::string> team_of;    // collector -> team
  std::map<std::string, std::string> agency_of;  // agency user -> agency
  for (const StaffMember& s : collectors) team_of[s.login] = s.team;
  for (const StaffMember& s : agency_users) agency_of[s.login] = s.agency;
  Loads loads(rules);
  for (std::size_t row = 0; row < count; ++row) {
    const AllocationCase c = case_at(row);
    if (c.closed) continue;
    const auto team = team_of.find(c.owner);
    loads.Add(c.owner, team == team_of.end() ? "" : team->second, c, 1);
  }
  // The collector of `team` with the least load and room, other than `except`.
  const auto pick_collector = [&](const std::string& team, const std::string& except) -> const StaffMember* {
    const StaffMember* best = nullptr;
    for (const StaffMember& s : collectors) {
      if (s.team != team || s.login == except || !loads.HasRoom(s.login)) continue;
      if (best == nullptr || loads.Weight(s.login) < loads.Weight(best->login)) best = &s;
    }
    return best;
  };
  const auto pick_agency_user = [&](const std::string& agency) -> const StaffMember* {
    const StaffMember* best = nullptr;
    for (const StaffMember& s : agency_users) {
      if (s.agency != agency) continue;
      if (best == nullptr || loads.Weight(s.login) < loads.Weight(best->login)) best = &s;
    }
    return best;
  };

  std::vector<AllocationChange> changes;
  for (std::size_t row = 0; row < count; ++row) {
    const AllocationCase before = case_at(row);
    if (before.closed) continue;
    AllocationCase c = before;
    std::optional<AllocationKind> kind;
    std::string to;
    const auto move_to = [&](const std::string& login, const std::string& group) {
      const auto old_team = team_of.find(c.owner);
      loads.Add(c.owner, old_team == team_of.end() ? "" : old_team->second, c, -1);
      c.owner = login;
      c.assigned_on = day;
      const auto new_team = team_of.find(login);
      loads.Add(login, new_team == team_of.end() ? "" : new_team->second, c, 1);
      to = group;
    };

    // A placement ends: the case comes back to the teams.
    if (!c.placed_agency.empty() && c.placed_until && *c.placed_until <= day) {
      move_to("", "");
      c.placed_agency.clear();
      kind = AllocationKind::kRecall;
    }
    const bool placed = !c.placed_agency.empty();
    // Agency placement by rule, once per case: the notice first, the placement when it has run its days.
    const policy::PlacementRule* rule = nullptr;
    if (!placed && !c.placed_on && !c.on_hold) {
      for (const policy::PlacementRule& r : rules.placements) {
        if (Fits(r.buckets, c.bucket) && (!r.owed_min || c.owed >= *r.owed_min)) {
          rule = &r;
          break;
        }
      }
    }
    if (rule != nullptr && !c.notice_on) {
      c.notice_on = day;
      kind = kind.value_or(AllocationKind::kNotice);
    } else if (rule != nullptr && c.notice_on->AddDays(rules.notice_days) <= day) {
      // The agency by its share, stable for the case (as the strategy's split).
      const std::int64_t point = policy::SplitPoint(c.id, "agency-placement");
      std::int64_t cumulative = 0;
      std::string agency = rule->agencies.back().agency;
      for (const policy::AgencyShare& share : rule->agencies) {
        cumulative += share.ppm;
        if (point < cumulative) {
          agency = share.agency;
          break;
        }
      }
      if (const StaffMember* user = pick_agency_user(agency)) {
        move_to(user->login, agency);
        c.placed_agency = agency;
        c.placed_on = day;
        c.placed_until = day.AddDays(rules.placement_days);
        kind = AllocationKind::kPlace;
      }
    }
    if (c.placed_agency.empty()) {
      // The owner's team still fits: keep, or rotate when the owner has had the case long enough.
      const auto owner_team = team_of.find(c.owner);
      const policy::TeamRule* current = nullptr;
      if (owner_team != team_of.end()) {
        for (const policy::TeamRule& t : rules.teams) {
          if (t.name == owner_team->second && TeamFits(t, c)) current = &t;
        }
      }
      if (current != nullptr) {
        if (rules.rotate_after_days > 0 && c.assigned_on && c.assigned_on->AddDays(rules.rotate_after_days) <= day) {
          if (const StaffMember* next = pick_collector(current->name, c.owner)) {
            move_to(next->login, current->name);
            kind = kind.value_or(AllocationKind::kRotate);
          }
        }
      } else {
        // The first team (in order of preference) whose skills fit and which has room; then its least loaded collector.
        const policy::TeamRule* best = nullptr;
        for (const policy::TeamRule& t : rules.teams) {
          if (!TeamFits(t, c) || (t.capacity > 0 && loads.TeamCount(t.name) >= t.capacity)) continue;
          if (pick_collector(t.name, "") == nullptr) continue;
          best = &t;
          break;
        }
        if (best != nullptr) {
          move_to(pick_collector(best->name, "")->login, best->name);
          kind = kind.value_or(AllocationKind::kAssign);
        }
      }
    }
    if (kind) changes.push_back({row, *kind, std::move(c), to});
  }
  return changes;
}

}  // namespace arrears::app
