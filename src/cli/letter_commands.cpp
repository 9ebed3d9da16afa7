// arrears letter render | batch: formal letters as PDF. `render` composes one
// letter from a case, keeps it on the case and writes it to a file; `batch`
// does it for the day's queue items whose strategy step is a letter (or, with
// --type, for every open case), typesetting on every core between reading the
// cases and keeping the letters, a chunk at a time.
#include <CLI/CLI.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <memory>
#include <thread>

#include "app/workflow/letters.hpp"
#include "channels/letter_pdf.hpp"
#include "cli/case_argument.hpp"
#include "cli/json_output.hpp"
#include "cli/usage_error.hpp"
#include "cli/workflow_session.hpp"
#include "store/cycle/sql_cycle_store.hpp"

namespace arrears::cli {

namespace {

namespace fs = std::filesystem;

app::LetterKind KindOption(const std::string& text) {
  const auto kind = app::ParseLetterKind(text);
  if (!kind) throw UsageError("--type: collection, lawyer, plan, settlement or dispute, not '" + text + "'");
  return *kind;
}

void WriteFile(const std::string& path, const std::string& bytes, const std::string& option) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << bytes;
  out.flush();
  if (!out) throw UsageError(option + ": cannot write " + path);
}

struct RenderOptions {
  WorkflowOptions workflow;
  std::string case_id;
  std::string type;
  std::string out;
};

void RunRender(const RenderOptions& o, const Context& context) {
  const app::LetterKind kind = KindOption(o.type);
  channels::PdfLetterRenderer renderer;
  app::LetterIssued issued;
  RunWorkflow(o.workflow, context, [&](app::WorkflowContext& w) -> Status {
    auto id = ResolveCase(w, o.case_id);
    if (!id) return Fail(id.error());
    auto letter = app::IssueLetter(w, renderer, *id, kind);
    if (!letter) return Fail(letter.error());
    issued = std::move(*letter);
    return Ok{};
  });
  WriteFile(o.out, issued.pdf, "--out");
  const boost::json::object json{{"document", issued.document.id}, {"file", o.out},
                                 {"bytes", issued.document.size_bytes}, {"sha256", issued.document.sha256}};
  if (o.workflow.json) {
    PrintJson(context.out, json);
  } else {
    context.out << o.out << ": " << issued.document.size_bytes << " bytes, kept on the case as document "
                << issued.document.id << " (SHA-256 " << issued.document.sha256 << ")\n";
  }
}

struct BatchOptions {
  WorkflowOptions workflow;
  std::string date;
  std::string type;
  std::string out_dir;
  int limit = 0;
  int threads = 0;
  int chunk = 200;
};

void RunBatch(const BatchOptions& o, const Context& context) {
  if (o.date.empty() == o.type.empty()) {
    throw UsageError("--date (the queue's letters) or --type (every open case), one of them");
  }
  if (o.chunk < 1) throw UsageError("--chunk: at least 1");
  const int threads = o.threads > 0 ? o.threads : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  if (!o.out_dir.empty()) fs::create_directories(o.out_dir);
  const auto started = std::chrono::steady_clock::now();
  // What to write: (case, kind) pairs.
  std::vector<std::pair<CaseId, app::LetterKind>> work;
  {
    const WorkflowEnvironment environment = OpenWorkflowEnvironment(o.workflow);
    auto session = environment.database->Acquire();
    RequireCurrentSchema(*session);
    if (!o.date.empty()) {
      store::SqlCycleStore store(*session, *environment.vault);
      for (const app::QueueItem& item : store.Queue(DateOption(o.date, "--date"), "", "")) {
        if (item.action != "letter") continue;
        const app::LetterKind kind = item.template_id.starts_with("lawyer") ? app::LetterKind::kLawyer
                                                                            : app::LetterKind::kCollection;
        work.emplace_back(CaseId{item.case_id}, kind);
      }
    } else {
      const app::LetterKind kind = KindOption(o.type);
      for (const store::Row& row : session->Query("SELECT id FROM cases WHERE closed_at IS NULL ORDER BY id")) {
        work.emplace_back(CaseId{row.Int(0)}, kind);
      }
    }
  }
  if (o.limit > 0 && work.size() > static_cast<std::size_t>(o.limit)) work.resize(static_cast<std::size_t>(o.limit));
  std::int64_t issued = 0, refused = 0, bytes = 0;
  std::vector<std::string> refusals;
  double compose_seconds = 0, render_seconds = 0, keep_seconds = 0;
  using Clock = std::chrono::steady_clock;
  const auto since = [](Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); };
  for (std::size_t begin = 0; begin < work.size(); begin += static_cast<std::size_t>(o.chunk)) {
    const std::size_t end = std::min(work.size(), begin + static_cast<std::size_t>(o.chunk));
    // Compose the chunk's letters, typeset them on every core, keep them in one transaction.
    std::vector<std::optional<app::LetterDocument>> letters(end - begin);
    auto step = Clock::now();
    RunWorkflow(o.workflow, context, [&](app::WorkflowContext& w) -> Status {
      for (std::size_t i = begin; i < end; ++i) {
        auto letter = app::ComposeLetter(w, work[i].first, work[i].second);
        if (letter) {
          letters[i - begin] = std::move(*letter);
        } else {
          ++refused;
          if (refusals.size() < 20) refusals.push_back("case " + std::to_string(work[i].first.value) + ": " + letter.error().message);
        }
      }
      return Ok{};
    });
    compose_seconds += since(step);
    step = Clock::now();
    std::vector<std::string> pdfs(letters.size());
    std::vector<std::thread> pool;
    for (int t = 0; t < threads; ++t) {
      pool.emplace_back([&, t] {
        channels::PdfLetterRenderer renderer;
        for (std::size_t i = static_cast<std::size_t>(t); i < letters.size(); i += static_cast<std::size_t>(threads)) {
          if (letters[i]) pdfs[i] = renderer.Render(*letters[i]);
        }
      });
    }
    for (std::thread& thread : pool) thread.join();
    render_seconds += since(step);
    step = Clock::now();
    RunWorkflow(o.workflow, context, [&](app::WorkflowContext& w) -> Status {
      for (std::size_t i = 0; i < letters.size(); ++i) {
        if (!letters[i]) continue;
        const CaseId id = work[begin + i].first;
        if (!o.out_dir.empty()) {
          WriteFile((fs::path(o.out_dir) / (letters[i]->kind + "-" + std::to_string(id.value) + ".pdf")).string(), pdfs[i],
                    "--out-dir");
        }
        bytes += static_cast<std::int64_t>(pdfs[i].size());
        auto kept = app::KeepLetter(w, id, *letters[i], std::move(pdfs[i]));
        if (!kept) return Fail(kept.error());
        ++issued;
      }
      return Ok{};
    });
    keep_seconds += since(step);
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  boost::json::array reasons;
  for (const std::string& r : refusals) reasons.push_back(boost::json::value(r));
  if (o.workflow.json) {
    PrintJson(context.out, boost::json::object{{"issued", issued},
                                               {"refused", refused},
                                               {"bytes", bytes},
                                               {"seconds", seconds},
                                               {"letters_per_second", seconds > 0 ? static_cast<double>(issued) / seconds : 0.0},
                                               {"compose_seconds", compose_seconds},
                                               {"render_seconds", render_seconds},
                                               {"keep_seconds", keep_seconds},
                                               {"refusals", reasons}});
  } else {
    context.out << issued << " letters issued (" << bytes / 1024 << " KiB) in " << seconds << " s";
    if (refused > 0) context.out << "; " << refused << " refused, e.g. " << refusals.front();
    context.out << '\n';
  }
}

}  // namespace

