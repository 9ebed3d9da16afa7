// arrears import KIND FILE: a lender's file into the database, all or nothing
// (or --partial), with a rejects file and a progress line on a terminal.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>

#include "app/import/import_file.hpp"
#include "app/import/row_validation.hpp"
#include "cli/command.hpp"
#include "cli/database_options.hpp"
#include "app/workflow/commitments.hpp"
#include "cli/json_output.hpp"
#include "cli/workflow_session.hpp"
#include "store/workflow/sql_workflow_store.hpp"
#include "cli/usage_error.hpp"
#include "files/csv_field.hpp"
#include "files/record_source.hpp"
#include "store/import/sql_import_store.hpp"

namespace arrears::cli {

namespace {

struct Options {
  DatabaseOptions database;
  std::string kind;
  std::string file;
  std::string format;
  std::string encoding = "utf-8";
  std::string rejects;
  std::string actor;
  bool partial = false;
  std::string rules_dir = "config/rules";
  std::string policy_file = "config/workflow.yaml";
  bool json = false;
};

// Rows/s and an estimate of the time left, redrawn on one terminal line.
class Progress {
 public:
  Progress(std::uintmax_t file_bytes, const files::DecodedStream& stream)
      : enabled_(isatty(STDERR_FILENO) != 0), file_bytes_(file_bytes), stream_(stream),
        started_(std::chrono::steady_clock::now()) {}
  void Update(std::int64_t rows) {
    if (!enabled_) return;
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
    const double done = file_bytes_ ? static_cast<double>(stream_.raw_bytes_read()) / static_cast<double>(file_bytes_) : 1.0;
    const double eta = done > 0 ? seconds * (1 - done) / done : 0;
    std::fprintf(stderr, "\r%lld rows  %.0f rows/s  %3.0f%%  ETA %.0f s   ", static_cast<long long>(rows),
                 seconds > 0 ? static_cast<double>(rows) / seconds : 0.0, 100 * done, eta);
  }
  void Finish() {
    if (enabled_) std::fprintf(stderr, "\n");
  }

