#include "policy/strategy.hpp"
#include "policy/yaml_reading.hpp"


#include <algorithm>
#include <array>
#include <set>

#include "core/arrangement.hpp"
#include "core/decimal.hpp"

namespace arrears::policy {

namespace {

constexpr std::array<std::string_view, 8> kActionNames = {"none",   "sms",         "call",         "email",
                                                          "letter", "field_visit", "legal_review", "agency_placement"};

bool Contains(const std::vector<std::string>& list, const std::string& value) {
  return list.empty() || std::find(list.begin(), list.end(), value) != list.end();
}

// Each reader leaves `target` alone when the key is absent.
Status ReadInt(const YAML::Node& map, const char* key, std::optional<int>& target, std::string_view source) {
  const YAML::Node node = map[key];
  if (!node) return Ok{};
  try {
    target = node.as<int>();
  } catch (const YAML::Exception&) {
    return Fail(Where(source, node) + ": " + key + " is a whole number");
  }
  return Ok{};
}

Status ReadAmount(const YAML::Node& map, const char* key, std::optional<std::int64_t>& target,
                  std::string_view source) {
  const YAML::Node node = map[key];
  if (!node) return Ok{};
  auto value = ParseScaledDecimal(node.as<std::string>(), 2, key);
  if (!value || *value < 0) return Fail(Where(source, node) + ": " + key + " is an amount in yuan like \"5000.00\"");
  target = *value;
  return Ok{};
}

Result<Condition> ReadCondition(const YAML::Node& node, std::string_view source) {
  Condition c;
  if (!node) return c;  // no conditions: every case
  if (!node.IsMap()) return Fail(Where(source, node) + ": when is a map of conditions");
  static const std::set<std::string> known = {"buckets", "products", "regions", "promise", "dpd_min", "dpd_max",
                                              "owed_min", "owed_max", "risk_min", "risk_max", "on_hold",
                                              "days_since_contact_min", "broken_min"};
  for (const auto& entry : node) {
    const std::string key = entry.first.as<std::string>();
    if (!known.contains(key)) return Fail(Where(source, entry.first) + ": unknown condition '" + key + "'");
  }
  for (const auto& [key, list] : {std::pair{"buckets", &c.buckets}, std::pair{"products", &c.products},
                                  std::pair{"regions", &c.regions}, std::pair{"promise", &c.promise}}) {
    if (auto s = ReadList(node, key, *list, source); !s) return Fail(s.error());
  }
  for (const std::string& p : c.promise) {
    if (p != "open" && p != "broken" && p != "kept" && p != "none") {
      return Fail(Where(source, node["promise"]) + ": promise is among open, broken, kept, none");
    }
  }
  for (const auto& [key, value] :
       {std::pair{"dpd_min", &c.dpd_min}, std::pair{"dpd_max", &c.dpd_max}, std::pair{"risk_min", &c.risk_min},
        std::pair{"risk_max", &c.risk_max}, std::pair{"days_since_contact_min", &c.days_since_contact_min},
        std::pair{"broken_min", &c.broken_min}}) {
    if (auto s = ReadInt(node, key, *value, source); !s) return Fail(s.error());
  }
  if (auto s = ReadAmount(node, "owed_min", c.owed_min, source); !s) return Fail(s.error());
  if (auto s = ReadAmount(node, "owed_max", c.owed_max, source); !s) return Fail(s.error());
  if (const YAML::Node hold = node["on_hold"]) {
    try {
      c.on_hold = hold.as<bool>();
    } catch (const YAML::Exception&) {
      return Fail(Where(source, hold) + ": on_hold is true or false");
    }
  }
  return c;
}

Result<TreatmentPath> ReadPath(const YAML::Node& node, const std::string& what, std::string_view source) {
  if (!node.IsMap()) return Fail(Where(source, node) + ": " + what + " is a map with name, steps and otherwise");
  TreatmentPath path;
  if (!node["name"]) return Fail(Where(source, node) + ": " + what + " needs a name");
  path.name = node["name"].as<std::string>();
  if (const YAML::Node otherwise = node["otherwise"]) {
    const auto action = ParseAction(otherwise.as<std::string>());
    if (!action) return Fail(Where(source, otherwise) + ": unknown action '" + otherwise.as<std::string>() + "'");
    path.otherwise = *action;
  }
  if (const YAML::Node steps = node["steps"]) {
    if (!steps.IsSequence()) return Fail(Where(source, steps) + ": steps is a list of {day, action, template}");
    for (const YAML::Node& s : steps) {
      TreatmentStep step;
      if (!s["day"] || !s["action"]) return Fail(Where(source, s) + ": a step has a day and an action");
      try {
        step.day = s["day"].as<int>();
      } catch (const YAML::Exception&) {
        return Fail(Where(source, s["day"]) + ": day is a whole number of days");
      }
      if (step.day < 0) return Fail(Where(source, s["day"]) + ": day is 0 or more");
      const auto action = ParseAction(s["action"].as<std::string>());
      if (!action) return Fail(Where(source, s["action"]) + ": unknown action '" + s["action"].as<std::string>() + "'");
      step.action = *action;
      if (s["template"]) step.template_id = s["template"].as<std::string>();
      const bool message = step.action == Action::kSms || step.action == Action::kEmail || step.action == Action::kLetter;
      if (message && step.template_id.empty()) {
        return Fail(Where(source, s) + ": a " + std::string(ActionName(step.action)) + " step names its template");
      }
      if (!path.steps.empty() && step.day <= path.steps.back().day) {
        return Fail(Where(source, s) + ": steps are in order of day, one per day");
      }
      path.steps.push_back(std::move(step));
    }
  }
  return path;
}

}  // namespace

std::string_view ActionName(Action action) { return kActionNames[static_cast<std::size_t>(action)]; }

std::optional<Action> ParseAction(std::string_view name) {
  for (std::size_t i = 0; i < kActionNames.size(); ++i) {
    if (kActionNames[i] == name) return static_cast<Action>(i);
  }
  return std::nullopt;
}

std::string_view ArmName(Arm arm) { return arm == Arm::kChampion ? "champion" : "challenger"; }

bool Condition::Holds(const CaseFeatures& f) const {
  if (!Contains(buckets, f.bucket) || !Contains(products, f.product) || !Contains(regions, f.region) ||
      !Contains(promise, f.promise)) {
    return false;
  }
  if ((dpd_min && f.days_past_due < *dpd_min) || (dpd_max && f.days_past_due > *dpd_max)) return false;
  if ((owed_min && f.owed < *owed_min) || (owed_max && f.owed > *owed_max)) return false;
  if (risk_min || risk_max) {
    if (!f.risk_score) return false;  // a risk condition needs a score
    if ((risk_min && *f.risk_score < *risk_min) || (risk_max && *f.risk_score > *risk_max)) return false;
  }
  if (on_hold && f.on_hold != *on_hold) return false;
  if (days_since_contact_min && f.days_since_contact && *f.days_since_contact < *days_since_contact_min) return false;
  if (broken_min && f.broken_promises < *broken_min) return false;
  return true;
}

std::int64_t SplitPoint(std::int64_t case_id, std::string_view strategy) {
  std::uint64_t hash = 14695981039346656037ull;
  const auto mix = [&hash](unsigned char byte) {
    hash ^= byte;
    hash *= 1099511628211ull;
  };
  for (char c : strategy) mix(static_cast<unsigned char>(c));
  for (int i = 0; i < 8; ++i) mix(static_cast<unsigned char>(static_cast<std::uint64_t>(case_id) >> (8 * i)));
  return static_cast<std::int64_t>(hash % 1'000'000);
}

Placement Strategy::Place(std::int64_t case_id, const CaseFeatures& features) const {
  for (const Segment& segment : segments) {
    if (!segment.when.Holds(features)) continue;
    Placement placement{&segment, Arm::kChampion, &segment.champion};
    if (segment.challenger && SplitPoint(case_id, name) < segment.challenger_ppm) {
      placement.arm = Arm::kChallenger;
      placement.path = &*segment.challenger;
    }
    return placement;
  }
  return {};
}

const Segment* Strategy::Find(std::string_view segment) const {
  for (const Segment& s : segments) {
    if (s.name == segment) return &s;
  }
  return nullptr;
}

const TreatmentStep* StepOn(const TreatmentPath& path, int day) {
  for (const TreatmentStep& step : path.steps) {
    if (step.day == day) return &step;
  }
  return nullptr;
}

Result<Strategy> ParseStrategy(std::string_view yaml_text, std::string_view source) {
  try {
    const YAML::Node root = YAML::Load(std::string(yaml_text));
    if (!root.IsMap() || !root["name"]) return Fail(std::string(source) + ": a strategy has a name and segments");
    Strategy strategy;
    strategy.name = root["name"].as<std::string>();
    if (root["version"]) strategy.version = root["version"].as<int>();
    const YAML::Node segments = root["segments"];
    if (!segments || !segments.IsSequence() || segments.size() == 0) {
      return Fail(Where(source, root) + ": segments is a non-empty list");
    }
    std::set<std::string> names;
    for (const YAML::Node& node : segments) {
      Segment segment;
      if (!node["name"]) return Fail(Where(source, node) + ": every segment has a name");
      segment.name = node["name"].as<std::string>();
      if (!names.insert(segment.name).second) {
        return Fail(Where(source, node) + ": segment '" + segment.name + "' appears twice");
      }
      auto when = ReadCondition(node["when"], source);
      if (!when) return Fail(when.error());
      segment.when = std::move(*when);
      if (!node["champion"]) return Fail(Where(source, node) + ": segment '" + segment.name + "' needs a champion path");
      auto champion = ReadPath(node["champion"], "champion", source);
      if (!champion) return Fail(champion.error());
      segment.champion = std::move(*champion);
      if (const YAML::Node challenger = node["challenger"]) {
        auto path = ReadPath(challenger, "challenger", source);
        if (!path) return Fail(path.error());
        if (!challenger["share"]) return Fail(Where(source, challenger) + ": a challenger has a share like \"20%\"");
        auto share = ParseShare(challenger["share"].as<std::string>(), "share");
        if (!share || *share <= 0 || *share >= 1'000'000) {
          return Fail(Where(source, challenger["share"]) + ": share is a percentage above 0% and below 100%");
        }
        segment.challenger = std::move(*path);
        segment.challenger_ppm = *share;
      }
      strategy.segments.push_back(std::move(segment));
    }
    return strategy;
  } catch (const YAML::Exception& e) {
    return Fail(std::string(source) + ":" + std::to_string(e.mark.line + 1) + ": " + e.msg);
  }
}

}  // namespace arrears::policy
