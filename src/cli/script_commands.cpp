// arrears script import: call guides (话术) from YAML files saved as new
// versions, each parsed and screened like a template; all or nothing.
#include <CLI/CLI.hpp>
#include <filesystem>

#include <boost/json.hpp>

#include "app/workflow/call_scripts.hpp"
#include "cli/command.hpp"
#include "cli/json_output.hpp"
#include "cli/usage_error.hpp"
#include "cli/workflow_session.hpp"
#include "cli/yaml_files.hpp"

namespace arrears::cli {

namespace {

struct ScriptImportOptions {
  WorkflowOptions workflow;
  std::vector<std::string> paths;
};

void RunScriptImport(const ScriptImportOptions& o, const Context& context) {
  const auto files = ReadYamlFiles(o.paths, "PATH");
  if (files.empty()) throw UsageError("PATH: no call scripts (*.yaml) in " + o.paths.front());
  boost::json::array saved;
  std::string text;
  RunWorkflow(o.workflow, context, [&](app::WorkflowContext& w) -> Status {
    for (const auto& [path, yaml] : files) {
      auto script = app::SaveCallScript(w, yaml);
      if (!script) {
        Error error = script.error();
        error.message = std::filesystem::path(path).filename().string() + ": " + error.message;
        return Fail(error);
      }
      saved.push_back({{"id", script->id}, {"version", script->version}});
      text += script->id + " version " + std::to_string(script->version) + "\n";
    }
    return Ok{};
  });
  if (o.workflow.json) {
    PrintJson(context.out, boost::json::object{{"saved", saved}});
  } else {
    context.out << text;
  }
}

}  // namespace

void AddScriptCommands(CLI::App& group, Selection& selection) {
  auto options = std::make_shared<ScriptImportOptions>();
  CLI::App* command = group.add_subcommand("import", "Save call scripts (a folder: its *.yaml) as new versions");
  command->add_option("PATH", options->paths, "script files or folders (config/scripts)")->required();
  AddWorkflowOptions(*command, options->workflow);
  OnChosen(*command, selection, options, &RunScriptImport);
}

}  // namespace arrears::cli
