#include "policy/rule_pack.hpp"
#include "policy/yaml_reading.hpp"


#include "policy/local_time.hpp"

#include <array>
#include <charconv>

namespace arrears::policy {

namespace {

constexpr std::array<std::pair<std::string_view, RuleKind>, 16> kKinds = {{
    {"contact_hours", RuleKind::kContactHours},
    {"designated_inconvenient", RuleKind::kDesignatedInconvenient},
    {"daily_conversations", RuleKind::kDailyConversations},
    {"daily_unanswered_attempts", RuleKind::kDailyUnansweredAttempts},
    {"calls_in_seven_days", RuleKind::kCallsInSevenDays},
    {"after_conversation", RuleKind::kAfterConversation},
    {"cease", RuleKind::kCease},
    {"medium_opt_out", RuleKind::kMediumOptOut},
    {"dispute_hold", RuleKind::kDisputeHold},
    {"flag_hold", RuleKind::kFlagHold},
    {"third_party", RuleKind::kThirdParty},
    {"phone_book", RuleKind::kPhoneBook},
    {"visit_collectors", RuleKind::kVisitCollectors},
    {"agency_notice", RuleKind::kAgencyNotice},
    {"opt_out_notice", RuleKind::kOptOutNotice},
    {"language", RuleKind::kLanguage},
}};

Text2 ReadText2(const YAML::Node& node) {
  Text2 text;
  if (node && node.IsMap()) {
    if (node["zh"]) text.zh = node["zh"].as<std::string>();
    if (node["en"]) text.en = node["en"].as<std::string>();
  }
  return text;
}

}  // namespace

std::string Rule::Param(const std::string& key, const std::string& fallback) const {
  auto it = params.find(key);
  return it == params.end() ? fallback : it->second;
}

int Rule::IntParam(const std::string& key, int fallback) const {
  auto it = params.find(key);
  if (it == params.end()) return fallback;
  int value = fallback;
  std::from_chars(it->second.data(), it->second.data() + it->second.size(), value);
  return value;
}


std::string_view RuleKindName(RuleKind kind) {
  for (const auto& [name, value] : kKinds) {
    if (value == kind) return name;
  }
  return "unknown";
}

Result<RulePack> ParseRulePack(std::string_view yaml_text, std::string_view source) {
  YAML::Node root;
  try {
    root = YAML::Load(std::string(yaml_text));
  } catch (const YAML::Exception& e) {
    return Fail(std::string(source) + ":" + std::to_string(e.mark.line + 1) + ": " + e.msg, std::string(source));
  }
  try {
    RulePack pack;
    if (!root.IsMap() || !root["pack"]) return Fail(std::string(source) + ": a rule pack starts with 'pack: NAME'");
    pack.name = root["pack"].as<std::string>();
    pack.version = root["version"] ? root["version"].as<int>() : 1;
    if (!root["effective_from"]) return Fail(std::string(source) + ": 'effective_from: YYYY-MM-DD' is missing");
    auto effective = Date::Parse(root["effective_from"].as<std::string>(), "effective_from");
    if (!effective) return Fail(Where(source, root["effective_from"]) + ": " + effective.error().message);
    pack.effective_from = *effective;
    pack.jurisdiction = root["jurisdiction"] ? root["jurisdiction"].as<std::string>() : "";
    pack.description = ReadText2(root["description"]);
    for (const YAML::Node& node : root["rules"]) {
      Rule rule;
      if (!node["id"] || !node["kind"]) return Fail(Where(source, node) + ": every rule needs an id and a kind");
      rule.id = node["id"].as<std::string>();
      const std::string kind = node["kind"].as<std::string>();
      bool known = false;
      for (const auto& [name, value] : kKinds) {
        if (name == kind) {
          rule.kind = value;
          known = true;
        }
      }
      if (!known) return Fail(Where(source, node["kind"]) + ": rule " + rule.id + ": unknown kind '" + kind + "'");
      const std::string severity = node["severity"] ? node["severity"].as<std::string>() : "block";
      if (severity != "block" && severity != "warn") {
        return Fail(Where(source, node["severity"]) + ": rule " + rule.id + ": severity is block or warn");
      }
      rule.severity = severity == "warn" ? Severity::kWarn : Severity::kBlock;
      rule.source = node["source"] ? node["source"].as<std::string>() : "";
      rule.description = ReadText2(node["description"]);
      rule.message = ReadText2(node["message"]);
      if (rule.message.zh.empty() || rule.message.en.empty()) {
        return Fail(Where(source, node) + ": rule " + rule.id + " needs a message in zh and en");
      }
      if (const YAML::Node params = node["params"]) {
        for (const auto& item : params) {
          const std::string key = item.first.as<std::string>();
          if (item.second.IsSequence()) {
            rule.lists[key] = item.second.as<std::vector<std::string>>();
          } else if (item.second.IsMap() && key == "phrases") {
            for (const auto& category : item.second) {
              rule.phrases[category.first.as<std::string>()] = category.second.as<std::vector<std::string>>();
            }
          } else {
            rule.params[key] = item.second.as<std::string>();
          }
        }
      }
      if (auto channels = rule.lists.find("channels"); channels != rule.lists.end()) {
        rule.channel_mask = 0;
        for (const std::string& name : channels->second) {
          auto channel = ParseChannel(name);
          if (!channel) return Fail(Where(source, node) + ": rule " + rule.id + ": unknown channel '" + name + "'");
          rule.channel_mask |= 1U << static_cast<unsigned>(*channel);
        }
      }
      // The documented defaults when a pack leaves the number out.
      int fallback = 0;
      switch (rule.kind) {
        case RuleKind::kDailyConversations: fallback = 2; break;
        case RuleKind::kDailyUnansweredAttempts: fallback = 6; break;
        case RuleKind::kCallsInSevenDays:
        case RuleKind::kAfterConversation: fallback = 7; break;
        case RuleKind::kVisitCollectors: fallback = 2; break;
        default: break;
      }
      rule.number = rule.IntParam("limit", rule.IntParam("days", rule.IntParam("minimum", fallback)));
      for (auto [key, target] : {std::pair<const char*, int*>{"start", &rule.start_minute}, {"end", &rule.end_minute}}) {
        if (rule.params.contains(key)) {
          *target = ParseClockMinutes(rule.params[key]);
          if (*target < 0) return Fail(Where(source, node) + ": rule " + rule.id + ": " + key + " is not HH:MM");
        }
      }
      pack.rules.push_back(std::move(rule));
    }
    if (pack.rules.empty()) return Fail(std::string(source) + ": the pack has no rules");
    return pack;
  } catch (const YAML::Exception& e) {
    return Fail(std::string(source) + ":" + std::to_string(e.mark.line + 1) + ": " + e.msg, std::string(source));
  }
}

}  // namespace arrears::policy
