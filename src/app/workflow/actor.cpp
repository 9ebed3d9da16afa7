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

}  // namespace arrears::app
