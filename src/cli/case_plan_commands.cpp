// arrears case plan, arrears approval list | approve | reject: arrangements
// within the officer's authority, and the approvals beyond it.
#include <CLI/CLI.hpp>
#include <memory>

#include "app/workflow/commitments.hpp"
#include "cli/case_argument.hpp"
#include "cli/json_output.hpp"
#include "cli/text_table.hpp"
#include "cli/usage_error.hpp"
#include "cli/workflow_session.hpp"

namespace arrears::cli {

namespace {

struct PlanOptions {
  WorkflowOptions workflow;
  std::string id;
  std::string kind = "installment";
  int periods = 1;
  int deferral_days = 0;
  std::string first_due;
  std::vector<std::string> waive;  // component=share
};

ArrangementTerms Terms(const PlanOptions& o) {
  ArrangementTerms terms;
  const auto kind = ParseArrangementKind(o.kind);
  if (!kind) throw UsageError("--kind: installment, deferral or settlement, not '" + o.kind + "'");
  terms.kind = *kind;
  terms.periods = o.periods;
  terms.deferral_days = o.deferral_days;
  terms.first_due = DateOption(o.first_due, "--first-due");
  for (const std::string& item : o.waive) {
    const std::size_t equals = item.find('=');
    if (equals == std::string::npos) throw UsageError("--waive: COMPONENT=SHARE, e.g. penalty_interest=100%");
    const auto component = ParseComponent(item.substr(0, equals));
    if (!component) throw UsageError("--waive: unknown component '" + item.substr(0, equals) + "'");
    terms.waiver_ppm[static_cast<std::size_t>(*component)] =
        Require(ParseShare(item.substr(equals + 1), "--waive"), "--waive");
  }
  return terms;
}

void RunPlan(const PlanOptions& o, const Context& context) {
  const ArrangementTerms terms = Terms(o);
  RunWorkflow(o.workflow, context, [&](app::WorkflowContext& w) -> Status {
    auto id = ResolveCase(w, o.id);
    if (!id) return Fail(id.error());
    auto proposal = app::ProposeArrangement(w, *id, terms);
    if (!proposal) return Fail(proposal.error());
    if (o.workflow.json) {
      boost::json::array beyond;
      for (const std::string& b : proposal->beyond_authority) beyond.push_back(boost::json::string(b));
      boost::json::array installments;
      for (const PlannedInstallment& i : proposal->plan.installments) {
        installments.push_back(
            boost::json::object{{"number", i.number}, {"due", i.due.ToString()}, {"amount", FormatAmount(i.amount)}});
      }
      PrintJson(context.out,
                boost::json::object{{"case", id->value},
                                    {"arrangement", proposal->arrangement_id},
                                    {"status", proposal->status},
                                    {"approval", proposal->approval_id ? boost::json::value(*proposal->approval_id)
                                                                       : boost::json::value(nullptr)},
                                    {"beyond_authority", std::move(beyond)},
                                    {"owed", FormatAmount(proposal->plan.owed)},
                                    {"waived", FormatAmount(proposal->plan.waived_total)},
                                    {"to_pay", FormatAmount(proposal->plan.to_pay)},
                                    {"installments", std::move(installments)}});
      return Ok{};
    }
    context.out << "arrangement " << proposal->arrangement_id << ": " << proposal->status << ", "
                << FormatMoney(proposal->plan.to_pay) << " to pay";
    if (proposal->plan.waived_total.minor_units() > 0) {
      context.out << " (" << FormatMoney(proposal->plan.waived_total) << " waived)";
    }
    context.out << '\n';
    if (proposal->approval_id) {
      context.out << "beyond your authority, approval " << *proposal->approval_id << " requested:\n";
      for (const std::string& b : proposal->beyond_authority) context.out << "  " << b << '\n';
    }
    TextTable table({"no. 期数", "due 到期日", "amount 金额"});
    for (const PlannedInstallment& i : proposal->plan.installments) {
      table.AddRow({std::to_string(i.number), i.due.ToString(), FormatAmount(i.amount)});
    }
    table.Print(context.out);
    return Ok{};
  });
}

struct DecideOptions {
  WorkflowOptions workflow;
  std::int64_t approval = 0;
  std::string reason;
};

void Decide(const DecideOptions& o, const Context& context, bool approve) {
  RunWorkflow(o.workflow, context, [&](app::WorkflowContext& w) -> Status {
    auto decided = app::DecideApproval(w, o.approval, approve, o.reason);
    if (!decided) return Fail(decided.error());
    if (o.workflow.json) {
      PrintJson(context.out, boost::json::object{{"approval", decided->id},
                                                 {"status", decided->status},
                                                 {"case", decided->case_id.value}});
    } else {
      context.out << "approval " << decided->id << " " << decided->status << '\n';
    }
    return Ok{};
  });
}
void RunApprove(const DecideOptions& o, const Context& context) { Decide(o, context, true); }
void RunReject(const DecideOptions& o, const Context& context) { Decide(o, context, false); }

struct ListOptions {
  WorkflowOptions workflow;
};

void RunList(const ListOptions& o, const Context& context) {
  RunWorkflow(o.workflow, context, [&](app::WorkflowContext& w) -> Status {
    auto pending = app::PendingApprovals(w);
    if (!pending) return Fail(pending.error());
    if (o.workflow.json) {
      boost::json::array items;
      for (const app::ApprovalRecord& a : *pending) {
        items.push_back(boost::json::object{{"id", a.id},
                                            {"case", a.case_id.value},
                                            {"subject", a.subject},
                                            {"subject_id", a.subject_id},
                                            {"reasons", a.reasons},
                                            {"requested_by", a.requested_by},
                                            {"requested_at", a.requested_at},
                                            {"expires_at", a.expires_at}});
      }
      PrintJson(context.out, boost::json::object{{"approvals", std::move(items)}});
      return Ok{};
    }
    TextTable table({"approval 审批", "case 案件", "what", "why 原因", "by 申请人", "expires 到期"});
    for (const app::ApprovalRecord& a : *pending) {
      table.AddRow({std::to_string(a.id), std::to_string(a.case_id.value),
                    a.subject + " " + std::to_string(a.subject_id), a.reasons, a.requested_by, a.expires_at});
    }
    table.Print(context.out);
    return Ok{};
  });
}

}  // namespace

void AddCasePlan(CLI::App& group, Selection& selection) {
  auto options = std::make_shared<PlanOptions>();
  CLI::App* command = group.add_subcommand("plan", "Propose an installment plan, deferral or settlement");
  command->fallthrough();
  command->add_option("CASE", options->id, "the case id, or the customer's reference")->required();
  command->add_option("--kind", options->kind, "installment (default), deferral or settlement");
  command->add_option("--periods", options->periods, "monthly installments (installment plans)");
  command->add_option("--deferral-days", options->deferral_days, "days the overdue amount moves (deferral)");
  command->add_option("--first-due", options->first_due, "the first installment's date, YYYY-MM-DD")->required();
  command->add_option("--waive", options->waive, "COMPONENT=SHARE waived (settlement), e.g. penalty_interest=100%");
  AddWorkflowOptions(*command, options->workflow);
  OnChosen(*command, selection, options, &RunPlan);
}

void AddApprovalCommands(CLI::App& group, Selection& selection) {
  {
    auto options = std::make_shared<ListOptions>();
    CLI::App* command = group.add_subcommand("list", "Approvals waiting for a decision");
    command->fallthrough();
    AddWorkflowOptions(*command, options->workflow);
    OnChosen(*command, selection, options, &RunList);
  }
  for (const bool approve : {true, false}) {
    auto options = std::make_shared<DecideOptions>();
    CLI::App* command = group.add_subcommand(approve ? "approve" : "reject",
                                             approve ? "Approve a request (not your own)" : "Reject a request");
    command->fallthrough();
    command->add_option("APPROVAL", options->approval, "the approval's id")->required();
    command->add_option("--reason", options->reason, "why")->required();
    AddWorkflowOptions(*command, options->workflow);
    OnChosen(*command, selection, options, approve ? &RunApprove : &RunReject);
  }
}

}  // namespace arrears::cli
