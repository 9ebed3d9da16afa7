#include "app/cycle/work_queue.hpp"

namespace arrears::app {

namespace {

// Whose queues an actor sees: the store's owner and team filters, or none.
struct QueueScope {
  std::string owner;  // empty: every owner
  std::string team;   // non-empty: only owners of this team
  bool none = false;
};

Result<QueueScope> WorkQueueScope(const Actor& actor, const std::string& owner) {
  switch (actor.role) {
    case Role::kCollector:
    case Role::kAgencyUser:
      if (!owner.empty() && owner != actor.login) {
        return Fail(Error{ErrorCode::kPermissionDenied, "a collector sees their own queue only", "owner"});
      }
      return QueueScope{actor.login, "", false};
    case Role::kTeamLead:
      // The team's collectors' queues: the store keeps the owners of the lead's team; someone else's owner
      // gives an empty queue, so the answer does not tell whether they exist.
      return QueueScope{owner, actor.team, actor.team.empty()};
    case Role::kSupervisor:
    case Role::kCompliance:
    case Role::kAuditor:
      return QueueScope{owner, "", false};
    default:
      return Fail(Error{ErrorCode::kPermissionDenied,
                        "the role " + std::string(RoleName(actor.role)) + " has no work queue", "owner"});
  }
}

}  // namespace

Result<WorkQueueView> WorkQueue(CycleStore& store, const Actor& actor, Date date, const std::string& owner) {
  auto scope = WorkQueueScope(actor, owner);
  if (!scope) return Fail(scope.error());
  WorkQueueView view;
  if (scope->none) return view;
  view.items = store.Queue(date, scope->owner, scope->team);
  view.glances = store.Glances(date, scope->owner, scope->team);
  return view;
}

}  // namespace arrears::app
