#include "app/cycle/work_queue.hpp"

namespace arrears::app {

Result<std::vector<QueueItem>> WorkQueue(CycleStore& store, const Actor& actor, Date date, const std::string& owner) {
  switch (actor.role) {
    case Role::kCollector:
    case Role::kAgencyUser:
      if (!owner.empty() && owner != actor.login) {
        return Fail(Error{ErrorCode::kPermissionDenied, "a collector sees their own queue only", "owner"});
      }
      return store.Queue(date, actor.login, "");
    case Role::kTeamLead:
      // The team's collectors' queues: the store keeps the owners of the lead's team; someone else's owner
      // gives an empty queue, so the answer does not tell whether they exist.
      if (actor.team.empty()) return std::vector<QueueItem>();
      return store.Queue(date, owner, actor.team);
    case Role::kSupervisor:
    case Role::kCompliance:
    case Role::kAuditor:
      return store.Queue(date, owner, "");
    default:
      return Fail(Error{ErrorCode::kPermissionDenied,
                        "the role " + std::string(RoleName(actor.role)) + " has no work queue", "owner"});
  }
}

}  // namespace arrears::app
