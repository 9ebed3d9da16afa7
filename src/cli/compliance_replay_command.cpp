// arrears compliance replay: re-evaluates recorded contacts under a rule pack
// and lists each one it would have blocked, for a compliance audit.
#include <CLI/CLI.hpp>
#include <fstream>
#include <memory>
#include <sstream>

#include "cli/arguments.hpp"
#include "cli/command.hpp"
#include "cli/compliance_input.hpp"
#include "cli/json_output.hpp"
#include "cli/usage_error.hpp"
#include "policy/engine.hpp"
#include "policy/local_time.hpp"

namespace arrears::cli {

namespace {

struct Options {
  std::string packs;
  std::string history;
  std::string from;
  std::string to;
  std::vector<std::string> timezones = {"Asia/Shanghai"};
  std::string rules_dir = "config/rules";
  std::string lang = "zh";
  bool json = false;
};

void Run(const Options& o, const Context& context) {
  const Date from = DateArg(o.from, "--from");
  const Date to = DateArg(o.to, "--to");
  if (to < from) throw UsageError("--to: " + o.to + " is before --from " + o.from);
  for (const std::string& zone : o.timezones) {
    if (!policy::FindZone(zone)) throw UsageError("--timezones: '" + zone + "' is not an IANA time zone");
  }
  const auto packs = LoadPacks(o.packs, o.rules_dir);
  std::vector<const policy::RulePack*> pointers;
  for (const auto& pack : packs) pointers.push_back(&pack);
  std::ifstream file(o.history);
  if (!file) throw UsageError("--history: cannot read " + o.history);
  auto history = ReadHistory(file, o.history);
  std::stable_sort(history.begin(), history.end(), [](const auto& a, const auto& b) { return a.at < b.at; });
  const policy::Zone zone = *policy::FindZone(o.timezones.front());
  const policy::Language language = o.lang == "en" ? policy::Language::kEn : policy::Language::kZh;

  boost::json::array violations;
  std::int64_t checked = 0;
  std::vector<policy::HistoryEvent> before;
  for (const policy::HistoryEvent& event : history) {
    const Date day = Date::FromSerial(policy::LocalDay(event.at, zone));
    if (event.type == policy::EventType::kContact && !event.inbound && day >= from && day <= to) {
      policy::Attempt attempt;
      attempt.channel = event.channel;
      attempt.at = event.at;
      attempt.person = event.person;
      attempt.party = event.party;
      attempt.debts = event.debts;
      attempt.number = event.number;
      attempt.collector = event.collector;
      attempt.timezones = o.timezones;
      ++checked;
      const auto decision = Require(policy::Evaluate(pointers, before, attempt, language), "--history");
      for (const policy::Reason& reason : decision.reasons) {
        if (reason.verdict != policy::Verdict::kBlock) continue;
        violations.push_back(boost::json::object{{"at", policy::FormatLocal(event.at, zone)},
                                                 {"person", event.person},
                                                 {"channel", policy::ChannelName(event.channel)},
                                                 {"collector", event.collector},
                                                 {"rule", reason.rule},
                                                 {"message", reason.message}});
      }
    }
    before.push_back(event);
  }
  if (o.json) {
    PrintJson(context.out, boost::json::object{{"checked", checked}, {"violations", std::move(violations)}});
    return;
  }
  context.out << checked << " contacts checked, " << violations.size() << " would have been blocked\n";
  for (const auto& item : violations) {
    const auto& v = item.as_object();
    for (const char* key : {"at", "person", "channel", "rule", "message"}) {
      context.out << "  " << std::string_view(v.at(key).as_string());
    }
    context.out << '\n';
  }
}

}  // namespace

void AddComplianceReplay(CLI::App& compliance, Selection& selection) {
  auto options = std::make_shared<Options>();
  CLI::App* command = compliance.add_subcommand("replay", "Re-check recorded contacts under a rule pack");
  command->fallthrough();
  command->add_option("--pack", options->packs, "rule packs, comma-separated")->required();
  command->add_option("--history", options->history, "contact history, JSON lines (docs/compliance.md)")->required();
  command->add_option("--from", options->from, "first local day YYYY-MM-DD")->required();
  command->add_option("--to", options->to, "last local day YYYY-MM-DD")->required();
  command->add_option("--timezones", options->timezones, "the people's time zones (default Asia/Shanghai)");
  command->add_option("--rules-dir", options->rules_dir, "where the packs are (default config/rules)")
      ->envname("ARREARS_RULES_DIR");
  command->add_option("--lang", options->lang, "zh (default) or en");
  command->add_flag("--json", options->json, "print {\"checked\":N,\"violations\":[...]}");
  OnChosen(*command, selection, options, &Run);
}

}  // namespace arrears::cli
