// Who is acting: a user's login and role (DESIGN.md role ids). Use cases
// check what the role may do; the login goes into every audit event.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace arrears::app {

enum class Role { kCollector, kTeamLead, kSupervisor, kLegal, kCompliance, kAgencyUser, kAdmin, kAuditor };

std::string_view RoleName(Role role);  // "collector", "team_lead", ...
std::optional<Role> ParseRole(std::string_view name);

struct Actor {
  std::string login;
  Role role = Role::kCollector;
};

// Roles that work cases (contact, promises, arrangements): collectors and the people above them.
bool WorksCases(Role role);
// Roles that may decide approvals.
bool Approves(Role role);
// Roles that handle legal matters.
bool HandlesLegal(Role role);

}  // namespace arrears::app