void AddLetterCommands(CLI::App& group, Selection& selection) {
  {
    auto options = std::make_shared<RenderOptions>();
    CLI::App* command = group.add_subcommand("render", "Issue one letter from a case as a PDF (kept on the case)");
    command->add_option("--case", options->case_id, "the case id, or the customer's reference")->required();
    command->add_option("--type", options->type, "collection, lawyer, plan, settlement or dispute")->required();
    command->add_option("--out", options->out, "the PDF file to write")->required();
    AddWorkflowOptions(*command, options->workflow);
    OnChosen(*command, selection, options, &RunRender);
  }
  {
    auto options = std::make_shared<BatchOptions>();
    CLI::App* command = group.add_subcommand("batch", "Issue the letters of a strategy step, or one kind for every open case");
    command->add_option("--date", options->date, "the day's queue: every item whose action is a letter");
    command->add_option("--type", options->type, "instead of --date: this kind for every open case");
    command->add_option("--limit", options->limit, "at most this many letters");
    command->add_option("--out-dir", options->out_dir, "also write each PDF into this folder");
    command->add_option("--threads", options->threads, "threads typesetting (default: every core)");
    command->add_option("--chunk", options->chunk, "letters per transaction (default 200)");
    AddWorkflowOptions(*command, options->workflow);
    OnChosen(*command, selection, options, &RunBatch);
  }
}

}  // namespace arrears::cli