 private:
  bool enabled_;
  std::uintmax_t file_bytes_;
  const files::DecodedStream& stream_;
  std::chrono::steady_clock::time_point started_;
};

void Run(const Options& o, const Context& context) {
  const auto kind = app::ParseImportKind(o.kind);
  if (!kind) throw UsageError("KIND: '" + o.kind + "' is not customers, contacts, accounts or payments");
  const std::string format = !o.format.empty() ? o.format : (o.file.ends_with(".jsonl") ? "jsonl" : "csv");
  if (format != "csv" && format != "jsonl") throw UsageError("--format: '" + format + "' is not csv or jsonl");
  const auto encoding = files::ParseEncoding(o.encoding);
  if (!encoding) throw UsageError("--encoding: '" + o.encoding + "' is not utf-8 or gb18030");
  std::ifstream in(o.file, std::ios::binary);
  if (!in) throw UsageError("FILE: cannot read " + o.file);
  std::error_code size_error;
  const std::uintmax_t file_bytes = std::filesystem::file_size(o.file, size_error);

  auto database = OpenDatabaseOrFail(o.database);
  auto vault = LoadVaultOrFail(o.database);
  auto session = database->Acquire();
  RequireCurrentSchema(*session);

  const std::string rejects_path = o.rejects.empty() ? o.file + ".rejects.csv" : o.rejects;
  std::filesystem::remove(rejects_path, size_error);
  std::ofstream rejects;
  int shown = 0;
  const std::string file_name = std::filesystem::path(o.file).filename().string();
  app::ImportCallbacks callbacks;
  callbacks.on_rejection = [&](const app::Rejection& rejection) {
    if (!rejects.is_open()) {
      rejects.open(rejects_path, std::ios::trunc);
      rejects << "line,column,message\n";
    }
    rejects << rejection.line << ',' << files::CsvField(rejection.column) << ',' << files::CsvField(rejection.message) << '\n';
    if (++shown <= 20 && !o.json) {
      std::cerr << file_name << ':' << rejection.line << ": " << (rejection.column.empty() ? "" : rejection.column + ": ")
                << rejection.message << '\n';
    }
  };

  files::DecodedStream stream(in, *encoding);
  Progress progress(file_bytes, stream);
  callbacks.on_progress = [&](std::int64_t rows) { progress.Update(rows); };
  app::BatchInfo batch;
  batch.kind = *kind;
  batch.file_name = file_name;
  batch.format = format;
  batch.encoding = *encoding == files::Encoding::kUtf8 ? "utf-8" : "gb18030";
  batch.partial = o.partial;
  const char* user = std::getenv("USER");
  batch.actor = !o.actor.empty() ? o.actor : std::string("cli:") + (user ? user : "unknown");
  batch.now = context.clock.Now().ToString();
  store::SqlImportStore store(*session, *vault);

  app::ImportSummary summary;
  try {
    const auto source = files::OpenRecordSource(stream, format, *kind);
    summary = app::ImportFile(batch, *source, store, *vault, callbacks);
  } catch (const app::FileFormatError& e) {
    progress.Finish();
    throw UsageError(file_name + ":" + std::to_string(e.line()) + ": " + e.what() + " (nothing was imported)");
  }
  progress.Finish();
  if (rejects.is_open()) rejects.close();
  // Payments keep or break promises and installments, and may pay a case off: judge them now.
  std::optional<app::Evaluation> evaluation;
  if (summary.applied && *kind == app::ImportKind::kPayments && summary.batch_id &&
      !store::OpenCasesPaidInBatch(*session, *summary.batch_id).empty()) {
    WorkflowOptions workflow;
    workflow.database = o.database;
    workflow.as = "system";
    workflow.rules_dir = o.rules_dir;
    workflow.policy_file = o.policy_file;
    RunWorkflow(workflow, context, [&](app::WorkflowContext& w) -> Status {
      auto evaluated = app::EvaluatePaidCases(w, *summary.batch_id);
      if (!evaluated) return Fail(evaluated.error());
      evaluation = *evaluated;
      return Ok{};
    });
  }
  if (o.json) {
    boost::json::object out{{"read", summary.read},       {"inserted", summary.inserted},
                            {"updated", summary.updated}, {"unchanged", summary.unchanged},
                            {"rejected", summary.rejected}, {"applied", summary.applied}};
    if (summary.batch_id) out["batch_id"] = *summary.batch_id;
    if (summary.rejected > 0) out["rejects_file"] = rejects_path;
    if (evaluation) {
      out["cases"] = boost::json::object{{"promises_kept", evaluation->promises_kept},
                                         {"promises_partly_kept", evaluation->promises_partly_kept},
                                         {"installments_kept", evaluation->installments_kept},
                                         {"closed", evaluation->closed}};
    }
    PrintJson(context.out, out);
  } else {
    context.out << "read " << summary.read << ", inserted " << summary.inserted << ", updated " << summary.updated
                << ", unchanged " << summary.unchanged << ", rejected " << summary.rejected << '\n';
    if (summary.rejected > 0) context.out << "rejected rows are listed in " << rejects_path << '\n';
    if (evaluation) {
      context.out << "cases: promises kept " << evaluation->promises_kept << ", installments kept "
                  << evaluation->installments_kept << (evaluation->closed ? ", some closed as paid" : "") << '\n';
    }
    if (!summary.applied) {
      context.out << "nothing was imported: the file is one unit; fix the rows above or use --partial\n";
    }
  }
  if (!summary.applied) throw ExitStatus(2);
}

}  // namespace

void AddImport(CLI::App& app, Selection& selection) {
  auto options = std::make_shared<Options>();
  CLI::App* command = app.add_subcommand("import", "Import a lender's file: customers, contacts, accounts or payments");
  command->fallthrough();
  command->footer("Formats: docs/import-formats.md. The file is applied all together or not at all (--partial applies\n"
                  "the valid rows). Importing the same file again changes nothing. Rejected rows go to FILE.rejects.csv.");
  command->add_option("KIND", options->kind, "customers, contacts, accounts or payments")->required();
  command->add_option("FILE", options->file, "the file to import")->required();
  AddDatabaseOptions(*command, options->database);
  command->add_option("--format", options->format, "csv or jsonl (default: from the file name, else csv)");
  command->add_option("--encoding", options->encoding, "utf-8 (default) or gb18030");
  command->add_flag("--partial", options->partial, "apply the valid rows even when some are rejected");
  command->add_option("--rejects", options->rejects, "where to write rejected rows (default FILE.rejects.csv)");
  command->add_option("--actor", options->actor, "who runs the import, for the audit log (default cli:$USER)");
  command->add_option("--rules-dir", options->rules_dir, "compliance packs, for judging promises after payments");
  command->add_option("--policy", options->policy_file, "the workflow policy (default config/workflow.yaml)");
  command->add_flag("--json", options->json,
                    "print {\"read\":N,\"inserted\":N,\"updated\":N,\"unchanged\":N,\"rejected\":N,...}");
  OnChosen(*command, selection, options, &Run);
}

}  // namespace arrears::cli
