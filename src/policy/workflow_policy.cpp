#include "policy/workflow_policy.hpp"
#include "policy/yaml_reading.hpp"


#include <algorithm>

#include "core/decimal.hpp"

namespace arrears::policy {

namespace {

// Reads `key` of `map` into `target` when present.
Status ReadInt(const YAML::Node& map, const char* key, int& target, int minimum, std::string_view source) {
  const YAML::Node node = map[key];
  if (!node) return Ok{};
  try {
    target = node.as<int>();
  } catch (const YAML::Exception&) {
    return Fail(Where(source, node) + ": " + key + " is a whole number");
  }
  if (target < minimum) return Fail(Where(source, node) + ": " + key + " is at least " + std::to_string(minimum));
  return Ok{};
}

Status ReadAmount(const YAML::Node& map, const char* key, std::int64_t& target, std::string_view source) {
  const YAML::Node node = map[key];
  if (!node) return Ok{};
  auto value = ParseScaledDecimal(node.as<std::string>(), 2, key);
  if (!value || *value < 0) return Fail(Where(source, node) + ": " + key + " is an amount like \"100.00\"");
  target = *value;
  return Ok{};
}

Status ReadShare(const YAML::Node& node, const std::string& what, std::int64_t& target, std::string_view source) {
  auto share = ParseShare(node.as<std::string>(), what);
  if (!share) return Fail(Where(source, node) + ": " + what + ": " + share.error().message);
  target = *share;
  return Ok{};
}

Status ReadAuthority(const YAML::Node& node, AuthorityEntry& entry, std::string_view source) {
  if (!node["role"]) return Fail(Where(source, node) + ": every authority entry names a role");
  entry.role = node["role"].as<std::string>();
  entry.product = node["product"] ? node["product"].as<std::string>() : "*";
  if (const YAML::Node buckets = node["buckets"]) {
    if (buckets.IsSequence()) {
      for (const YAML::Node& bucket : buckets) entry.buckets.push_back(bucket.as<std::string>());
    } else if (buckets.as<std::string>() != "*") {
      return Fail(Where(source, buckets) + ": buckets is a list like [M1, M2] or \"*\"");
    }
  }
  if (auto s = ReadInt(node, "max_periods", entry.limit.max_periods, 0, source); !s) return s;
  if (auto s = ReadInt(node, "max_deferral_days", entry.limit.max_deferral_days, 0, source); !s) return s;
  if (const YAML::Node waiver = node["waiver"]) {
    for (const auto& item : waiver) {
      const std::string name = item.first.as<std::string>();
      const auto component = ParseComponent(name);
      if (!component) return Fail(Where(source, item.first) + ": unknown component '" + name + "'");
      auto status = ReadShare(item.second, "waiver of " + name,
                              entry.limit.max_waiver_ppm[static_cast<std::size_t>(*component)], source);
      if (!status) return status;
    }
  }
  return Ok{};
}

}  // namespace

int WorkflowPolicy::MaxPlanMonths(std::string_view product) const {
  if (auto it = max_plan_months.find(std::string(product)); it != max_plan_months.end()) return it->second;
  if (auto it = max_plan_months.find("*"); it != max_plan_months.end()) return it->second;
  return 60;
}

AuthorityLimit WorkflowPolicy::LimitFor(std::string_view role, std::string_view product, std::string_view bucket) const {
  const AuthorityEntry* best = nullptr;
  int best_score = -1;
  for (const AuthorityEntry& entry : authority) {
    if (entry.role != role) continue;
    const bool product_match = entry.product == product;
    if (!product_match && entry.product != "*") continue;
    const bool bucket_listed = std::find(entry.buckets.begin(), entry.buckets.end(), bucket) != entry.buckets.end();
    if (!entry.buckets.empty() && !bucket_listed) continue;
    const int score = (product_match ? 2 : 0) + (bucket_listed ? 1 : 0);
    if (score > best_score) {
      best = &entry;
      best_score = score;
    }
  }
  return best ? best->limit : AuthorityLimit{};
}

Result<WorkflowPolicy> ParseWorkflowPolicy(std::string_view yaml_text, std::string_view source) {
  try {
    const YAML::Node root = YAML::Load(std::string(yaml_text));
    if (!root.IsMap()) return Fail(std::string(source) + ": the workflow policy is a map of sections");
    WorkflowPolicy policy;
    if (const YAML::Node p = root["promises"]) {
      if (auto s = ReadAmount(p, "minimum_amount", policy.promise.minimum_amount, source); !s) return Fail(s.error());
      if (p["minimum_share"]) {
        std::int64_t share = 0;
        if (auto s = ReadShare(p["minimum_share"], "minimum_share", share, source); !s) return Fail(s.error());
        policy.promise.minimum_share_ppm = static_cast<int>(share);
      }
      for (auto [key, target, minimum] : {std::tuple{"max_days_ahead", &policy.promise.max_days_ahead, 0},
                                          std::tuple{"max_open", &policy.promise.max_open, 1},
                                          std::tuple{"grace_days", &policy.promise_rules.grace_days, 0},
                                          std::tuple{"reminder_days_before", &policy.reminder_days_before, 0}}) {
        if (auto s = ReadInt(p, key, *target, minimum, source); !s) return Fail(s.error());
      }
      if (auto s = ReadAmount(p, "tolerance", policy.promise_rules.tolerance, source); !s) return Fail(s.error());
    }
    if (const YAML::Node a = root["arrangements"]) {
      if (const YAML::Node months = a["max_plan_months"]) {
        for (const auto& item : months) {
          const int value = item.second.as<int>();
          if (value < 1) return Fail(Where(source, item.second) + ": max_plan_months are at least 1");
          policy.max_plan_months[item.first.as<std::string>()] = value;
        }
      }
      if (auto s = ReadInt(a, "max_deferral_days", policy.max_deferral_days, 1, source); !s) return Fail(s.error());
      if (auto s = ReadInt(a, "broken_installments_to_fail", policy.broken_installments_to_fail, 1, source); !s) {
        return Fail(s.error());
      }
    }
    if (const YAML::Node a = root["approvals"]) {
      if (auto s = ReadInt(a, "expiry_days", policy.approval_expiry_days, 1, source); !s) return Fail(s.error());
    }
    if (const YAML::Node c = root["closure"]) {
      if (auto s = ReadInt(c, "monitoring_days", policy.monitoring_days, 0, source); !s) return Fail(s.error());
    }
    if (const YAML::Node v = root["field_visits"]) {
      if (auto s = ReadInt(v, "collectors", policy.field_visit_collectors, 1, source); !s) return Fail(s.error());
    }
    if (const YAML::Node d = root["documents"]) {
      int megabytes = 10;
      if (auto s = ReadInt(d, "max_megabytes", megabytes, 1, source); !s) return Fail(s.error());
      policy.max_document_bytes = static_cast<std::int64_t>(megabytes) * 1024 * 1024;
    }
    if (const YAML::Node i = root["institution"]) {
      for (auto [key, target] : {std::pair{"name", &policy.institution.name},
                                 std::pair{"seal_text", &policy.institution.seal_text},
                                 std::pair{"repayment_channels", &policy.institution.repayment_channels},
                                 std::pair{"opt_out", &policy.institution.opt_out},
                                 std::pair{"address", &policy.institution.address}}) {
        const YAML::Node text = i[key];
        if (!text) continue;
        if (!text.IsMap() || !text["zh"]) {
          return Fail(Where(source, text) + ": institution " + key + " is {zh: ..., en: ...}");
        }
        target->zh = text["zh"].as<std::string>();
        target->en = text["en"] ? text["en"].as<std::string>() : "";
      }
      if (i["callback_number"]) policy.institution.callback_number = i["callback_number"].as<std::string>();
      if (i["email_from"]) policy.institution.email_from = i["email_from"].as<std::string>();
    }
    if (const YAML::Node m = root["messaging"]) {
      if (auto s = ReadInt(m, "max_attempts", policy.messaging.max_attempts, 1, source); !s) return Fail(s.error());
      if (const YAML::Node backoff = m["backoff_minutes"]) {
        policy.messaging.backoff_minutes.clear();
        for (const YAML::Node& item : backoff) {
          const int minutes = item.as<int>();
          if (minutes < 0) return Fail(Where(source, item) + ": backoff_minutes are 0 or more");
          policy.messaging.backoff_minutes.push_back(minutes);
        }
        if (policy.messaging.backoff_minutes.empty()) {
          return Fail(Where(source, backoff) + ": backoff_minutes is a list like [1, 5, 30]");
        }
      }
    }
    for (const YAML::Node& node : root["authority"]) {
      AuthorityEntry entry;
      if (auto s = ReadAuthority(node, entry, source); !s) return Fail(s.error());
      policy.authority.push_back(std::move(entry));
    }
    return policy;
  } catch (const YAML::Exception& e) {
    return Fail(std::string(source) + ":" + std::to_string(e.mark.line + 1) + ": " + e.msg, std::string(source));
  }
}

}  // namespace arrears::policy
