// arrears check-contact: may this contact happen now, and if not, why and when?
#include <CLI/CLI.hpp>
#include <fstream>
#include <memory>
#include <sstream>

#include "cli/command.hpp"
#include "cli/compliance_input.hpp"
#include "cli/json_output.hpp"
#include "cli/text_table.hpp"
#include "cli/usage_error.hpp"
#include "policy/engine.hpp"
#include "policy/local_time.hpp"

namespace arrears::cli {

namespace {

struct Options {
  std::string packs;
  std::string history;
  std::string attempt;
  std::string rules_dir = "config/rules";
  std::string lang = "zh";
  bool json = false;
};

std::string ReadFile(const std::string& path, const std::string& flag) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw UsageError(flag + ": cannot read " + path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

void Run(const Options& o, const Context& context) {
  if (o.lang != "zh" && o.lang != "en") throw UsageError("--lang: '" + o.lang + "' is not zh or en");
  const std::vector<policy::RulePack> packs = LoadPacks(o.packs, o.rules_dir);
  std::ifstream history_file(o.history);
  if (!history_file) throw UsageError("--history: cannot read " + o.history);
  const auto history = ReadHistory(history_file, o.history);
  const auto attempt = ReadAttempt(ReadFile(o.attempt, "--attempt"), o.attempt);
  std::vector<const policy::RulePack*> pointers;
  for (const auto& pack : packs) pointers.push_back(&pack);
  const auto decision = Require(
      policy::Evaluate(pointers, history, attempt, o.lang == "zh" ? policy::Language::kZh : policy::Language::kEn),
      "--attempt");
  const policy::Zone zone = *policy::FindZone(attempt.timezones.front());
  if (o.json) {
    boost::json::array reasons;
    for (const policy::Reason& reason : decision.reasons) {
      boost::json::object item{{"rule", reason.rule}, {"verdict", policy::VerdictName(reason.verdict)},
                               {"message", reason.message}};
      if (reason.allowed_from) item["allowed_from"] = policy::FormatLocal(*reason.allowed_from, zone);
      reasons.push_back(std::move(item));
    }
    boost::json::object out{{"decision", policy::VerdictName(decision.verdict)}, {"reasons", std::move(reasons)}};
    if (decision.allowed_from) out["allowed_from"] = policy::FormatLocal(*decision.allowed_from, zone);
    PrintJson(context.out, out);
    return;
  }
  context.out << policy::VerdictName(decision.verdict);
  if (decision.allowed_from) context.out << " (allowed from " << policy::FormatLocal(*decision.allowed_from, zone) << ")";
  context.out << '\n';
  for (const policy::Reason& reason : decision.reasons) {
    context.out << "  " << policy::VerdictName(reason.verdict) << "  " << reason.rule << "  " << reason.message;
    if (reason.allowed_from) context.out << "; allowed from " << policy::FormatLocal(*reason.allowed_from, zone);
    context.out << '\n';
  }
}

}  // namespace

void AddCheckContact(CLI::App& app, Selection& selection) {
  auto options = std::make_shared<Options>();
  CLI::App* command = app.add_subcommand("check-contact", "May this contact happen now? The decision and its reasons");
  command->fallthrough();
  command->footer("Formats: docs/compliance.md. Times carry an offset; allowed_from is given in the attempt's first time zone.");
  command->add_option("--pack", options->packs, "rule packs, e.g. cn-default or us-regf (comma-separated: all apply)")
      ->required();
  command->add_option("--history", options->history, "contact history, JSON lines")->required();
  command->add_option("--attempt", options->attempt, "the attempted contact, one JSON object")->required();
  command->add_option("--rules-dir", options->rules_dir, "where the packs are (default config/rules)")
      ->envname("ARREARS_RULES_DIR");
  command->add_option("--lang", options->lang, "language of the messages: zh (default) or en");
  command->add_flag("--json", options->json, "print {\"decision\":...,\"reasons\":[...]}");
  OnChosen(*command, selection, options, &Run);
}

}  // namespace arrears::cli
