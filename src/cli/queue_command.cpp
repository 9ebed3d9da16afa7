// arrears queue show | export: the day's work queue the cycle built, and the
// dialer's list — only the calls compliance allows, with each number that may
// be dialled and the local time from which it may be.
#include <CLI/CLI.hpp>
#include <boost/json.hpp>
#include <fstream>
#include <iostream>
#include <memory>

#include "cli/command.hpp"
#include "cli/json_output.hpp"
#include "cli/text_table.hpp"
#include "cli/usage_error.hpp"
#include "cli/workflow_session.hpp"
#include "core/decimal.hpp"
#include "files/csv_field.hpp"
#include "policy/local_time.hpp"
#include "store/cycle/sql_cycle_store.hpp"

namespace arrears::cli {

namespace {

struct Options {
  WorkflowOptions workflow;
  std::string date;
  std::string owner;
  std::string format = "csv";
  std::string out;
};

std::string Yuan(std::int64_t minor) { return FormatScaledDecimal(minor, 2); }

void RunShow(const Options& o, const Context& context) {
  const Date date = DateOption(o.date, "--date");
  const WorkflowEnvironment environment = OpenWorkflowEnvironment(o.workflow);
  auto session = environment.database->Acquire();
  RequireCurrentSchema(*session);
  store::SqlCycleStore store(*session, *environment.vault);
  const auto items = store.Queue(date, o.owner, "");
  if (o.workflow.json) {
    boost::json::array array;
    for (const app::QueueItem& q : items) {
      array.push_back({{"case_id", q.case_id},       {"owner", q.owner},          {"rank", q.rank},
                       {"priority", Yuan(q.priority)}, {"propensity_ppm", q.propensity_ppm}, {"owed", Yuan(q.owed)},
                       {"currency", q.currency},      {"days_past_due", q.days_past_due}, {"bucket", q.bucket},
                       {"segment", q.segment},        {"arm", q.arm},              {"action", q.action},
                       {"template", q.template_id},   {"contact_from", q.contact_from}});
    }
    PrintJson(context.out, boost::json::object{{"date", date.ToString()}, {"items", array}});
    return;
  }
  TextTable table({"owner", "rank", "case", "bucket", "dpd", "owed", "expected", "segment", "arm", "action", "from (UTC)"});
  for (const app::QueueItem& q : items) {
    table.AddRow({q.owner.empty() ? "-" : q.owner, std::to_string(q.rank), std::to_string(q.case_id), q.bucket,
                  std::to_string(q.days_past_due), Yuan(q.owed), Yuan(q.priority), q.segment, q.arm,
                  q.action + (q.template_id.empty() ? "" : " " + q.template_id),
                  q.contact_from.empty() ? "not today" : q.contact_from});
  }
  table.Print(context.out);
}

void RunExport(const Options& o, const Context& context) {
  const Date date = DateOption(o.date, "--date");
  if (o.format != "csv") throw UsageError("--format: csv (the format dialers import)");
  const WorkflowEnvironment environment = OpenWorkflowEnvironment(o.workflow);
  auto session = environment.database->Acquire();
  RequireCurrentSchema(*session);
  store::SqlCycleStore store(*session, *environment.vault);
  const auto lines = store.DialerList(date, o.owner);
  std::ofstream file;
  if (!o.out.empty()) {
    file.open(o.out, std::ios::binary | std::ios::trunc);
    if (!file) throw UsageError("--out: cannot write " + o.out);
  }
  std::ostream& out = o.out.empty() ? context.out : file;
  out << "queue_date,owner,rank,case_id,customer_ref,contact_point_id,kind,number,call_from,time_zone,owed,days_past_due\r\n";
  for (const app::DialerLine& line : lines) {
    const auto zone = policy::FindZone(line.time_zone);
    const auto from = app::ParseRfc3339(line.item.contact_from);
    if (!zone || !from) throw UsageError("queue item of case " + std::to_string(line.item.case_id) + ": bad time zone or time");
    const std::vector<std::string> fields = {date.ToString(), line.item.owner, std::to_string(line.item.rank),
                                             std::to_string(line.item.case_id), line.customer_ref,
                                             std::to_string(line.contact_point), line.kind,
                                             environment.vault->Open(line.number_sealed),
                                             policy::FormatLocal(*from, *zone), line.time_zone, Yuan(line.item.owed),
                                             std::to_string(line.item.days_past_due)};
    for (std::size_t i = 0; i < fields.size(); ++i) out << (i ? "," : "") << files::CsvField(fields[i]);
    out << "\r\n";
  }
  out.flush();
  if (!out) throw UsageError("--out: cannot write " + o.out);
  store.AuditExport(o.workflow.as.empty() ? "system" : o.workflow.as, app::FormatUtc(context.clock.Now().utc),
                    "dialer list " + date.ToString() + (o.owner.empty() ? "" : " owner=" + o.owner) + ": " +
                        std::to_string(lines.size()) + " numbers");
  if (!o.out.empty()) std::cerr << "arrears queue export: " << lines.size() << " numbers to " << o.out << '\n';
}

}  // namespace

void AddQueueCommands(CLI::App& group, Selection& selection) {
  {
    auto options = std::make_shared<Options>();
    CLI::App* command = group.add_subcommand("show", "The day's work queue, per collector by priority");
    command->fallthrough();
    AddWorkflowOptions(*command, options->workflow);
    command->add_option("--date", options->date, "the queue's date")->required();
    command->add_option("--owner", options->owner, "one collector's queue");
    OnChosen(*command, selection, options, &RunShow);
  }
  {
    auto options = std::make_shared<Options>();
    CLI::App* command = group.add_subcommand("export", "The dialer list: calls compliance allows, numbers and times");
    command->fallthrough();
    AddWorkflowOptions(*command, options->workflow);
    command->add_option("--date", options->date, "the queue's date")->required();
    command->add_option("--owner", options->owner, "one collector's calls");
    command->add_option("--format", options->format, "csv (default)");
    command->add_option("--out", options->out, "the file to write (default: standard output)");
    OnChosen(*command, selection, options, &RunExport);
  }
}

}  // namespace arrears::cli
