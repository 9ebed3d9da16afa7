// A day's work queue as a user may see it: collectors and agency users their
// own, a team lead the team's, supervisors, compliance and auditors anyone's.
#pragma once

#include <string>
#include <vector>

#include "app/ports/cycle_store.hpp"
#include "app/workflow/actor.hpp"
#include "core/result.hpp"

namespace arrears::app {

struct WorkQueueView {
  std::vector<QueueItem> items;
  std::vector<CaseGlance> glances;  // by case, for the items
};
// `owner` empty: every queue the actor may see. Asking for another
// collector's queue beyond one's scope is kPermissionDenied.
Result<WorkQueueView> WorkQueue(CycleStore& store, const Actor& actor, Date date, const std::string& owner);

}  // namespace arrears::app
