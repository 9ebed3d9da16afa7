// What every workflow use case works with: the store (one transaction), the
// vault, the institution's policy and compliance packs, who acts, and when.
// The edge (CLI, HTTP) builds it; time comes from its injected Clock.
#pragma once

#include <chrono>
#include <optional>
#include <string_view>
#include <vector>
#include <span>
#include <string>

#include "app/ports/personal_data_vault.hpp"
#include "app/ports/workflow_store.hpp"
#include "app/workflow/actor.hpp"
#include "core/date.hpp"
#include "policy/decision.hpp"
#include "policy/rule_pack.hpp"
#include "policy/workflow_policy.hpp"

namespace arrears::app {

struct WorkflowContext {
  WorkflowStore& store;
  const PersonalDataVault& vault;
  const policy::WorkflowPolicy& policy;
  std::span<const policy::RulePack* const> packs;
  Actor actor;
  std::chrono::sys_seconds now{};
  std::string now_text;  // FormatUtc(now), as stored
  Date today;            // the institution's calendar day at `now`
  policy::Language language = policy::Language::kEn;
};

// The case, or kNotFound naming it (also when it is outside the actor's scope).
Result<CaseRecord> LoadCase(WorkflowContext& context, CaseId id);
// kPermissionDenied unless `allowed`, naming the role and the action.
Status Permit(const WorkflowContext& context, bool allowed, std::string_view action);
// kConflict for a closed case.
Status RequireOpen(const CaseRecord& record);
// Moves the stage (when the move is allowed and not a no-op) and records why.
Status MoveStage(WorkflowContext& context, CaseRecord& record, CaseStage to, const std::string& reason);
// The lines joined with `separator` ("a; b").
std::string JoinText(const std::vector<std::string>& lines, std::string_view separator);

// Instants are stored in UTC as "2026-11-28T02:00:00Z", so that text order is time order.
std::string FormatUtc(std::chrono::sys_seconds instant);
// "2026-11-28T02:00:00Z" or with an offset, "2026-11-28T10:00:00+08:00".
std::optional<std::chrono::sys_seconds> ParseRfc3339(std::string_view text);

}  // namespace arrears::app
