// arrears case open-due | stage | assign | hold | release | close | contact |
// contact-point | situation | promise | evaluate: the day-to-day work on a
// case, each one use case in one transaction.
#include <CLI/CLI.hpp>
#include <memory>

#include "app/workflow/cases.hpp"
#include "app/workflow/commitments.hpp"
#include "app/workflow/contacts.hpp"
#include "cli/case_argument.hpp"
#include "core/decimal.hpp"
#include "cli/json_output.hpp"
#include "cli/usage_error.hpp"
#include "cli/workflow_session.hpp"

namespace arrears::cli {

namespace {

struct CaseOptions {
  WorkflowOptions workflow;
  std::string id;
  std::string value;  // the command's own positional argument (stage, owner, hold kind, hold id ...)
  std::string reason;
  std::string account;
};

// Registers a command taking CASE (and optionally one more positional) plus --reason.
CLI::App* CaseCommand(CLI::App& group, const char* name, const char* help, CaseOptions& options,
                      const char* value_name = nullptr, const char* value_help = nullptr) {
  CLI::App* command = group.add_subcommand(name, help);
  command->fallthrough();
  command->add_option("CASE", options.id, "the case id, or the customer's reference")->required();
  if (value_name) command->add_option(value_name, options.value, value_help)->required();
  AddWorkflowOptions(*command, options.workflow);
  return command;
}

void Done(const Context& context, const WorkflowOptions& workflow, boost::json::object json, const std::string& text) {
  if (workflow.json) {
    PrintJson(context.out, json);
  } else {
    context.out << text << '\n';
  }
}

// Runs `body` on the resolved case inside the workflow transaction.
template <class Body>
void OnCase(const CaseOptions& o, const Context& context, Body body) {
  RunWorkflow(o.workflow, context, [&](app::WorkflowContext& workflow) -> Status {
    auto id = ResolveCase(workflow, o.id);
    if (!id) return Fail(id.error());
    return body(workflow, *id);
  });
}

void RunStage(const CaseOptions& o, const Context& context) {
  const auto stage = ParseCaseStage(o.value);
  if (!stage) throw UsageError("STAGE: unknown stage '" + o.value + "'");
  OnCase(o, context, [&](app::WorkflowContext& w, CaseId id) -> Status {
    if (auto moved = app::ChangeStage(w, id, *stage, o.reason); !moved) return moved;
    Done(context, o.workflow, {{"case", id.value}, {"stage", o.value}}, "case " + std::to_string(id.value) + ": " + o.value);
    return Ok{};
  });
}

void RunAssign(const CaseOptions& o, const Context& context) {
  OnCase(o, context, [&](app::WorkflowContext& w, CaseId id) -> Status {
    if (auto assigned = app::AssignCase(w, id, o.value); !assigned) return assigned;
    Done(context, o.workflow, {{"case", id.value}, {"owner", o.value}},
         "case " + std::to_string(id.value) + " assigned to " + o.value);
    return Ok{};
  });
}

void RunHold(const CaseOptions& o, const Context& context) {
  const auto kind = ParseHoldKind(o.value);
  if (!kind) throw UsageError("KIND: unknown hold '" + o.value + "'");
  OnCase(o, context, [&](app::WorkflowContext& w, CaseId id) -> Status {
    auto hold = app::PlaceHold(w, id, *kind, o.reason);
    if (!hold) return Fail(hold.error());
    Done(context, o.workflow, {{"case", id.value}, {"hold", *hold}},
         "hold " + std::to_string(*hold) + " (" + o.value + ") on case " + std::to_string(id.value));
    return Ok{};
  });
}

void RunRelease(const CaseOptions& o, const Context& context) {
  const std::int64_t hold = Require(ParseScaledDecimal(o.value, 0, "HOLD"), "HOLD");
  OnCase(o, context, [&](app::WorkflowContext& w, CaseId id) -> Status {
    if (auto released = app::ReleaseHold(w, id, hold, o.reason); !released) return released;
    Done(context, o.workflow, {{"case", id.value}, {"released", hold}}, "hold " + o.value + " released");
    return Ok{};
  });
}

void RunClose(const CaseOptions& o, const Context& context) {
  const auto reason = ParseCloseReason(o.value);
  if (!reason) {
    throw UsageError("REASON: paid_in_full, settled, written_off, recalled, deceased or bankrupt, not '" + o.value + "'");
  }
  OnCase(o, context, [&](app::WorkflowContext& w, CaseId id) -> Status {
    if (auto closed = app::CloseCase(w, id, *reason, o.reason); !closed) return closed;
    Done(context, o.workflow, {{"case", id.value}, {"stage", "closed"}, {"close_reason", o.value}},
         "case " + std::to_string(id.value) + " closed: " + o.value);
    return Ok{};
  });
}

struct OpenDueOptions {
  WorkflowOptions workflow;
};

void RunOpenDue(const OpenDueOptions& o, const Context& context) {
  RunWorkflow(o.workflow, context, [&](app::WorkflowContext& w) -> Status {
    auto opened = app::OpenCases(w);
    if (!opened) return Fail(opened.error());
    Done(context, o.workflow,
         {{"opened", opened->opened}, {"reopened", opened->reopened}, {"accounts_added", opened->accounts_added}},
         "opened " + std::to_string(opened->opened) + ", reopened " + std::to_string(opened->reopened) +
             ", accounts added " + std::to_string(opened->accounts_added));
    return Ok{};
  });
}

struct ContactOptions {
  CaseOptions base;
  app::ContactRequest request;
  std::int64_t contact_point = 0;
  std::string verify_name;
  std::string verify_id;
  int collectors = 0;
};

void RunContact(const ContactOptions& o, const Context& context) {
  app::ContactRequest request = o.request;
  if (o.contact_point > 0) request.contact_point_id = o.contact_point;
  if (!o.verify_name.empty()) request.verify_name = o.verify_name;
  if (!o.verify_id.empty()) request.verify_id_digits = o.verify_id;
  if (o.collectors > 0) request.collectors = o.collectors;
  bool refused = false;
  OnCase(o.base, context, [&](app::WorkflowContext& w, CaseId id) -> Status {
    auto logged = app::LogContact(w, id, request);
    if (!logged) return Fail(logged.error());
    refused = !logged->made;
    boost::json::array reasons;
    for (const std::string& reason : logged->reasons) reasons.push_back(boost::json::string(reason));
    boost::json::object json{{"case", id.value},
                             {"attempt", logged->attempt_id},
                             {"made", logged->made},
                             {"verdict", logged->verdict},
                             {"reasons", std::move(reasons)}};
    if (logged->right_party_verified) json["right_party_verified"] = *logged->right_party_verified;
    std::string text = logged->made ? "contact " + std::to_string(logged->attempt_id) + " logged (" + logged->verdict + ")"
                                    : "refused by compliance, recorded as attempt " +
                                          std::to_string(logged->attempt_id) + ":";
    for (const std::string& reason : logged->reasons) text += "\n  " + reason;
    if (logged->right_party_verified) {
      text += *logged->right_party_verified ? "\nidentity verified" : "\nidentity NOT verified";
    }
    Done(context, o.base.workflow, std::move(json), text);
    return Ok{};
  });
  if (refused) throw ExitStatus{1};
}

struct PointOptions {
  CaseOptions base;
  std::int64_t contact_point = 0;
  std::string status;
  std::string source;
};

void RunContactPoint(const PointOptions& o, const Context& context) {
  OnCase(o.base, context, [&](app::WorkflowContext& w, CaseId id) -> Status {
    if (auto set = app::SetContactPointStatus(w, id, o.contact_point, o.status, o.source); !set) return set;
    Done(context, o.base.workflow, {{"contact_point", o.contact_point}, {"status", o.status}},
         "contact point " + std::to_string(o.contact_point) + ": " + o.status);
    return Ok{};
  });
}

struct AddPointOptions {
  CaseOptions base;
  app::NewContactPoint point;
};

void RunAddContact(const AddPointOptions& o, const Context& context) {
  OnCase(o.base, context, [&](app::WorkflowContext& w, CaseId id) -> Status {
    auto point = app::AddContactPoint(w, id, o.point);
    if (!point) return Fail(point.error());
    Done(context, o.base.workflow, {{"case", id.value}, {"contact_point", *point}},
         "contact point " + std::to_string(*point) + " added (unverified)");
    return Ok{};
  });
}

struct SituationOptions {
  CaseOptions base;
  std::string reason;
  std::string income;
  std::string expenses;
  std::string other_debts = "0";
};

void RunSituation(const SituationOptions& o, const Context& context) {
  app::SituationRequest request;
  if (!o.reason.empty()) {
    request.reason = ParseDelinquencyReason(o.reason);
    if (!request.reason) {
      throw UsageError("--reason: job_loss, illness, business_failure, forgot, dispute, fraud, unwilling or other");
    }
  }
  if (!o.income.empty() || !o.expenses.empty()) {
    if (o.income.empty() || o.expenses.empty()) throw UsageError("--income: give both --income and --expenses");
    request.finances = FinancialSituation{AmountOption(o.income, "--income"), AmountOption(o.expenses, "--expenses"),
                                          AmountOption(o.other_debts, "--other-debts")};
  }
  OnCase(o.base, context, [&](app::WorkflowContext& w, CaseId id) -> Status {
    auto capacity = app::RecordSituation(w, id, request);
    if (!capacity) return Fail(capacity.error());
    boost::json::object json{{"case", id.value}};
    if (*capacity) json["repayment_capacity"] = FormatAmount(**capacity);
    Done(context, o.base.workflow, std::move(json),
         *capacity ? "repayment capacity about " + FormatMoney(**capacity) + " a month" : "recorded");
    return Ok{};
  });
}

struct PromiseOptions {
  CaseOptions base;
  std::string amount;
  std::string date;
  std::string channel = "transfer";
};

void RunPromise(const PromiseOptions& o, const Context& context) {
  const Money amount = AmountOption(o.amount, "--amount");
  const Date date = DateOption(o.date, "--date");
  OnCase(o.base, context, [&](app::WorkflowContext& w, CaseId id) -> Status {
    auto promise = app::RecordPromise(w, id, amount, date, o.channel);
    if (!promise) return Fail(promise.error());
    Done(context, o.base.workflow, {{"case", id.value}, {"promise", *promise}},
         "promise " + std::to_string(*promise) + ": " + FormatMoney(amount) + " by " + date.ToString());
    return Ok{};
  });
}

struct EvaluateOptions {
  WorkflowOptions workflow;
  std::string id;
};

void RunEvaluate(const EvaluateOptions& o, const Context& context) {
  RunWorkflow(o.workflow, context, [&](app::WorkflowContext& w) -> Status {
    Result<app::Evaluation> evaluation = app::Evaluation{};
    if (o.id.empty()) {
      evaluation = app::EvaluateAll(w);
    } else {
      auto id = ResolveCase(w, o.id);
      if (!id) return Fail(id.error());
      evaluation = app::EvaluateCase(w, *id);
    }
    if (!evaluation) return Fail(evaluation.error());
    const app::Evaluation& e = *evaluation;
    Done(context, o.workflow,
         {{"promises_kept", e.promises_kept},
          {"promises_partly_kept", e.promises_partly_kept},
          {"promises_broken", e.promises_broken},
          {"installments_kept", e.installments_kept},
          {"installments_broken", e.installments_broken},
          {"arrangement_failed", e.arrangement_failed},
          {"arrangement_completed", e.arrangement_completed},
          {"closed", e.closed}},
         "promises kept " + std::to_string(e.promises_kept) + ", partly kept " + std::to_string(e.promises_partly_kept) +
             ", broken " + std::to_string(e.promises_broken) + "; installments kept " +
             std::to_string(e.installments_kept) + ", broken " + std::to_string(e.installments_broken) +
             (e.closed ? "; closed" : ""));
    return Ok{};
  });
}

}  // namespace

void AddCaseWork(CLI::App& group, Selection& selection) {
  {
    auto options = std::make_shared<OpenDueOptions>();
    CLI::App* command = group.add_subcommand("open-due", "Open cases for customers past due (the daily cycle does this)");
    command->fallthrough();
    AddWorkflowOptions(*command, options->workflow);
    OnChosen(*command, selection, options, &RunOpenDue);
  }
  {
    auto options = std::make_shared<CaseOptions>();
    CLI::App* command = CaseCommand(group, "stage", "Move a case to another stage", *options, "STAGE",
                                    "reminding, negotiating, arrangement, follow_up, escalated");
    command->add_option("--reason", options->reason, "why")->required();
    OnChosen(*command, selection, options, &RunStage);
  }
  {
    auto options = std::make_shared<CaseOptions>();
    CLI::App* command = CaseCommand(group, "assign", "Give a case to a collector", *options, "LOGIN", "the new owner");
    OnChosen(*command, selection, options, &RunAssign);
  }
  {
    auto options = std::make_shared<CaseOptions>();
    CLI::App* command = CaseCommand(group, "hold", "Hold or limit collection", *options, "KIND",
                                    "dispute, cease_contact, complaint, hardship, vulnerable, deceased, bankruptcy, "
                                    "litigation, plan_in_force");
    command->add_option("--reason", options->reason, "why")->required();
    OnChosen(*command, selection, options, &RunHold);
  }
  {
    auto options = std::make_shared<CaseOptions>();
    CLI::App* command = CaseCommand(group, "release", "Release a hold", *options, "HOLD", "the hold's id");
    command->add_option("--reason", options->reason, "why")->required();
    OnChosen(*command, selection, options, &RunRelease);
  }
  {
    auto options = std::make_shared<CaseOptions>();
    CLI::App* command = CaseCommand(group, "close", "Close a case", *options, "REASON",
                                    "paid_in_full, settled, written_off, recalled, deceased, bankrupt");
    command->add_option("--note", options->reason, "a note on the closure");
    OnChosen(*command, selection, options, &RunClose);
  }
  {
    auto options = std::make_shared<ContactOptions>();
    CLI::App* command = CaseCommand(group, "contact", "Log a contact attempt (judged by compliance first)",
                                    options->base);
    command->add_option("--channel", options->request.channel, "call, sms, email, letter or visit")->required();
    command->add_option("--outcome", options->request.outcome, "no_answer, right_party_contact, promise, ...")
        ->required();
    command->add_option("--party", options->request.party, "debtor (default), guarantor, emergency_contact, third_party");
    command->add_flag("--inbound", options->request.inbound, "the debtor contacted us");
    command->add_option("--contact-point", options->contact_point, "the contact point used (its id)");
    command->add_option("--notes", options->request.notes, "what was said (screened by the language rules)");
    command->add_option("--message", options->request.message, "the text sent, for SMS, email and letters");
    command->add_option("--verify-name", options->verify_name, "right-party verification: the name given");
    command->add_option("--verify-id", options->verify_id, "right-party verification: the id number's last digits");
    command->add_option("--collectors", options->collectors, "field visit: how many collectors went");
    OnChosen(*command, selection, options, &RunContact);
  }
  {
    auto options = std::make_shared<PointOptions>();
    CLI::App* command = CaseCommand(group, "contact-point", "Mark a contact point verified, invalid ...", options->base);
    command->add_option("--id", options->contact_point, "the contact point")->required();
    command->add_option("--status", options->status, "unverified, verified, invalid or wrong_party")->required();
    command->add_option("--source", options->source, "who said so (debtor, agent, bureau ...)")->required();
    OnChosen(*command, selection, options, &RunContactPoint);
  }
  {
    auto options = std::make_shared<AddPointOptions>();
    CLI::App* command = CaseCommand(group, "add-contact", "Add a phone, email or address for the debtor", options->base);
    command->add_option("--kind", options->point.kind, "mobile, landline, email or address")->required();
    command->add_option("--value", options->point.value, "the number, address ...")->required();
    command->add_option("--relation", options->point.relation, "self (default), spouse, parent, ...");
    command->add_option("--source", options->point.source, "debtor, collector, skip_trace ...")->required();
    OnChosen(*command, selection, options, &RunAddContact);
  }
  {
    auto options = std::make_shared<SituationOptions>();
    CLI::App* command = CaseCommand(group, "situation", "Record why the debtor fell behind and their monthly means",
                                    options->base);
    command->add_option("--reason", options->reason, "job_loss, illness, business_failure, forgot, ...");
    command->add_option("--income", options->income, "monthly income, e.g. 8000.00");
    command->add_option("--expenses", options->expenses, "monthly living expenses");
    command->add_option("--other-debts", options->other_debts, "monthly payments on other debts (default 0)");
    OnChosen(*command, selection, options, &RunSituation);
  }
  {
    auto options = std::make_shared<PromiseOptions>();
    CLI::App* command = CaseCommand(group, "promise", "Record a promise to pay", options->base);
    command->add_option("--amount", options->amount, "the amount promised, e.g. 500.00")->required();
    command->add_option("--date", options->date, "by when, YYYY-MM-DD")->required();
    command->add_option("--channel", options->channel, "how it will be paid (default transfer)");
    OnChosen(*command, selection, options, &RunPromise);
  }
  {
    auto options = std::make_shared<EvaluateOptions>();
    CLI::App* command = group.add_subcommand(
        "evaluate", "Judge promises and installments on the payments received; close cases paid off");
    command->fallthrough();
    command->add_option("CASE", options->id, "one case (default: every case with an open commitment)");
    AddWorkflowOptions(*command, options->workflow);
    OnChosen(*command, selection, options, &RunEvaluate);
  }
}

}  // namespace arrears::cli
