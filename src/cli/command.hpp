// How subcommands are wired: each leaf command registers its options on the
// CLI11 app and, when chosen, hands main() an action to run with the context.
#pragma once

#include <functional>
#include <iosfwd>
#include <memory>

#include "cli/clock.hpp"

namespace CLI {
class App;
}

namespace arrears::cli {

struct Context {
  Clock clock;
  std::ostream& out;
};

using Action = std::function<void(const Context&)>;

// Filled by the chosen leaf command's callback during parsing.
struct Selection {
  Action action;
};

// Makes `command`, when the user chose it, hand main() `run` with its options.
template <class App, class Options>
void OnChosen(App& command, Selection& selection, std::shared_ptr<Options> options,
              void (*run)(const Options&, const Context&)) {
  command.callback([options, &selection, run] {
    selection.action = [options, run](const Context& context) { run(*options, context); };
  });
}

void AddCalcDaycount(CLI::App& calc, Selection& selection);
void AddCalcSchedule(CLI::App& calc, Selection& selection);
void AddCalcLateFee(CLI::App& calc, Selection& selection);
void AddCalcCardInterest(CLI::App& calc, Selection& selection);
void AddCalcAllocate(CLI::App& calc, Selection& selection);
void AddCalcAccrue(CLI::App& calc, Selection& selection);
void AddCalcDpd(CLI::App& calc, Selection& selection);
void AddDemoGenerate(CLI::App& demo, Selection& selection);
void AddMigrate(CLI::App& app, Selection& selection);
void AddImport(CLI::App& app, Selection& selection);
void AddAuditVerify(CLI::App& audit, Selection& selection);
void AddCustomerFind(CLI::App& customer, Selection& selection);
void AddCheckContact(CLI::App& app, Selection& selection);
void AddComplianceReplay(CLI::App& compliance, Selection& selection);
void AddCaseShow(CLI::App& group, Selection& selection);
void AddCaseWork(CLI::App& group, Selection& selection);
void AddCasePlan(CLI::App& group, Selection& selection);
void AddCaseEscalation(CLI::App& group, Selection& selection);
void AddApprovalCommands(CLI::App& group, Selection& selection);
void AddUserCommands(CLI::App& group, Selection& selection);
void AddServe(CLI::App& app, Selection& selection);
void AddDemoSetup(CLI::App& demo, Selection& selection);
void AddCycle(CLI::App& app, Selection& selection);
void AddReport(CLI::App& app, Selection& selection);
void AddTemplateCommands(CLI::App& group, Selection& selection);
void AddScriptCommands(CLI::App& group, Selection& selection);
void AddMessageCommands(CLI::App& group, Selection& selection);
void AddOutboxCommands(CLI::App& group, Selection& selection);
void AddLetterCommands(CLI::App& group, Selection& selection);
void AddQueueCommands(CLI::App& group, Selection& selection);

}  // namespace arrears::cli
