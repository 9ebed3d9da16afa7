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
  std::string team;
  std::string agency;
};

// Roles that work cases (contact, promises, arrangements): collectors and the people above them.
bool WorksCases(Role role);
// Roles that may decide approvals.
bool Approves(Role role);
// Roles that handle legal matters.
bool HandlesLegal(Role role);

// Data scope: whether `actor` may see a case owned by `owner` (of `owner_team`,
// `owner_agency`). A collector sees the cases assigned to them, a team lead
// their team's, an agency user their agency's; the other roles see every case.
bool InScope(const Actor& actor, const std::string& owner, const std::string& owner_team,
             const std::string& owner_agency);

}  // namespace arrears::app
