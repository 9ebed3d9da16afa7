// arrears migrate: brings the database schema to this version; creates the
// data key on first run.
#include <CLI/CLI.hpp>
#include <memory>

#include "cli/command.hpp"
#include "cli/database_options.hpp"
#include "cli/json_output.hpp"
#include "cli/usage_error.hpp"
#include "store/migrations.hpp"

namespace arrears::cli {

namespace {

struct Options {
  DatabaseOptions database;
  bool json = false;
};

void Run(const Options& o, const Context& context) {
  auto database = OpenDatabaseOrFail(o.database);
  auto session = database->Acquire();
  const store::MigrationReport report = store::Migrate(*session, context.clock.Now().ToString());
  bool created = false;
  Require(store::LoadVault(o.database.key_file, true, &created), "--key-file");
  if (o.json) {
    boost::json::array applied;
    for (const std::string& name : report.applied) applied.emplace_back(name);
    PrintJson(context.out, boost::json::object{{"version_before", report.version_before},
                                               {"version", report.version_after},
                                               {"applied", std::move(applied)},
                                               {"key_created", created}});
    return;
  }
  for (const std::string& name : report.applied) context.out << "applied " << name << '\n';
  context.out << "schema at version " << report.version_after
              << (report.applied.empty() ? " (already up to date)" : "") << '\n';
  if (created) {
    context.out << "created the data key " << o.database.key_file
                << ": keep a copy in a safe place; without it personal data cannot be read\n";
  }
}

}  // namespace

void AddMigrate(CLI::App& app, Selection& selection) {
  auto options = std::make_shared<Options>();
  CLI::App* command = app.add_subcommand("migrate", "Create or upgrade the database schema");
  command->fallthrough();
  AddDatabaseOptions(*command, options->database);
  command->add_flag("--json", options->json, "print the result as one JSON object");
  OnChosen(*command, selection, options, &Run);
}

}  // namespace arrears::cli
