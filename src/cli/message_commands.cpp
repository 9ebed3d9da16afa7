// arrears template import | list | preview, arrears message send | list |
// receipt | reply, arrears outbox run: message templates, messages asked for
// from a case, what providers say back, and the dispatcher that sends what is
// due (run by `arrears serve` too).
#include <CLI/CLI.hpp>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>

#include "app/workflow/dispatch.hpp"
#include "app/workflow/messages.hpp"
#include "cli/case_argument.hpp"
#include "cli/channel_setup.hpp"
#include "cli/json_output.hpp"
#include "cli/text_table.hpp"
#include "cli/usage_error.hpp"
#include "cli/workflow_session.hpp"
#include "cli/yaml_files.hpp"
#include "store/cycle/sql_cycle_store.hpp"

namespace arrears::cli {

namespace {

namespace fs = std::filesystem;

void Print(const Context& context, const WorkflowOptions& workflow, const boost::json::object& json,
           const std::string& text) {
  if (workflow.json) {
    PrintJson(context.out, json);
  } else {
    context.out << text << '\n';
  }
}

struct ImportOptions {
  WorkflowOptions workflow;
  std::vector<std::string> paths;
};

// Every template file given (a folder: its *.yaml), each language a new version; all or nothing.
void RunTemplateImport(const ImportOptions& o, const Context& context) {
  const auto files = ReadYamlFiles(o.paths, "PATH");
  if (files.empty()) throw UsageError("PATH: no template files (*.yaml) in " + o.paths.front());
  boost::json::array saved;
  std::string text;
  RunWorkflow(o.workflow, context, [&](app::WorkflowContext& w) -> Status {
    for (const auto& [path, yaml] : files) {
      auto templates = policy::ParseTemplateFile(yaml, fs::path(path).filename().string());
      if (!templates) return Fail(Error{ErrorCode::kInvalidArgument, templates.error().message, "PATH"});
      for (const policy::MessageTemplate& t : *templates) {
        auto version = app::SaveTemplate(w, t);
        if (!version) {
          Error error = version.error();
          error.message = fs::path(path).filename().string() + " (" + t.language + "): " + error.message;
          return Fail(error);
        }
        saved.push_back({{"id", t.id}, {"language", t.language}, {"version", *version}});
        text += t.id + " (" + t.language + ") version " + std::to_string(*version) + "\n";
      }
    }
    return Ok{};
  });
  if (o.workflow.json) {
    PrintJson(context.out, boost::json::object{{"saved", saved}});
  } else {
    context.out << text;
  }
}

struct ListOptions {
  WorkflowOptions workflow;
};

void RunTemplateList(const ListOptions& o, const Context& context) {
  RunWorkflow(o.workflow, context, [&](app::WorkflowContext& w) -> Status {
    auto templates = app::ListTemplates(w);
    if (!templates) return Fail(templates.error());
    boost::json::array array;
    TextTable table({"id", "language", "version", "channel", "subject"});
    for (const policy::MessageTemplate& t : *templates) {
      array.push_back({{"id", t.id}, {"language", t.language}, {"version", t.version},
                       {"channel", policy::ChannelName(t.channel)}, {"subject", t.subject}, {"body", t.body}});
      table.AddRow({t.id, t.language, std::to_string(t.version), std::string(policy::ChannelName(t.channel)), t.subject});
    }
    if (o.workflow.json) {
      PrintJson(context.out, boost::json::object{{"templates", array}});
    } else {
      table.Print(context.out);
    }
    return Ok{};
  });
}

struct PreviewOptions {
  WorkflowOptions workflow;
  std::string id;
  std::string case_id;
  std::string language;
};

void RunTemplatePreview(const PreviewOptions& o, const Context& context) {
  RunWorkflow(o.workflow, context, [&](app::WorkflowContext& w) -> Status {
    auto id = ResolveCase(w, o.case_id);
    if (!id) return Fail(id.error());
    auto rendered = app::RenderForCase(w, *id, o.id, o.language);
    if (!rendered) return Fail(rendered.error());
    Print(context, o.workflow,
          {{"id", rendered->source.id}, {"language", rendered->source.language}, {"version", rendered->source.version},
           {"subject", rendered->subject}, {"body", rendered->body}, {"segments", rendered->segments}},
          (rendered->subject.empty() ? "" : rendered->subject + "\n\n") + rendered->body + "\n(" +
              std::to_string(rendered->segments) + " segment(s))");
    return Ok{};
  });
}

struct SendOptions {
  WorkflowOptions workflow;
  std::string case_id;
  app::MessageRequest request;
  std::int64_t contact_point = 0;
};

void RunMessageSend(const SendOptions& o, const Context& context) {
  RunWorkflow(o.workflow, context, [&](app::WorkflowContext& w) -> Status {
    auto id = ResolveCase(w, o.case_id);
    if (!id) return Fail(id.error());
    app::MessageRequest request = o.request;
    if (o.contact_point > 0) request.contact_point_id = o.contact_point;
    auto queued = app::QueueMessage(w, *id, request);
    if (!queued) return Fail(queued.error());
    boost::json::array reasons;
    for (const std::string& reason : queued->reasons) reasons.push_back(boost::json::value(reason));
    Print(context, o.workflow,
          {{"message", queued->outbox_id}, {"status", queued->status}, {"next_attempt_at", queued->next_attempt_at},
           {"segments", queued->segments}, {"reasons", reasons}},
          "message " + std::to_string(queued->outbox_id) + " " + queued->status +
              (queued->status == app::kHeld ? " until " + queued->next_attempt_at : "") + " (" +
              std::to_string(queued->segments) + " segment(s))");
    return Ok{};
  });
}

struct BatchOptions {
  WorkflowOptions workflow;
  std::string date;
  app::MessageRequest request;
  int limit = 0;
  int chunk = 500;
};

// The day's queue items whose strategy step is an SMS or email (each with its step's template), or, with
// --template, that message for every open case: queued as `system`, a chunk per transaction; a message compliance
// refuses is counted, not queued.
void RunMessageBatch(const BatchOptions& o, const Context& context) {
  if (o.date.empty() == o.request.template_id.empty()) {
    throw UsageError("--date (the queue's messages) or --template with --channel (every open case), one of them");
  }
  if (o.chunk < 1) throw UsageError("--chunk: at least 1");
  std::vector<std::pair<CaseId, app::MessageRequest>> work;
  {
    const WorkflowEnvironment environment = OpenWorkflowEnvironment(o.workflow);
    auto session = environment.database->Acquire();
    RequireCurrentSchema(*session);
    if (!o.date.empty()) {
      store::SqlCycleStore store(*session, *environment.vault);
      for (const app::QueueItem& item : store.Queue(DateOption(o.date, "--date"), "", "")) {
        if ((item.action != "sms" && item.action != "email") || item.template_id.empty()) continue;
        app::MessageRequest request;
        request.channel = item.action;
        request.template_id = item.template_id;
        work.emplace_back(CaseId{item.case_id}, request);
      }
    } else {
      if (o.request.channel.empty()) throw UsageError("--channel: sms or email");
      for (const store::Row& row : session->Query("SELECT id FROM cases WHERE closed_at IS NULL ORDER BY id")) {
        work.emplace_back(CaseId{row.Int(0)}, o.request);
      }
    }
  }
  if (o.limit > 0 && work.size() > static_cast<std::size_t>(o.limit)) work.resize(static_cast<std::size_t>(o.limit));
  WorkflowOptions system = o.workflow;
  system.as = "system";
  std::int64_t queued = 0, held = 0, refused = 0;
  std::map<std::string, std::int64_t> reasons;
  for (std::size_t begin = 0; begin < work.size(); begin += static_cast<std::size_t>(o.chunk)) {
    const std::size_t end = std::min(work.size(), begin + static_cast<std::size_t>(o.chunk));
    RunWorkflow(system, context, [&](app::WorkflowContext& w) -> Status {
      for (std::size_t i = begin; i < end; ++i) {
        auto result = app::QueueMessage(w, work[i].first, work[i].second);
        if (!result) {
          ++refused;
          ++reasons[result.error().message.substr(0, 120)];
        } else {
          ++(result->status == app::kHeld ? held : queued);
        }
      }
      return Ok{};
    });
  }
  boost::json::object why;
  for (const auto& [reason, count] : reasons) why[reason] = count;
  Print(context, o.workflow, {{"queued", queued}, {"held", held}, {"refused", refused}, {"refusals", why}},
        std::to_string(queued) + " queued, " + std::to_string(held) + " held to the permitted hours, " +
            std::to_string(refused) + " refused");
}

struct MessageListOptions {
  WorkflowOptions workflow;
  std::string case_id;
};

void RunMessageList(const MessageListOptions& o, const Context& context) {
  RunWorkflow(o.workflow, context, [&](app::WorkflowContext& w) -> Status {
    auto id = ResolveCase(w, o.case_id);
    if (!id) return Fail(id.error());
    auto entries = app::CaseMessages(w, *id);
    if (!entries) return Fail(entries.error());
    boost::json::array array;
    TextTable table({"id", "channel", "to", "template", "status", "attempts", "next / sent", "reason"});
    for (const app::OutboxEntry& e : *entries) {
      array.push_back({{"id", e.id}, {"channel", e.channel}, {"to", e.recipient_masked}, {"template", e.template_id},
                       {"template_version", e.template_version}, {"status", e.status}, {"reason", e.reason},
                       {"attempts", e.attempts}, {"next_attempt_at", e.next_attempt_at}, {"sent_at", e.sent_at},
                       {"delivered_at", e.delivered_at}, {"provider_id", e.provider_id}, {"segments", e.segments}});
      table.AddRow({std::to_string(e.id), e.channel, e.recipient_masked, e.template_id, e.status, std::to_string(e.attempts),
                    e.sent_at.empty() ? e.next_attempt_at : e.sent_at, e.reason});
    }
    if (o.workflow.json) {
      PrintJson(context.out, boost::json::object{{"messages", array}});
    } else {
      table.Print(context.out);
    }
    return Ok{};
  });
}

struct ReceiptOptions {
  WorkflowOptions workflow;
  std::string channel = "sms";
  std::string message_id;
  std::string status;
  std::string detail;
};

void RunMessageReceipt(const ReceiptOptions& o, const Context& context) {
  RunWorkflow(o.workflow, context, [&](app::WorkflowContext& w) -> Status {
    if (auto recorded = app::RecordReceipt(w, o.channel, o.message_id, o.status, o.detail); !recorded) return recorded;
    Print(context, o.workflow, {{"message_id", o.message_id}, {"status", o.status}}, o.message_id + ": " + o.status);
    return Ok{};
  });
}

struct ReplyOptions {
  WorkflowOptions workflow;
  std::string channel = "sms";
  std::string from;
  std::string text;
};

void RunMessageReply(const ReplyOptions& o, const Context& context) {
  RunWorkflow(o.workflow, context, [&](app::WorkflowContext& w) -> Status {
    auto recorded = app::RecordReply(w, o.channel, o.from, o.text);
    if (!recorded) return Fail(recorded.error());
    Print(context, o.workflow, {{"matched", recorded->matched}, {"opted_out", recorded->opted_out}},
          !recorded->matched ? "not a customer's own number or address: nothing recorded"
          : recorded->opted_out ? "opted out of " + o.channel
                                : "reply recorded on the case");
    return Ok{};
  });
}

struct RunOptions {
  WorkflowOptions workflow;
  std::string channels = "config/channels.yaml";
  int limit = 1000;
};

void RunOutbox(const RunOptions& o, const Context& context) {
  const WorkflowEnvironment environment = OpenWorkflowEnvironment(o.workflow);
  ChannelSetup channels = LoadChannels(o.channels, "--channels");
  auto session = environment.database->Acquire();
  RequireCurrentSchema(*session);
  const Instant now = context.clock.Now();
  const Date today = context.clock.TodayForDemo();
  const app::Actor system{"system", app::Role::kAdmin, "", ""};
  const app::TransactionRunner run = [&](const std::function<Status(app::WorkflowContext&)>& use_case) {
    return RunInTransaction(*session, *environment.vault, environment.policy, environment.pointers, system, now, today,
                            policy::Language::kEn, use_case);
  };
  auto summary = app::DispatchOutbox(run, channels.senders, o.limit);
  if (!summary) FailWith(summary.error());
  Print(context, o.workflow,
        {{"sent", summary->sent}, {"held", summary->held}, {"retried", summary->retried}, {"failed", summary->failed},
         {"unsent", summary->unsent}},
        "sent " + std::to_string(summary->sent) + ", held " + std::to_string(summary->held) + ", retried " +
            std::to_string(summary->retried) + ", failed " + std::to_string(summary->failed) +
            (summary->unsent ? ", " + std::to_string(summary->unsent) + " with no channel configured" : ""));
}

}  // namespace

void AddTemplateCommands(CLI::App& group, Selection& selection) {
  {
    auto options = std::make_shared<ImportOptions>();
    CLI::App* command = group.add_subcommand("import", "Save template files (a folder: its *.yaml) as new versions");
    command->add_option("PATH", options->paths, "template files or folders (config/templates)")->required();
    AddWorkflowOptions(*command, options->workflow);
    OnChosen(*command, selection, options, &RunTemplateImport);
  }
  {
    auto options = std::make_shared<ListOptions>();
    CLI::App* command = group.add_subcommand("list", "The latest version of every template");
    AddWorkflowOptions(*command, options->workflow);
    OnChosen(*command, selection, options, &RunTemplateList);
  }
  {
    auto options = std::make_shared<PreviewOptions>();
    CLI::App* command = group.add_subcommand("preview", "A template rendered for a case");
    command->add_option("TEMPLATE", options->id, "the template id")->required();
    command->add_option("--case", options->case_id, "the case id, or the customer's reference")->required();
    command->add_option("--language", options->language, "zh or en (default: the customer's)");
    AddWorkflowOptions(*command, options->workflow);
    OnChosen(*command, selection, options, &RunTemplatePreview);
  }
}

void AddMessageCommands(CLI::App& group, Selection& selection) {
  {
    auto options = std::make_shared<SendOptions>();
    CLI::App* command = group.add_subcommand("send", "Queue an SMS or email to the debtor from a template");
    command->add_option("CASE", options->case_id, "the case id, or the customer's reference")->required();
    command->add_option("--channel", options->request.channel, "sms or email")->required();
    command->add_option("--template", options->request.template_id, "the template id")->required();
    command->add_option("--language", options->request.language, "zh or en (default: the customer's)");
    command->add_option("--contact-point", options->contact_point, "the number or address (default: the debtor's own)");
    AddWorkflowOptions(*command, options->workflow);
    OnChosen(*command, selection, options, &RunMessageSend);
  }
  {
    auto options = std::make_shared<BatchOptions>();
    CLI::App* command = group.add_subcommand("batch", "Queue the SMS and email of a strategy step, or one template for every open case");
    command->add_option("--date", options->date, "the day's queue: every item whose action is sms or email");
    command->add_option("--template", options->request.template_id, "instead of --date: this template for every open case");
    command->add_option("--channel", options->request.channel, "with --template: sms or email");
    command->add_option("--limit", options->limit, "at most this many messages");
    command->add_option("--chunk", options->chunk, "messages per transaction (default 500)");
    AddWorkflowOptions(*command, options->workflow);
    OnChosen(*command, selection, options, &RunMessageBatch);
  }
  {
    auto options = std::make_shared<MessageListOptions>();
    CLI::App* command = group.add_subcommand("list", "A case's messages and their delivery");
    command->add_option("CASE", options->case_id, "the case id, or the customer's reference")->required();
    AddWorkflowOptions(*command, options->workflow);
    OnChosen(*command, selection, options, &RunMessageList);
  }
  {
    auto options = std::make_shared<ReceiptOptions>();
    CLI::App* command = group.add_subcommand("receipt", "Record a provider's delivery receipt");
    command->add_option("--channel", options->channel, "sms (default) or email");
    command->add_option("--message-id", options->message_id, "the provider's message id")->required();
    command->add_option("--status", options->status, "delivered, bounced or failed")->required();
    command->add_option("--detail", options->detail, "the provider's words");
    AddWorkflowOptions(*command, options->workflow);
    OnChosen(*command, selection, options, &RunMessageReceipt);
  }
  {
    auto options = std::make_shared<ReplyOptions>();
    CLI::App* command = group.add_subcommand("reply", "Record a debtor's reply (TD, 退订, STOP opt out)");
    command->add_option("--channel", options->channel, "sms (default) or email");
    command->add_option("--from", options->from, "the sender's number or address")->required();
    command->add_option("--text", options->text, "what they wrote")->required();
    AddWorkflowOptions(*command, options->workflow);
    OnChosen(*command, selection, options, &RunMessageReply);
  }
}

void AddOutboxCommands(CLI::App& group, Selection& selection) {
  auto options = std::make_shared<RunOptions>();
  CLI::App* command = group.add_subcommand("run", "Send the messages that are due, once");
  command->add_option("--channels", options->channels, "the channels' configuration (default config/channels.yaml)");
  command->add_option("--limit", options->limit, "at most this many messages (default 1000)");
  AddWorkflowOptions(*command, options->workflow);
  OnChosen(*command, selection, options, &RunOutbox);
}

}  // namespace arrears::cli
