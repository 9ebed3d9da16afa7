// arrears case show | timeline | list-approvals: reading a case. `case show`
// gives the stage, holds, owner, the accounts with the overdue split by
// component, open promises and arrangements; `case timeline` everything
// that happened on the case in time order.
#include <CLI/CLI.hpp>
#include <memory>

#include "app/workflow/cases.hpp"
#include "app/workflow/commitments.hpp"
#include "cli/case_argument.hpp"
#include "cli/json_output.hpp"
#include "cli/text_table.hpp"
#include "cli/workflow_session.hpp"
#include "http/json_mapping.hpp"

namespace arrears::cli {

namespace {

struct ShowOptions {
  WorkflowOptions workflow;
  std::string id;
};

std::string Amount(Money money) { return FormatAmount(money); }

void PrintCase(std::ostream& out, const app::CaseRecord& c) {
  PrintFacts(out, {{"case 案件", std::to_string(c.id.value)},
                   {"customer 客户", c.customer_ref + " " + c.customer_name + " (" + c.id_number_masked + ")"},
                   {"stage 阶段", std::string(CaseStageName(c.stage)) +
                                    (c.close_reason.empty() ? "" : " (" + c.close_reason + ")")},
                   {"owner 负责人", c.owner.empty() ? "-" : c.owner},
                   {"bucket 账龄", c.Bucket() + ", " + std::to_string(c.MaxDaysPastDue()) + " days past due"},
                   {"overdue 逾期金额", FormatMoney(c.Overdue().TotalOverdue())},
                   {"reason 逾期原因", c.delinquency_reason.empty() ? "-" : c.delinquency_reason},
                   {"capacity 还款能力", c.repayment_capacity ? FormatMoney(*c.repayment_capacity) + " a month" : "-"}});
  TextTable accounts({"account 账户", "product", "DPD", "principal 本金", "interest 利息", "penalty 罚息",
                      "compound 复利", "fees 费用", "overdue 逾期合计"});
  for (const app::CaseAccount& a : c.accounts) {
    const Balance& b = a.balance;
    const Money fees = b.Overdue(Component::kLateFee) + b.Overdue(Component::kInstallmentFee) +
                       b.Overdue(Component::kOtherFee);
    accounts.AddRow({a.account_ref, a.product_type, std::to_string(a.days_past_due),
                     Amount(b.Overdue(Component::kPrincipal)), Amount(b.Overdue(Component::kInterest)),
                     Amount(b.Overdue(Component::kPenaltyInterest)), Amount(b.Overdue(Component::kCompoundInterest)),
                     Amount(fees), Amount(b.TotalOverdue())});
  }
  out << '\n';
  accounts.Print(out);
  if (!c.contact_points.empty()) {
    out << "\ncontact points 联系方式:\n";
    for (const app::ContactPoint& p : c.contact_points) {
      out << "  " << p.id << "  " << p.kind << " " << p.value_masked << " (" << p.relation << ", " << p.status
          << ", source " << p.source << ")\n";
    }
  }
  if (!c.holds.empty()) {
    out << "\nholds 暂停/限制:\n";
    for (const app::Hold& h : c.holds) {
      out << "  " << h.id << "  " << HoldKindName(h.kind) << ": " << h.reason << " (" << h.placed_by << ", "
          << h.placed_at << ")\n";
    }
  }
  bool any_promise = false;
  for (const app::PromiseRecord& p : c.promises) {
    if (p.status != PromiseStatus::kOpen) continue;
    if (!any_promise) out << "\nopen promises 承诺还款:\n";
    any_promise = true;
    out << "  " << p.id << "  " << Amount(p.terms.amount) << " by " << p.terms.due.ToString() << " (" << p.channel
        << ")\n";
  }
  for (const app::ArrangementRecord& a : c.arrangements) {
    if (a.status != "active" && a.status != "pending_approval") continue;
    out << "\narrangement 还款安排 " << a.id << ": " << ArrangementKindName(a.kind) << ", " << a.status << ", "
        << Amount(a.to_pay) << " to pay" << (a.waiver.empty() ? "" : " after waiving " + a.waiver) << "\n";
    for (const app::InstallmentRecord& i : a.installments) {
      out << "  " << i.number << "  " << i.due.ToString() << "  " << Amount(i.amount) << "  "
          << PromiseStatusName(i.status) << "\n";
    }
  }
}

void RunShow(const ShowOptions& o, const Context& context) {
  RunWorkflow(o.workflow, context, [&](app::WorkflowContext& workflow) -> Status {
    auto id = ResolveCase(workflow, o.id);
    if (!id) return Fail(id.error());
    auto record = app::ShowCase(workflow, *id);
    if (!record) return Fail(record.error());
    if (o.workflow.json) {
      PrintJson(context.out, http::CaseToJson(*record));
    } else {
      PrintCase(context.out, *record);
    }
    return Ok{};
  });
}

void RunTimeline(const ShowOptions& o, const Context& context) {
  RunWorkflow(o.workflow, context, [&](app::WorkflowContext& workflow) -> Status {
    auto id = ResolveCase(workflow, o.id);
    if (!id) return Fail(id.error());
    auto entries = app::CaseTimeline(workflow, *id);
    if (!entries) return Fail(entries.error());
    if (o.workflow.json) {
      boost::json::array items;
      for (const app::TimelineEntry& e : *entries) {
        items.push_back(boost::json::object{{"at", e.at}, {"kind", e.kind}, {"actor", e.actor}, {"summary", e.summary}});
      }
      PrintJson(context.out, boost::json::object{{"case", id->value}, {"timeline", std::move(items)}});
      return Ok{};
    }
    TextTable table({"at (UTC)", "what 事项", "who 操作人", "summary 摘要"});
    for (const app::TimelineEntry& e : *entries) table.AddRow({e.at, e.kind, e.actor, e.summary});
    table.Print(context.out);
    return Ok{};
  });
}

void AddShowCommand(CLI::App& group, Selection& selection, const char* name, const char* help,
                    void (*run)(const ShowOptions&, const Context&)) {
  auto options = std::make_shared<ShowOptions>();
  CLI::App* command = group.add_subcommand(name, help);
  command->fallthrough();
  command->add_option("CASE", options->id, "the case id, or the customer's reference")->required();
  AddWorkflowOptions(*command, options->workflow);
  OnChosen(*command, selection, options, run);
}

}  // namespace

void AddCaseShow(CLI::App& group, Selection& selection) {
  AddShowCommand(group, selection, "show",
                 "Stage, holds, owner, accounts with the overdue split, open promises and arrangements", &RunShow);
  AddShowCommand(group, selection, "timeline", "Everything that happened on a case, in time order", &RunTimeline);
}

}  // namespace arrears::cli
