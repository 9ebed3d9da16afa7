// Call guides (话术): the institution's scripted steps for a call —
// greeting and self-identification, right-party verification, the amount,
// how to pay and what overdue costs, the offer, confirming what was agreed —
// with answers for the common objections. Scripts are data (YAML) that
// administrators maintain per product and case stage; their texts use the
// message templates' {{variables}} and are screened by the packs' language
// rules like every template.
#pragma once

#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "policy/rule_pack.hpp"

namespace arrears::policy {

struct ScriptStep {
  std::string id;     // greeting, verify, ...
  std::string title;  // what the step is for, shown to the agent
  std::string say;    // what to say, with {{variables}}
};

struct ScriptText {
  std::string title;
  std::vector<ScriptStep> steps;       // in call order
  std::vector<ScriptStep> objections;  // hardship, changed_contact, unwilling, unhappy, ...
};

struct CallScript {
  std::string id;
  std::vector<std::string> products;  // product types (card, loan, ...) or "*"
  std::vector<std::string> stages;    // case stages (new, reminding, ...) or "*"
  std::map<std::string, ScriptText> languages;  // zh, en

  // Whether the script is for a case of this product and stage, and how
  // closely: 3 both named, 2 the stage named, 1 the product named, 0 neither.
  bool Fits(std::string_view product, std::string_view stage) const;
  int Specificity() const;
};

// A script file (config/scripts/*.yaml):
//   id: early_call
//   products: ["*"]
//   stages: [new, reminding]
//   zh: {title: ..., steps: [{id: greeting, title: ..., say: ...}, ...], objections: [...]}
//   en: {...}
// Errors name the file and line.
Result<CallScript> ParseCallScript(std::string_view yaml_text, std::string_view source);

// A script fit to save: its id well formed, each language with steps, every step with an id, a title and a text
// whose variables are known and that carries no prohibited phrase. The error names the field: "zh.steps[2].say".
Status CheckCallScript(const CallScript& script, std::span<const RulePack* const> packs);

}  // namespace arrears::policy
