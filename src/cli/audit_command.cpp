// arrears audit verify: proves every audit chain untouched, or names the first
// event that does not match.
#include <CLI/CLI.hpp>
#include <memory>

#include "cli/command.hpp"
#include "cli/database_options.hpp"
#include "cli/json_output.hpp"
#include "cli/usage_error.hpp"
#include "store/audit_log.hpp"

namespace arrears::cli {

namespace {

struct Options {
  DatabaseOptions database;
  bool json = false;
};

void Run(const Options& o, const Context& context) {
  auto database = OpenDatabaseOrFail(o.database);
  auto vault = LoadVaultOrFail(o.database);
  auto session = database->Acquire();
  RequireCurrentSchema(*session);
  const store::AuditVerification result = store::VerifyAudit(*session, *vault);
  const bool intact = !result.broken_seq.has_value();
  if (o.json) {
    boost::json::object out{{"intact", intact}, {"chains", result.chains}, {"events", result.events}};
    if (!intact) {
      out["broken"] = boost::json::object{
          {"customer_id", *result.broken_customer_id}, {"seq", *result.broken_seq}, {"reason", result.reason}};
    }
    PrintJson(context.out, out);
  } else if (intact) {
    context.out << "audit log intact: " << result.events << " events in " << result.chains << " chains\n";
  } else {
    context.out << "audit log BROKEN at chain " << *result.broken_customer_id
                << (*result.broken_customer_id == 0 ? " (system)" : " (customer)") << ", event " << *result.broken_seq
                << ": " << result.reason << '\n';
  }
  if (!intact) throw ExitStatus(1);
}

}  // namespace

void AddAuditVerify(CLI::App& audit, Selection& selection) {
  auto options = std::make_shared<Options>();
  CLI::App* command = audit.add_subcommand("verify", "Check that no audit event was altered, removed or inserted");
  command->fallthrough();
  AddDatabaseOptions(*command, options->database);
  command->add_flag("--json", options->json, "print the result as one JSON object");
  OnChosen(*command, selection, options, &Run);
}

}  // namespace arrears::cli
