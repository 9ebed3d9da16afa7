// arrears: the command line, and the composition root that wires adapters to
// the domain (DESIGN.md). Exit status 0 success, 1 failure, 2 bad input.
#include <CLI/CLI.hpp>
#include <cstdlib>
#include <iostream>

#include "cli/command.hpp"
#include "cli/usage_error.hpp"
#include "store/database.hpp"

int main(int argc, char** argv) {
  using namespace arrears::cli;
  CLI::App app{"arrears: collections management (逾期催收管理)", "arrears"};
  app.set_version_flag("--version", "arrears 0.1.0");
  std::string now_text;
  app.add_option("--now", now_text, "fix the current time, e.g. 2026-11-28T10:00:00+08:00 (or ARREARS_NOW)")
      ->envname("ARREARS_NOW");

  Selection selection;
  CLI::App* calc = app.add_subcommand("calc", "Calculators that show how an amount was computed");
  calc->fallthrough();
  AddCalcDaycount(*calc, selection);
  AddCalcSchedule(*calc, selection);
  AddCalcLateFee(*calc, selection);
  AddCalcCardInterest(*calc, selection);
  AddCalcAllocate(*calc, selection);
  AddCalcAccrue(*calc, selection);
  AddCalcDpd(*calc, selection);

  AddMigrate(app, selection);
  AddServe(app, selection);
  AddCheckContact(app, selection);
  AddImport(app, selection);
  AddCycle(app, selection);
  AddReport(app, selection);
  CLI::App* queue = app.add_subcommand("queue", "The day's work queues and the dialer list");
  queue->fallthrough();
  AddQueueCommands(*queue, selection);
  CLI::App* compliance = app.add_subcommand("compliance", "Compliance audits");
  compliance->fallthrough();
  AddComplianceReplay(*compliance, selection);
  CLI::App* customer = app.add_subcommand("customer", "Customers");
  customer->fallthrough();
  AddCustomerFind(*customer, selection);
  CLI::App* audit = app.add_subcommand("audit", "The audit log");
  audit->fallthrough();
  AddAuditVerify(*audit, selection);

  CLI::App* cases = app.add_subcommand("case", "Collection cases: show, work, negotiate, escalate, close");
  cases->fallthrough();
  AddCaseShow(*cases, selection);
  AddCaseWork(*cases, selection);
  AddCasePlan(*cases, selection);
  AddCaseEscalation(*cases, selection);
  CLI::App* approval = app.add_subcommand("approval", "Requests beyond an officer's authority");
  approval->fallthrough();
  AddApprovalCommands(*approval, selection);
  CLI::App* templates = app.add_subcommand("template", "Message templates (SMS, email, letters)");
  templates->fallthrough();
  AddTemplateCommands(*templates, selection);
  CLI::App* scripts = app.add_subcommand("script", "Call guides (话术) for the workbench's contact panel");
  scripts->fallthrough();
  AddScriptCommands(*scripts, selection);
  CLI::App* message = app.add_subcommand("message", "SMS and email to debtors, and what providers say back");
  message->fallthrough();
  AddMessageCommands(*message, selection);
  CLI::App* letter = app.add_subcommand("letter", "Formal letters as PDF: collection, lawyer's, plan, settlement, dispute");
  letter->fallthrough();
  AddLetterCommands(*letter, selection);
  CLI::App* outbox = app.add_subcommand("outbox", "The outbox dispatcher");
  outbox->fallthrough();
  AddOutboxCommands(*outbox, selection);
  CLI::App* user = app.add_subcommand("user", "Users and their roles");
  user->fallthrough();
  AddUserCommands(*user, selection);

  CLI::App* demo = app.add_subcommand("demo", "Demo data");
  demo->fallthrough();
  AddDemoGenerate(*demo, selection);
  AddDemoSetup(*demo, selection);

  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& e) {  // --help, --version
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "arrears: " << e.what() << " (see --help)\n";
    return 2;
  }
  if (!selection.action) {
    // A command group without its command, e.g. `arrears calc`.
    CLI::App* group = app.get_subcommands().empty() ? &app : app.get_subcommands().front();
    std::string names;
    for (const CLI::App* sub : group->get_subcommands({})) names += (names.empty() ? "" : ", ") + sub->get_name();
    std::cerr << "arrears: choose a command: " << names << " (see --help)\n";
    return 2;
  }
  try {
    std::optional<Instant> now;
    if (!now_text.empty()) now = Require(ParseInstant(now_text), "--now");
    selection.action(Context{Clock(now), std::cout});
    std::cout.flush();
    return std::cout ? 0 : 1;
  } catch (const ExitStatus& status) {
    std::cout.flush();
    return status.code;
  } catch (const UsageError& e) {
    std::cerr << "arrears: " << e.what() << '\n';
    return 2;
  } catch (const arrears::store::DatabaseError& e) {
    std::cerr << "arrears: database: " << e.what() << '\n';
    return 1;
  } catch (const std::overflow_error& e) {
    std::cerr << "arrears: the amounts are too large to compute exactly: " << e.what() << '\n';
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "arrears: " << e.what() << '\n';
    return 1;
  }
}
