// arrears case dispute | resolve-dispute | letter | visit | visit-result |
// legal | legal-update | legal-return | upload | documents | download.
#include <CLI/CLI.hpp>
#include <fstream>
#include <iterator>
#include <memory>
#include <sstream>

#include "app/workflow/disputes.hpp"
#include "app/workflow/documents.hpp"
#include "app/workflow/escalation.hpp"
#include "cli/case_argument.hpp"
#include "cli/json_output.hpp"
#include "cli/text_table.hpp"
#include "cli/usage_error.hpp"
#include "cli/workflow_session.hpp"
#include "http/json_mapping.hpp"

namespace arrears::cli {

namespace {

struct Options {
  WorkflowOptions workflow;
  std::string id;
  std::int64_t target = 0;  // dispute, visit, matter or document id
  std::string kind;
  std::string account;
  std::string description;
  std::string component;
  std::string amount;
  bool upheld = false;
  bool rejected = false;
  std::string reason;
  std::string date;
  std::vector<std::string> collectors;
  std::string outcome;
  std::string result;
  std::string file;
  std::string type;
  std::string out;
  // legal-update
  std::string status, court, court_case_number, filed_on, hearing_on, judgment_amount, judgment_on, enforcement, costs;
  bool assets_frozen = false;
};

void Say(const Context& context, const Options& o, boost::json::object json, const std::string& text) {
  if (o.workflow.json) {
    PrintJson(context.out, json);
  } else {
    context.out << text << '\n';
  }
}

template <class Body>
void OnCase(const Options& o, const Context& context, Body body) {
  RunWorkflow(o.workflow, context, [&](app::WorkflowContext& workflow) -> Status {
    auto id = ResolveCase(workflow, o.id);
    if (!id) return Fail(id.error());
    return body(workflow, *id);
  });
}

void RunDispute(const Options& o, const Context& context) {
  app::DisputeRequest request{o.account, o.kind, o.description, std::nullopt, std::nullopt};
  if (!o.component.empty()) {
    request.component = ParseComponent(o.component);
    if (!request.component) throw UsageError("--component: unknown component '" + o.component + "'");
  }
  if (!o.amount.empty()) request.amount = AmountOption(o.amount, "--amount");
  OnCase(o, context, [&](app::WorkflowContext& w, CaseId id) -> Status {
    auto dispute = app::OpenDispute(w, id, request);
    if (!dispute) return Fail(dispute.error());
    Say(context, o, {{"case", id.value}, {"dispute", *dispute}},
        "dispute " + std::to_string(*dispute) + " opened; collection of " + o.account + " holds");
    return Ok{};
  });
}

void RunResolve(const Options& o, const Context& context) {
  if (o.upheld == o.rejected) throw UsageError("--upheld: say --upheld or --rejected");
  OnCase(o, context, [&](app::WorkflowContext& w, CaseId id) -> Status {
    if (auto resolved = app::ResolveDispute(w, id, o.target, o.upheld, o.reason); !resolved) return resolved;
    Say(context, o, {{"dispute", o.target}, {"status", o.upheld ? "upheld" : "rejected"}},
        "dispute " + std::to_string(o.target) + (o.upheld ? " upheld" : " rejected"));
    return Ok{};
  });
}

void RunLetter(const Options& o, const Context& context) {
  OnCase(o, context, [&](app::WorkflowContext& w, CaseId id) -> Status {
    auto letter = app::RequestLetter(w, id, o.kind);
    if (!letter) return Fail(letter.error());
    Say(context, o, {{"case", id.value}, {"letter_request", *letter}},
        o.kind + " requested (" + std::to_string(*letter) + ")");
    return Ok{};
  });
}

void RunVisit(const Options& o, const Context& context) {
  const Date date = DateOption(o.date, "--date");
  OnCase(o, context, [&](app::WorkflowContext& w, CaseId id) -> Status {
    auto visit = app::ScheduleFieldVisit(w, id, date, o.collectors);
    if (!visit) return Fail(visit.error());
    Say(context, o, {{"case", id.value}, {"visit", *visit}}, "field visit " + std::to_string(*visit) + " planned");
    return Ok{};
  });
}

void RunVisitResult(const Options& o, const Context& context) {
  bool refused = false;
  OnCase(o, context, [&](app::WorkflowContext& w, CaseId id) -> Status {
    auto logged = app::RecordFieldVisit(w, id, o.target, o.outcome, o.result);
    if (!logged) return Fail(logged.error());
    refused = !logged->made;
    std::string text = logged->made ? "visit recorded" : "refused by compliance:";
    for (const std::string& reason : logged->reasons) text += "\n  " + reason;
    Say(context, o, {{"visit", o.target}, {"made", logged->made}, {"verdict", logged->verdict}}, text);
    return Ok{};
  });
  if (refused) throw ExitStatus{1};
}

void RunLegal(const Options& o, const Context& context) {
  OnCase(o, context, [&](app::WorkflowContext& w, CaseId id) -> Status {
    auto matter = app::TransferToLegal(w, id, o.reason);
    if (!matter) return Fail(matter.error());
    Say(context, o, {{"case", id.value}, {"legal_matter", *matter}},
        "transferred to legal: matter " + std::to_string(*matter));
    return Ok{};
  });
}

void RunLegalUpdate(const Options& o, const Context& context) {
  app::LegalUpdate update;
  if (!o.status.empty()) update.status = o.status;
  if (!o.court.empty()) update.court = o.court;
  if (!o.court_case_number.empty()) update.court_case_number = o.court_case_number;
  if (!o.filed_on.empty()) update.filed_on = DateOption(o.filed_on, "--filed-on");
  if (!o.hearing_on.empty()) update.next_hearing_on = DateOption(o.hearing_on, "--hearing-on");
  if (!o.judgment_amount.empty()) update.judgment_amount = AmountOption(o.judgment_amount, "--judgment-amount");
  if (!o.judgment_on.empty()) update.judgment_on = DateOption(o.judgment_on, "--judgment-on");
  if (!o.enforcement.empty()) update.enforcement = o.enforcement;
  if (o.assets_frozen) update.assets_frozen = true;
  if (!o.costs.empty()) update.add_costs = AmountOption(o.costs, "--costs");
  OnCase(o, context, [&](app::WorkflowContext& w, CaseId id) -> Status {
    if (auto updated = app::UpdateLegalMatter(w, id, o.target, update); !updated) return updated;
    Say(context, o, {{"legal_matter", o.target}}, "legal matter " + std::to_string(o.target) + " updated");
    return Ok{};
  });
}

void RunLegalReturn(const Options& o, const Context& context) {
  OnCase(o, context, [&](app::WorkflowContext& w, CaseId id) -> Status {
    if (auto returned = app::ReturnFromLegal(w, id, o.target, o.reason); !returned) return returned;
    Say(context, o, {{"legal_matter", o.target}, {"status", "returned"}}, "returned from legal");
    return Ok{};
  });
}

void RunUpload(const Options& o, const Context& context) {
  std::ifstream in(o.file, std::ios::binary);
  if (!in) throw UsageError("FILE: cannot read " + o.file);
  app::Upload upload;
  upload.kind = o.kind.empty() ? "evidence" : o.kind;
  upload.file_name = o.file.substr(o.file.find_last_of('/') + 1);
  upload.content.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  if (!o.type.empty()) {
    upload.declared = ParseDocumentType(o.type);
    if (!upload.declared) throw UsageError("--type: pdf, jpeg or png, not '" + o.type + "'");
  }
  OnCase(o, context, [&](app::WorkflowContext& w, CaseId id) -> Status {
    auto info = app::UploadDocument(w, id, upload);
    if (!info) return Fail(info.error());
    Say(context, o, {{"document", info->id}, {"media_type", info->media_type}, {"sha256", info->sha256}},
        "document " + std::to_string(info->id) + " (" + info->media_type + ", sha256 " + info->sha256 + ")");
    return Ok{};
  });
}

void RunDocuments(const Options& o, const Context& context) {
  OnCase(o, context, [&](app::WorkflowContext& w, CaseId id) -> Status {
    auto documents = app::ListDocuments(w, id);
    if (!documents) return Fail(documents.error());
    if (o.workflow.json) {
      boost::json::array items;
      for (const app::DocumentInfo& d : *documents) items.push_back(http::DocumentInfoToJson(d));
      PrintJson(context.out, boost::json::object{{"documents", std::move(items)}});
      return Ok{};
    }
    TextTable table({"id", "kind", "file", "type", "bytes", "by", "at"});
    for (const app::DocumentInfo& d : *documents) {
      table.AddRow({std::to_string(d.id), d.kind, d.file_name, d.media_type, std::to_string(d.size_bytes),
                    d.uploaded_by, d.uploaded_at});
    }
    table.Print(context.out);
    return Ok{};
  });
}

void RunDownload(const Options& o, const Context& context) {
  OnCase(o, context, [&](app::WorkflowContext& w, CaseId id) -> Status {
    auto document = app::DownloadDocument(w, id, o.target);
    if (!document) return Fail(document.error());
    if (o.out.empty()) throw UsageError("--out: where to write the document");
    std::ofstream file(o.out, std::ios::binary);
    file.write(document->content.data(), static_cast<std::streamsize>(document->content.size()));
    if (!file) throw UsageError("--out: cannot write " + o.out);
    Say(context, o, {{"document", o.target}, {"out", o.out}}, "wrote " + o.out);
    return Ok{};
  });
}

CLI::App* Command(CLI::App& group, Selection& selection, const char* name, const char* help,
                  void (*run)(const Options&, const Context&), std::shared_ptr<Options>& options,
                  const char* target = nullptr) {
  options = std::make_shared<Options>();
  CLI::App* command = group.add_subcommand(name, help);
  command->fallthrough();
  command->add_option("CASE", options->id, "the case id, or the customer's reference")->required();
  if (target) command->add_option(target, options->target, "its id")->required();
  AddWorkflowOptions(*command, options->workflow);
  OnChosen(*command, selection, options, run);
  return command;
}

}  // namespace

void AddCaseEscalation(CLI::App& group, Selection& selection) {
  std::shared_ptr<Options> o;
  CLI::App* c = Command(group, selection, "dispute", "Record a dispute; collection of the account holds", &RunDispute, o);
  c->add_option("--account", o->account, "the disputed account's reference")->required();
  c->add_option("--kind", o->kind, "amount_or_fee, not_my_debt, already_paid, fraud, service_complaint")->required();
  c->add_option("--description", o->description, "what the debtor says")->required();
  c->add_option("--component", o->component, "the component contested (late_fee, penalty_interest ...)");
  c->add_option("--amount", o->amount, "the amount contested");

  c = Command(group, selection, "resolve-dispute", "Uphold or reject a dispute", &RunResolve, o, "DISPUTE");
  c->add_flag("--upheld", o->upheld, "the debtor is right: the contested amount is reversed");
  c->add_flag("--rejected", o->rejected, "the debt stands");
  c->add_option("--reason", o->reason, "why")->required();

  c = Command(group, selection, "letter", "Request a collection letter or a lawyer's letter", &RunLetter, o);
  c->add_option("KIND", o->kind, "collection_letter or lawyer_letter")->required();

  c = Command(group, selection, "visit", "Plan a field visit", &RunVisit, o);
  c->add_option("--date", o->date, "YYYY-MM-DD")->required();
  c->add_option("--collectors", o->collectors, "the collectors going (at least two)")->required()->delimiter(',');

  c = Command(group, selection, "visit-result", "Record how a field visit went", &RunVisitResult, o, "VISIT");
  c->add_option("--outcome", o->outcome, "visited_met or visited_not_met")->required();
  c->add_option("--result", o->result, "what happened")->required();

  c = Command(group, selection, "legal", "Transfer a case to legal", &RunLegal, o);
  c->add_option("--reason", o->reason, "why")->required();

  c = Command(group, selection, "legal-update", "Record a legal matter's progress", &RunLegalUpdate, o, "MATTER");
  c->add_option("--status", o->status, "preparing, filed, hearing, judgment, enforcement, closed");
  c->add_option("--court", o->court, "the court");
  c->add_option("--court-case-number", o->court_case_number, "the court's case number");
  c->add_option("--filed-on", o->filed_on, "filing date");
  c->add_option("--hearing-on", o->hearing_on, "next hearing");
  c->add_option("--judgment-amount", o->judgment_amount, "the amount awarded");
  c->add_option("--judgment-on", o->judgment_on, "judgment date");
  c->add_option("--enforcement", o->enforcement, "enforcement steps");
  c->add_flag("--assets-frozen", o->assets_frozen, "the debtor's assets are frozen");
  c->add_option("--costs", o->costs, "legal costs to add");

  c = Command(group, selection, "legal-return", "Return a case from legal to negotiation", &RunLegalReturn, o, "MATTER");
  c->add_option("--reason", o->reason, "why")->required();

  c = Command(group, selection, "upload", "Attach evidence (PDF, JPEG, PNG) to a case", &RunUpload, o);
  c->add_option("FILE", o->file, "the file")->required();
  c->add_option("--type", o->type, "what the file is: pdf, jpeg or png (checked against its content)");
  c->add_option("--kind", o->kind, "evidence (default), id_copy, court_filing ...");

  Command(group, selection, "documents", "List a case's documents", &RunDocuments, o);

  c = Command(group, selection, "download", "Write a document to a file", &RunDownload, o, "DOCUMENT");
  c->add_option("--out", o->out, "the file to write")->required();
}

}  // namespace arrears::cli
