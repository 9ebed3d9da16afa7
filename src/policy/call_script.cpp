#include "policy/call_script.hpp"

#include <algorithm>

#include "policy/message_template.hpp"
#include "policy/yaml_reading.hpp"

namespace arrears::policy {

namespace {

bool Names(const std::vector<std::string>& list, std::string_view name) {
  return std::any_of(list.begin(), list.end(), [&](const std::string& item) { return item == "*" || item == name; });
}

bool Wild(const std::vector<std::string>& list) {
  return std::find(list.begin(), list.end(), "*") != list.end();
}

Result<std::vector<ScriptStep>> ReadSteps(const YAML::Node& node, std::string_view source) {
  std::vector<ScriptStep> steps;
  if (!node) return steps;
  if (!node.IsSequence()) return Fail(Where(source, node) + ": a list of steps ({id, title, say})");
  for (const YAML::Node& item : node) {
    if (!item.IsMap() || !item["id"] || !item["title"] || !item["say"]) {
      return Fail(Where(source, item) + ": a step has an id, a title and what to say");
    }
    steps.push_back({item["id"].as<std::string>(), item["title"].as<std::string>(), item["say"].as<std::string>()});
  }
  return steps;
}

}  // namespace

bool CallScript::Fits(std::string_view product, std::string_view stage) const {
  return Names(products, product) && Names(stages, stage);
}

int CallScript::Specificity() const { return (Wild(products) ? 0 : 1) + (Wild(stages) ? 0 : 2); }

Result<CallScript> ParseCallScript(std::string_view yaml_text, std::string_view source) {
  try {
    const YAML::Node root = YAML::Load(std::string(yaml_text));
    if (!root.IsMap() || !root["id"]) return Fail(std::string(source) + ":1: a call script names its id");
    CallScript script;
    script.id = root["id"].as<std::string>();
    if (auto read = ReadList(root, "products", script.products, source); !read) return Fail(read.error());
    if (auto read = ReadList(root, "stages", script.stages, source); !read) return Fail(read.error());
    // Not named: every product, every stage.
    if (script.products.empty()) script.products = {"*"};
    if (script.stages.empty()) script.stages = {"*"};
    for (const char* language : {"zh", "en"}) {
      const YAML::Node text = root[language];
      if (!text) continue;
      if (!text.IsMap() || !text["title"] || !text["steps"]) {
        return Fail(Where(source, text) + ": " + language + " has a title and steps");
      }
      ScriptText out;
      out.title = text["title"].as<std::string>();
      auto steps = ReadSteps(text["steps"], source);
      if (!steps) return Fail(steps.error());
      auto objections = ReadSteps(text["objections"], source);
      if (!objections) return Fail(objections.error());
      out.steps = std::move(*steps);
      out.objections = std::move(*objections);
      script.languages.emplace(language, std::move(out));
    }
    if (script.languages.empty()) return Fail(Where(source, root) + ": the script has no zh or en text");
    return script;
  } catch (const YAML::Exception& e) {
    return Fail(std::string(source) + ":" + std::to_string(e.mark.line + 1) + ": " + e.msg);
  }
}

Status CheckCallScript(const CallScript& script, std::span<const RulePack* const> packs) {
  if (!IsTemplateId(script.id)) {
    return Fail(Error{ErrorCode::kInvalidArgument, "'" + script.id + "' is not a script id (1 to 64 of a-z, 0-9 and _)",
                      "id"});
  }
  for (const auto& [language, text] : script.languages) {
    if (text.steps.empty()) {
      return Fail(Error{ErrorCode::kInvalidArgument, language + ": a script has at least one step", language + ".steps"});
    }
    for (const auto& [list, name] : {std::pair{&text.steps, "steps"}, std::pair{&text.objections, "objections"}}) {
      for (std::size_t i = 0; i < list->size(); ++i) {
        const ScriptStep& step = (*list)[i];
        const std::string field = language + "." + name + "[" + std::to_string(i) + "]";
        if (!IsTemplateId(step.id)) {
          return Fail(Error{ErrorCode::kInvalidArgument, field + ".id: '" + step.id + "' is not a step id", field + ".id"});
        }
        if (auto checked = CheckText(field + ".title", field + ".title", step.title, packs); !checked) return checked;
        if (auto checked = CheckText(field + ".say (" + step.id + ")", field + ".say", step.say, packs); !checked) {
          return checked;
        }
      }
    }
  }
  return Ok{};
}

}  // namespace arrears::policy
