#include "app/workflow/actor.hpp"

#include <array>

namespace arrears::app {

namespace {
constexpr std::array<std::string_view, 8> kRoles = {"collector", "team_lead", "supervisor", "legal",
                                                    "compliance", "agency_user", "admin",   "auditor"};
}

std::string_view RoleName(Role role) { return kRoles[static_cast<std::size_t>(role)]; }

std::optional<Role> ParseRole(std::string_view name) {
  for (std::size_t i = 0; i < kRoles.size(); ++i) {
    if (kRoles[i] == name) return static_cast<Role>(i);
  }
  return std::nullopt;
}

bool WorksCases(Role role) {
  return role == Role::kCollector || role == Role::kTeamLead || role == Role::kSupervisor ||
         role == Role::kAgencyUser || role == Role::kLegal;
}

bool Approves(Role role) { return role == Role::kTeamLead || role == Role::kSupervisor; }

bool HandlesLegal(Role role) { return role == Role::kLegal || role == Role::kSupervisor; }

bool InScope(const Actor& actor, const std::string& owner, const std::string& owner_team,
             const std::string& owner_agency) {
  switch (actor.role) {
    case Role::kCollector: return !owner.empty() && owner == actor.login;
    case Role::kTeamLead: return owner == actor.login || (!actor.team.empty() && owner_team == actor.team);
    case Role::kAgencyUser: return !actor.agency.empty() && owner_agency == actor.agency;
    default: return true;
  }
}

}  // namespace arrears::app
