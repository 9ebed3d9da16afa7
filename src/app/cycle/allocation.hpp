// Allocation (分案) for a day (pure: no I/O): agency placements and recalls,
// rotation, and every case without a fitting owner given to a team and a
// collector within capacity, balancing loads by count or by balance. Cases are
// visited in id order so the result is the same however the day is reached.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "policy/allocation_rules.hpp"

namespace arrears::app {

struct StaffMember {
  std::string login;
  std::string team;    // collectors
  std::string agency;  // agency users
};

struct AllocationCase {
  std::int64_t id = 0;
  std::string bucket, product, region, language;
  std::int64_t owed = 0;
  bool on_hold = false;  // a hold that stops collection contact: not placed with an agency
  std::string owner;
  std::optional<Date> assigned_on, notice_on, placed_on, placed_until;
  std::string placed_agency;
  bool closed = false;  // closed today: left alone
};

enum class AllocationKind { kAssign, kRotate, kNotice, kPlace, kRecall };
std::string_view AllocationKindName(AllocationKind kind);  // assign, rotate, notice, place, recall

struct AllocationChange {
  std::size_t row = 0;  // into the cases given
  AllocationKind kind = AllocationKind::kAssign;
  AllocationCase after;  // the case's allocation columns after the change
  std::string team;      // the team or agency it went to
};

// `count` cases, each built by `case_at(row)` when it is visited (so that
// millions of cases are never held as text at once), with their current
// allocation; `collectors` (role collector, with a team) and `agency_users`
// (with an agency). Changes in case order; a case recalled and reassigned the
// same day gives one kRecall change.
std::vector<AllocationChange> Allocate(std::size_t count, const std::function<AllocationCase(std::size_t)>& case_at,
                                       const std::vector<StaffMember>& collectors,
                                       const std::vector<StaffMember>& agency_users,
                                       const policy::AllocationRules& rules, Date day);

}  // namespace arrears::app
