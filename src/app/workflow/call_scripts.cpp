#include "app/workflow/call_scripts.hpp"

#include "app/workflow/messages.hpp"
#include "core/case_stage.hpp"
#include "policy/message_template.hpp"

namespace arrears::app {

namespace {

bool EditsScripts(Role role) { return role == Role::kAdmin || role == Role::kCompliance || role == Role::kSupervisor; }

}  // namespace

Result<SavedScript> SaveCallScript(WorkflowContext& context, const std::string& source) {
  if (auto permitted = Permit(context, EditsScripts(context.actor.role), "edit call scripts"); !permitted) {
    return Fail(permitted.error());
  }
  auto script = policy::ParseCallScript(source, "script");
  if (!script) return Fail(Error{ErrorCode::kInvalidArgument, script.error().message, "source"});
  if (auto checked = policy::CheckCallScript(*script, context.packs); !checked) return Fail(checked.error());
  const int version = context.store.SaveCallScript(script->id, source);
  context.store.AppendSystemEvent({"call_script.save",
                                   "call script " + script->id + " saved as version " + std::to_string(version),
                                   "call_script", version, std::nullopt,
                                   "id=" + script->id + "; version=" + std::to_string(version)});
  return SavedScript{script->id, version};
}

Result<std::vector<ScriptInForce>> ListCallScripts(WorkflowContext& context) {
  std::vector<ScriptInForce> scripts;
  for (WorkflowStore::StoredScript& stored : context.store.LatestCallScripts()) {
    auto script = policy::ParseCallScript(stored.source, stored.id);
    if (!script) return Fail(script.error());  // saved only after parsing: a stored script that no longer parses
    scripts.push_back({std::move(*script), stored.version, std::move(stored.source), std::move(stored.saved_by),
                       std::move(stored.saved_at)});
  }
  return scripts;
}

Result<CaseScript> CallScriptForCase(WorkflowContext& context, CaseId id, const std::string& language) {
  auto record = LoadCase(context, id);
  if (!record) return Fail(record.error());
  auto scripts = ListCallScripts(context);
  if (!scripts) return Fail(scripts.error());
  const std::string product = record->ProductType();
  const std::string stage(CaseStageName(record->stage));
  const std::string lang = language.empty() ? (record->language.starts_with("en") ? "en" : "zh") : language;
  const ScriptInForce* best = nullptr;
  for (const ScriptInForce& s : *scripts) {
    if (!s.script.Fits(product, stage) || !s.script.languages.contains(lang)) continue;
    if (!best || s.script.Specificity() > best->script.Specificity()) best = &s;
  }
  if (!best) {
    return Fail(Error{ErrorCode::kNotFound,
                      "no call script in " + lang + " for a " + product + " case at stage " + stage, "language"});
  }
  const auto values = MessageValues(context, *record, lang);
  CaseScript out{best->script.id, best->version, lang, best->script.languages.at(lang)};
  for (auto* list : {&out.text.steps, &out.text.objections}) {
    for (policy::ScriptStep& step : *list) {
      auto said = policy::RenderText(step.say, values);
      if (!said) return Fail(said.error());
      step.say = std::move(*said);
    }
  }
  return out;
}

}  // namespace arrears::app
