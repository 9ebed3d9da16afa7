// Use cases of call guides (话术): a script saved as a new version (parsed
// and screened first), the scripts in force listed, and the script for a
// case — the most specific one for its product and stage — with its texts
// filled in from the case, as the agent reads it during the call.
#pragma once

#include <string>
#include <vector>

#include "app/workflow/workflow_context.hpp"
#include "policy/call_script.hpp"

namespace arrears::app {

struct SavedScript {
  std::string id;
  int version = 0;
};
// Administrators, compliance and supervisors; `source` is the script's YAML.
Result<SavedScript> SaveCallScript(WorkflowContext& context, const std::string& source);

struct ScriptInForce {
  policy::CallScript script;
  int version = 0;
  std::string source;
  std::string saved_by;
  std::string saved_at;
};
Result<std::vector<ScriptInForce>> ListCallScripts(WorkflowContext& context);

struct CaseScript {
  std::string id;
  int version = 0;
  std::string language;
  policy::ScriptText text;  // every step's text filled in for the case
};
// kNotFound when no script fits the case's product and stage.
Result<CaseScript> CallScriptForCase(WorkflowContext& context, CaseId id, const std::string& language);

}  // namespace arrears::app
