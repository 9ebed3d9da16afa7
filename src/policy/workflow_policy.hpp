// The institution's workflow policy (config/workflow.yaml): limits on
// promises, arrangements and waivers, the authority matrix by role, product
// and bucket, approval expiry, the monitoring period after closure and the
// document size limit. Parsing the text is not I/O; the caller reads the file.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/authority.hpp"
#include "core/promise.hpp"
#include "core/result.hpp"

namespace arrears::policy {

struct AuthorityEntry {
  std::string role;                  // a role id (DESIGN.md), e.g. "collector"
  std::string product;               // "card", "loan" or "*"
  std::vector<std::string> buckets;  // "M1", "M2" ...; empty: every bucket
  AuthorityLimit limit;
};

// Text the institution gives in both languages.
struct BilingualText {
  std::string zh;
  std::string en;
  const std::string& In(std::string_view language) const { return language == "en" && !en.empty() ? en : zh; }
};

// Who the messages and letters come from, and what they tell the debtor.
struct Institution {
  BilingualText name;                // 示例银行信用卡中心
  BilingualText seal_text;           // the text of the seal on letters
  BilingualText repayment_channels;  // how to repay
  BilingualText opt_out;             // the opt-out line of SMS and email (回复TD退订)
  BilingualText address;             // where objections and evidence are sent
  std::string callback_number;       // 400-...
  std::string email_from;            // the sender of emails
};

// The outbox: how often and how long a message that could not be sent is tried again.
struct MessagingPolicy {
  int max_attempts = 5;
  std::vector<int> backoff_minutes = {1, 5, 30, 120};  // after the 1st, 2nd, ... failure; the last repeats
};

struct WorkflowPolicy {
  PromisePolicy promise;
  PromiseRules promise_rules;          // grace and tolerance, for promises and installments
  int reminder_days_before = 1;        // a promise reminder this many days before its date
  std::map<std::string, int> max_plan_months;  // by product type; "*" for the rest
  int max_deferral_days = 90;
  int broken_installments_to_fail = 2;
  int approval_expiry_days = 7;
  int monitoring_days = 90;
  int field_visit_collectors = 2;
  std::int64_t max_document_bytes = 10 * 1024 * 1024;
  std::vector<AuthorityEntry> authority;
  Institution institution;
  MessagingPolicy messaging;

  int MaxPlanMonths(std::string_view product) const;
  // The most specific entry for the role, product and bucket; none: no authority at all.
  AuthorityLimit LimitFor(std::string_view role, std::string_view product, std::string_view bucket) const;
};

// Errors name the file and line ("workflow.yaml:12: ...").
Result<WorkflowPolicy> ParseWorkflowPolicy(std::string_view yaml_text, std::string_view source);

}  // namespace arrears::policy
